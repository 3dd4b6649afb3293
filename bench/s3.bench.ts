/**
 * S3 ingest and playback through Baqylau's S3 driver against the plain SDK, on a Ceph RGW on this machine
 * (scripts/with-ceph.mjs: one memstore OSD, so objects live in RAM — sizes stay modest).
 *
 * - ingest: `commitStaged` of a staged file (what the ingest does after the last tus PATCH: stream the file as
 *   multipart while hashing it, verify, read the version back, place the legal hold) against a plain
 *   lib-storage Upload of the same file with the same part size and queue. Fresh content (so a fresh key) each round.
 * - playback: random 1 MiB Range GETs through the driver's `get` against a plain GetObject with Range.
 *
 *   node --import tsx bench/s3.bench.ts          (starts Ceph itself when S3_TEST_ENDPOINT is unset)
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createS3BlobStore, createS3Client } from '../apps/server/src/platform/storage/s3-store.ts';
import { BENCH_DIR, QUICK, RESULTS_DIR, log, machineInfo, median, mdTable, round } from './lib/common.ts';

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
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-s3-bench-'));
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
const drain = async (body: AsyncIterable<unknown>) => {
  let n = 0;
  for await (const c of body) n += (c as Buffer).length;
  return n;
};

const started = Date.now();
const ingest = { baqylau: [] as number[], plain: [] as number[] };
let last = { sha256: '', size: 0 };
for (let r = 0; r < ROUNDS; r++) {
  const obj = stage(r);
  // Alternate who goes first: the page cache holds the file for whoever is second.
  const runs = [
    ['baqylau', () => store.commitStaged(file, obj)],
    [
      'plain',
      () =>
        new Upload({
          client,
          params: { Bucket, Key: `plain/${r}`, Body: fs.createReadStream(file, { highWaterMark: MiB }) },
          partSize: 16 * MiB,
          queueSize: 2,
        }).done(),
    ],
  ] as const;
  for (const [name, fn] of r % 2 ? [...runs].reverse() : runs) {
    const s = await seconds(fn);
    ingest[name].push(SIZE_MIB / s);
    log(`round ${r + 1} ingest ${name}: ${(SIZE_MIB / s).toFixed(0)} MiB/s`);
  }
  last = obj;
}

const offsets = Array.from({ length: RANGES }, () => Math.floor(Math.random() * (SIZE_MIB - 1)) * MiB + Math.floor(Math.random() * 1000));
const playback = { baqylau: [] as number[], plain: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  const runs = [
    [
      'baqylau',
      async () => {
        for (const o of offsets) await drain(await store.get(last.sha256, { start: o, end: o + MiB - 1 }));
      },
    ],
    [
      'plain',
      async () => {
        const Key = `originals/${last.sha256.slice(0, 2)}/${last.sha256.slice(2, 4)}/${last.sha256}`;
        for (const o of offsets)
          await drain(
            (await client.send(new GetObjectCommand({ Bucket, Key, Range: `bytes=${o}-${o + MiB - 1}` }))).Body as AsyncIterable<unknown>,
          );
      },
    ],
  ] as const;
  for (const [name, fn] of r % 2 ? [...runs].reverse() : runs) {
    const s = await seconds(fn);
    playback[name].push(RANGES / s);
    log(`round ${r + 1} playback ${name}: ${(RANGES / s).toFixed(0)} ranges/s`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const m = (xs: number[]) => round(median(xs), 1);
const result = {
  ranAt: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
  machine: machineInfo(),
  sizeMiB: SIZE_MIB,
  rounds: ROUNDS,
  ranges: RANGES,
  ingestMiBps: { baqylau: m(ingest.baqylau), plainSdk: m(ingest.plain), ratio: round(median(ingest.baqylau) / median(ingest.plain), 2) },
  playbackRangesPerSecond: {
    baqylau: m(playback.baqylau),
    plainSdk: m(playback.plain),
    ratio: round(median(playback.baqylau) / median(playback.plain), 2),
  },
  raw: { ingest, playback },
};
const outDir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 's3.json'), JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(
  path.join(outDir, 's3.md'),
  `# S3: ingest and playback through the S3 driver vs the plain SDK (Ceph RGW on this machine)

Run ${result.ranAt.slice(0, 16).replace('T', ' ')} UTC, ${result.seconds} s. Machine: ${result.machine.nproc} × ${result.machine.cpuModel}, Node ${process.version}; Ceph RGW 16 (radosgw, one memstore OSD, auth none) on 127.0.0.1, started by scripts/with-ceph.mjs on the same 2 cores.

- **Ingest**: a staged file of ${SIZE_MIB} MiB (fresh content each round, so a fresh key). Baqylau: \`commitStaged\` — HEAD for an existing copy, multipart upload (16 MiB parts, 2 in flight) while hashing every byte, compare with the expected SHA-256, HEAD the stored version, place the legal hold and read it back. Plain: lib-storage \`Upload\` of the same file, same part size and queue, nothing else. ${ROUNDS} rounds, order alternating; median.
- **Playback**: ${RANGES} sequential GETs of 1 MiB at random offsets of the same object: the driver's \`get(sha256, range)\` (what the media route streams) against a plain \`GetObject\` with \`Range\`. ${ROUNDS} rounds, order alternating; median.

${mdTable(
  ['', 'Baqylau S3 driver', 'plain SDK', 'ratio'],
  [
    ['ingest, MiB/s', result.ingestMiBps.baqylau, result.ingestMiBps.plainSdk, result.ingestMiBps.ratio],
    [
      'playback, 1 MiB ranges/s',
      result.playbackRangesPerSecond.baqylau,
      result.playbackRangesPerSecond.plainSdk,
      result.playbackRangesPerSecond.ratio,
    ],
  ],
)}

The S3 server, the OSD and the benchmark share the two cores, so the absolute figures say little about a real cluster; the ratios say what the driver costs over the SDK it is built on.
`,
);
log(
  `ingest ratio ${result.ingestMiBps.ratio}, playback ratio ${result.playbackRangesPerSecond.ratio} → ${path.relative(BENCH_DIR, outDir)}/s3.md`,
);
