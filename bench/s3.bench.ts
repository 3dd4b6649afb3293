/**
 * S3 ingest and playback through Baqylau against references measured in the same run, on a Ceph RGW on this machine
 * (scripts/with-ceph.mjs: one memstore OSD, so objects live in RAM — sizes stay modest).
 *
 * - ingest: `commitStaged` of a staged file (what the ingest does after the last tus PATCH: stream the file as
 *   multipart while hashing it, verify, read the version back, place the legal hold). PRIMARY figure: its ratio to
 *   the lean pipeline of the fs ingest bench on the same file (bench/lib/lean-*.mjs: read once, SHA-256, loopback
 *   HTTP, SHA-256, O_DIRECT write, fsync — the work a verified ingest cannot avoid). Context: a plain lib-storage
 *   Upload of the same file (what S3 itself costs) and `openssl dgst -sha256`. Fresh content (a fresh key) each round.
 * - playback: the same random 1 MiB Range GETs of one recording (uploaded by the real dock agent into a demo server
 *   with STORAGE=s3) three ways — through Baqylau's media route (proxied: session, purpose, ledger, the driver's
 *   ranged GetObject streamed out), a presigned GetObject URL through nginx in front of the RGW, and a plain SDK
 *   GetObject with Range from this process.
 *
 *   node --import tsx bench/s3.bench.ts          (starts Ceph itself when S3_TEST_ENDPOINT is unset)
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createS3BlobStore, createS3Client } from '../apps/server/src/platform/storage/s3-store.ts';
import { BENCH_DIR, QUICK, RESULTS_DIR, loadAverage, log, machineInfo, median, round } from './lib/common.ts';
import { listRecordingsOf, login, makeDevice, spawnAgent, startDemo } from './lib/demo.ts';
import { leanRun, opensslRun } from './lib/ingest-references.ts';
import { startNginxInFrontOfS3 } from './lib/nginx.ts';
import { cleanup, tempDir, writeTestFile } from './lib/procs.ts';
import { renderS3Report, type S3Result } from './lib/s3-report.ts';

if (process.argv.includes('--report-only')) {
  // Re-renders results/s3.md from the recorded results/s3.json (wording changes without a new run).
  const recorded = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, 's3.json'), 'utf8')) as S3Result;
  fs.writeFileSync(path.join(RESULTS_DIR, 's3.md'), renderS3Report(recorded));
  process.exit(0);
}
if (!process.env.S3_TEST_ENDPOINT) {
  const r = spawnSync(
    'node',
    [path.join(BENCH_DIR, '..', 'scripts', 'with-ceph.mjs'), process.execPath, '--import', 'tsx', ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

const MiB = 2 ** 20;
const SIZE_MIB = Number(process.env.BENCH_S3_MIB ?? (QUICK ? 64 : 256));
const ROUNDS = QUICK ? 2 : 3;
const RANGES = QUICK ? 50 : 300;
const PLAY_MIB = Number(process.env.BENCH_S3_PLAY_MIB ?? (QUICK ? 16 : 64));
const s3 = {
  endpoint: process.env.S3_TEST_ENDPOINT,
  region: 'us-east-1',
  accessKeyId: process.env.S3_TEST_ACCESS_KEY!,
  secretAccessKey: process.env.S3_TEST_SECRET_KEY!,
  forcePathStyle: true,
};
const client = createS3Client(s3);
const Bucket = `bench-${randomBytes(4).toString('hex')}`;
await client.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: true }));
const dir = tempDir('baqylau-s3-bench-');
const store = createS3BlobStore({ ...s3, bucket: Bucket, stagingDir: dir }, client);
const file = path.join(dir, 'staged.bin');
const block = randomBytes(MiB);

/** A staged file of fresh content (a new address), and its SHA-256 (known before the commit, as after tus). */
function stage(round: number) {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < SIZE_MIB; i++) {
    block.writeUInt32LE(round * 100_000 + i, 0);
    hash.update(block);
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
  return { sha256: hash.digest('hex'), size: SIZE_MIB * MiB };
}
const seconds = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

const started = Date.now();
const machine = machineInfo();
const MB = (seconds: number) => (SIZE_MIB * MiB) / 1e6 / seconds;
const ingest = { baqylau: [] as number[], plain: [] as number[], lean: [] as number[], openssl: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  const obj = stage(r);
  const testFile = { name: 'staged.bin', file, size: obj.size, sha256: obj.sha256 };
  // Rotate who goes first: the page cache holds the file for whoever follows.
  const runs: [keyof typeof ingest, () => Promise<number>][] = [
    ['baqylau', async () => MB(await seconds(() => store.commitStaged(file, obj)))],
    [
      'plain',
      async () =>
        MB(
          await seconds(() =>
            new Upload({
              client,
              params: { Bucket, Key: `plain/${r}`, Body: fs.createReadStream(file, { highWaterMark: MiB }) },
              partSize: 16 * MiB,
              queueSize: 2,
            }).done(),
          ),
        ),
    ],
    [
      'lean',
      async () => {
        const l = await leanRun(testFile, dir, 'pipeline');
        if (!l.shaOk) throw new Error(`lean pipeline: digest mismatch ${JSON.stringify(l)}`);
        return l.mbps;
      },
    ],
    ['openssl', async () => (await opensslRun([testFile])).mbps],
  ];
  for (const [name, fn] of [...runs.slice(r % runs.length), ...runs.slice(0, r % runs.length)]) {
    const mbps = await fn();
    ingest[name].push(mbps);
    log(`round ${r + 1} ingest ${name}: ${mbps.toFixed(0)} MB/s`);
  }
}

// ---------------------------------------------------------------- playback: one recording, three ways to its bytes
const work = tempDir('baqylau-s3-play-');
const server = await startDemo(path.join(work, 'data'), {
  env: {
    STORAGE: 's3',
    S3_ENDPOINT: s3.endpoint!,
    S3_BUCKET: Bucket,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  },
});
const responsible = await login(server.url, 'responsible');
const token = (await responsible.post<{ secret: string }>('/api-tokens', { name: 'Бенчмарк док-станциясы' })).secret;
const watch = path.join(work, 'watch');
const played = path.join(makeDevice(watch, 'usb-1', 'ВР-001'), '20260302_101000_0001.mp4');
writeTestFile(played, PLAY_MIB * MiB, 's3-playback');
const agent = spawnAgent({ url: server.url, token, watch, parallel: 1, stateFile: path.join(work, 'agent-state.json') });
if ((await agent.proc.exited).code !== 0) throw new Error(`agent failed:\n${agent.proc.output()}`);
const playedSha = createHash('sha256').update(fs.readFileSync(played)).digest('hex');
const rec = (await listRecordingsOf(responsible)).find((x) => x.sha256 === playedSha);
if (!rec) throw new Error('the uploaded recording is not listed');
await responsible.post('/access-purposes', { purpose: 'activity_review', note: 'benchmark' });
const Key = `originals/${playedSha.slice(0, 2)}/${playedSha.slice(2, 4)}/${playedSha}`;
const nginx = await startNginxInFrontOfS3(path.join(work, 'nginx-s3'), s3.endpoint!);
// Presigned for the nginx host (it passes Host through, so the RGW verifies the signature), valid for an hour.
const presigned = await getSignedUrl(createS3Client({ ...s3, endpoint: nginx.base }), new GetObjectCommand({ Bucket, Key }), {
  expiresIn: 3600,
});
const mediaUrl = `${server.url}/api/v1/organisations/${responsible.orgId}/recordings/${rec.id}/media`;
const offsets = Array.from({ length: RANGES }, () => Math.floor(Math.random() * (PLAY_MIB - 1)) * MiB + Math.floor(Math.random() * 1000));
const original = fs.readFileSync(played);
const fetchRange = async (url: string, o: number, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers: { ...headers, range: `bytes=${o}-${o + MiB - 1}` } });
  if (res.status !== 206) throw new Error(`${url.split('?')[0]}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
};
const ways = {
  proxied: (o: number) => fetchRange(mediaUrl, o, { cookie: responsible.cookie }),
  presigned: (o: number) => fetchRange(presigned, o),
  sdk: async (o: number) => {
    const got = await client.send(new GetObjectCommand({ Bucket, Key, Range: `bytes=${o}-${o + MiB - 1}` }));
    return Buffer.from(await got.Body!.transformToByteArray());
  },
};
// Every way returns the very bytes of the original before anything is timed.
for (const [name, get] of Object.entries(ways)) {
  for (const o of offsets.slice(0, 3)) {
    if (!(await get(o)).equals(original.subarray(o, o + MiB))) throw new Error(`${name}: bytes differ at ${o}`);
  }
}
const playback = { proxied: [] as number[], presigned: [] as number[], sdk: [] as number[] };
const names = Object.keys(ways) as (keyof typeof ways)[];
for (let r = 0; r < ROUNDS; r++) {
  for (const name of [...names.slice(r % 3), ...names.slice(0, r % 3)]) {
    const s = await seconds(async () => {
      for (const o of offsets) await ways[name](o);
    });
    playback[name].push(RANGES / s);
    log(`round ${r + 1} playback ${name}: ${(RANGES / s).toFixed(0)} ranges/s`);
  }
}
await nginx.proc.stop();
await server.proc.stop();
await cleanup();

const m = (xs: number[]) => round(median(xs), 1);
const ratio = (a: number[], b: number[]) => round(median(a) / median(b), 2);
const result: S3Result = {
  ranAt: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
  machine: { ...machine, loadAverage: { ...machine.loadAverage, end: loadAverage() } },
  command: 'node --import tsx bench/s3.bench.ts',
  sizeMiB: SIZE_MIB,
  playbackObjectMiB: PLAY_MIB,
  rounds: ROUNDS,
  ranges: RANGES,
  ingestMBps: { baqylau: m(ingest.baqylau), leanPipeline: m(ingest.lean), plainSdk: m(ingest.plain), openssl: m(ingest.openssl) },
  ingestRatios: {
    toLeanPipeline: ratio(ingest.baqylau, ingest.lean),
    toPlainSdk: ratio(ingest.baqylau, ingest.plain),
    toOpenssl: ratio(ingest.baqylau, ingest.openssl),
  },
  playbackRangesPerSecond: { proxied: m(playback.proxied), presignedNginx: m(playback.presigned), plainSdk: m(playback.sdk) },
  playbackRatios: {
    proxiedToPlainSdk: ratio(playback.proxied, playback.sdk),
    presignedNginxToPlainSdk: ratio(playback.presigned, playback.sdk),
    proxiedToPresignedNginx: ratio(playback.proxied, playback.presigned),
  },
  raw: { ingest, playback },
};
const outDir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 's3.json'), JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(path.join(outDir, 's3.md'), renderS3Report(result));
log(
  `ingest ÷ lean ${result.ingestRatios.toLeanPipeline} (÷ SDK ${result.ingestRatios.toPlainSdk}); playback proxied ÷ SDK ${result.playbackRatios.proxiedToPlainSdk}, presigned ÷ SDK ${result.playbackRatios.presignedNginxToPlainSdk} → ${path.relative(BENCH_DIR, outDir)}/s3.md`,
);
