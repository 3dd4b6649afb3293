/**
 * Playback: random 1 MiB Range requests over one stored original (1 GiB, uploaded through the real dock agent),
 * driven by `wrk -t2 -c16 -d15s` with the same Lua script (the same sequence of ranges) against four targets:
 * - nginx with 1 worker and with `worker_processes auto`, serving the object file directly (sendfile): the references;
 * - Baqylau (Node alone): the media route (GET /api/v1/organisations/:orgId/recordings/:id/media, session cookie
 *   of the `responsible` account after a stated purpose) straight on the demo server, which sends the bytes itself;
 * - Baqylau behind nginx (x-accel): nginx (`worker_processes auto`) with the site `baqylau nginx-site` prints in
 *   front of the same server (MEDIA_OFFLOAD=x-accel): Node authorises and logs, nginx sends the file. Its server
 *   CPU is nginx's processes and the Node server together.
 *
 * The goal is judged on the nginx deployment against the faster reference; Node alone is shown next to it.
 * Rounds rotate the order. Before and after, a few ranges are fetched from every target and compared byte for
 * byte with the file, the offload is checked (who sent the bytes), and the ledger is read (as the auditor): one
 * "recording.viewed" entry for the session, however many requests through either Baqylau target. A second wrk
 * pass asks for 1-byte ranges: the fixed cost of a request without the bytes. Last, the server is restarted with
 * --cpu-prof for a short wrk run straight on Node. BENCH_QUICK=1: 256 MiB, 3 s runs, one round.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SETTINGS } from '../apps/server/src/config/config.ts';
import { QUICK, RESULTS_DIR, log, machineInfo, median, round, table } from './lib/common.ts';
import { summariseProfile, type ProfileSummary } from './lib/cpuprofile.ts';
import {
  REPO_ROOT,
  listRecordingsOf,
  login,
  makeDevice,
  objectPath,
  spawnAgent,
  startDemo,
  SERVER_START_SHOWN,
  type DemoServer,
} from './lib/demo.ts';
import { startNginxInFront, startNginxReference } from './lib/nginx.ts';
import { BAQYLAU, FRONTED, NGINX_1, NGINX_AUTO, NODE_ALONE, renderMarkdown, type WrkResult } from './lib/playback-report.ts';
import {
  MiB,
  Sampler,
  busyCores,
  cleanup,
  debVersion,
  exitedChildrenCpuSec,
  machineTicks,
  procStat,
  removeDir,
  run,
  sleep,
  syncDisks,
  tempDir,
  which,
  writeTestFile,
} from './lib/procs.ts';
import { codeState } from './lib/code-state.ts';

const SIZE = QUICK ? 256 * MiB : 1024 * MiB;
const CHUNK = MiB;
const DURATION_S = QUICK ? 3 : 15;
const TINY_DURATION_S = QUICK ? 2 : 5;
const PROFILE_DURATION_S = QUICK ? 2 : 5;
const ROUNDS = QUICK ? 1 : 3;
const THREADS = 2;
const CONNECTIONS = 16;
const GOAL_RATIO = 0.8;
// What the demo server runs with: the benchmark's environment reaches it (spawnProc), else the defaults.
const HOT_READ_CACHE_MS = Number(process.env.HOT_READ_CACHE_MS ?? SETTINGS.hotReadCacheMs.default);
const OFFLOAD_PREFIX = process.env.MEDIA_OFFLOAD_PREFIX ?? SETTINGS.mediaOffloadPrefix.default!;

const LUA = `-- Random byte ranges over a file: args size, chunk, cookie (may be empty). Same seed per thread for every server.
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  size = tonumber(args[1])
  chunk = tonumber(args[2])
  hdrs = {}
  if args[3] and args[3] ~= "" then hdrs["Cookie"] = args[3] end
  math.randomseed(4444 + (id or 0))
end
function request()
  local a = math.random(0, size - chunk)
  hdrs["Range"] = "bytes=" .. a .. "-" .. (a + chunk - 1)
  return wrk.format("GET", nil, hdrs)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"bytes":%d,"durationUs":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\\n',
    summary.requests, summary.bytes, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`;

interface Target {
  name: string;
  url: string;
  cookie: string;
  /** Processes whose CPU counts as the server's, by part (nginx, node); read once per run (workers stay). */
  pids: () => { nginx?: number[]; node?: number[] };
}

const cpuOf = (pids: number[] = []) => pids.reduce((n, p) => n + (procStat(p)?.cpuSec ?? 0), 0);

async function wrk(target: Target, script: string, seconds: number, chunk: number): Promise<WrkResult> {
  const args = ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`, '-s', script, target.url];
  args.push('--', String(SIZE), String(chunk), target.cookie);
  const pids = target.pids();
  const node = pids.node?.[0];
  const cpu0 = { nginx: cpuOf(pids.nginx), node: cpuOf(pids.node) };
  const wrk0 = exitedChildrenCpuSec();
  const m0 = machineTicks();
  const sampler = node ? new Sampler({ server: node }, 200).start() : undefined;
  const rss0 = node ? procStat(node)?.rssMiB : undefined;
  const started = performance.now();
  const { stdout } = await run('wrk', args);
  const ms = performance.now() - started;
  sampler?.stop();
  const parts = {
    ...(pids.nginx ? { nginx: round(cpuOf(pids.nginx) - cpu0.nginx, 2) } : {}),
    ...(pids.node ? { node: round(cpuOf(pids.node) - cpu0.node, 2) } : {}),
  };
  const cpu = round((parts.nginx ?? 0) + (parts.node ?? 0), 2);
  const wrkCpu = round(exitedChildrenCpuSec() - wrk0, 2);
  const cores = busyCores(m0, machineTicks(), ms);
  const line = stdout.split('\n').find((l) => l.startsWith('WRKJSON '));
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  const j = JSON.parse(line.slice(8)) as Pick<WrkResult, 'requests' | 'bytes' | 'durationUs' | 'errors' | 'latencyUs'>;
  const sec = j.durationUs / 1e6;
  return {
    target: target.name,
    chunk,
    ...j,
    rps: round(j.requests / sec, 1),
    mbps: round(j.bytes / 1e6 / sec, 1),
    bytesPerRequest: round(j.bytes / Math.max(1, j.requests)),
    cpuSec: { server: cpu, wrk: wrkCpu, parts },
    machine: {
      busyCores: cores.busy,
      othersCores: round(Math.max(0, cores.busy - (cpu + wrkCpu) / (ms / 1000)), 2),
      stealCores: cores.steal,
    },
    serverRssMiB: sampler && rss0 !== undefined ? { before: round(rss0, 1), peak: sampler.peak('server').sampledRssMiB } : undefined,
    command: `wrk ${args.slice(0, 8).join(' ')} <url> -- ${SIZE} ${chunk}${target.cookie ? ' <cookie>' : ''}`.replace(script, 'range.lua'),
  };
}

/** A few random ranges, compared byte for byte with the file: status 206, Content-Range, bytes. */
async function checkRanges(url: string, cookie: string, file: string, n = 5) {
  const fd = fs.openSync(file, 'r');
  const problems: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const a = Math.floor(Math.random() * (SIZE - CHUNK));
      const b = a + CHUNK - 1;
      const res = await fetch(url, { headers: { range: `bytes=${a}-${b}`, ...(cookie ? { cookie } : {}) } });
      const body = Buffer.from(await res.arrayBuffer());
      const want = Buffer.alloc(CHUNK);
      fs.readSync(fd, want, 0, CHUNK, a);
      if (res.status !== 206) problems.push(`status ${res.status} for bytes=${a}-${b}: ${body.subarray(0, 200).toString()}`);
      else if (res.headers.get('content-range') !== `bytes ${a}-${b}/${SIZE}`)
        problems.push(`content-range ${res.headers.get('content-range')}`);
      else if (!body.equals(want)) problems.push(`bytes differ at ${a}`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return problems;
}

/**
 * Who sent the bytes. Node answers with its own ETag (the content hash); nginx's static module with "mtime-size" in
 * hex. Through the site the answer must be nginx's and must not leak X-Accel-Redirect; straight on Node it must be
 * Node's; a request carrying the site's header straight to Node gets the empty redirect nginx would follow.
 */
async function checkOffload(nodeUrl: string, frontUrl: string, cookie: string, sha: string) {
  const problems: string[] = [];
  const get = (url: string, extra: Record<string, string> = {}) => fetch(url, { headers: { range: 'bytes=0-9', cookie, ...extra } });
  const front = await get(frontUrl);
  await front.arrayBuffer();
  if (front.headers.get('x-accel-redirect')) problems.push('through nginx: X-Accel-Redirect reached the client');
  if (!/^"[0-9a-f]+-[0-9a-f]+"$/.test(front.headers.get('etag') ?? ''))
    problems.push(`through nginx: ETag ${front.headers.get('etag')} is not nginx's (the bytes came from Node?)`);
  const direct = await get(nodeUrl);
  await direct.arrayBuffer();
  if (direct.headers.get('etag') !== `"${sha}"`)
    problems.push(`straight on Node: ETag ${direct.headers.get('etag')}, not the content hash`);
  const asSite = await get(nodeUrl, { 'x-baqylau-offload': 'x-accel' });
  const body = await asSite.arrayBuffer();
  const want = `${OFFLOAD_PREFIX}${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
  if (asSite.headers.get('x-accel-redirect') !== want || body.byteLength !== 0)
    problems.push(
      `with the site's header: X-Accel-Redirect ${asSite.headers.get('x-accel-redirect')}, ${body.byteLength} bytes (want ${want}, 0)`,
    );
  return { problems, redirect: asSite.headers.get('x-accel-redirect'), frontEtag: front.headers.get('etag') };
}

async function viewedEntries(server: DemoServer, recordingId: string) {
  const auditor = await login(server.url, 'auditor');
  const rows = await auditor.get<{ action: string; subjectId: string | null; payload: unknown }[]>(
    `/ledger?action=recording.viewed&limit=500`,
  );
  return rows.filter((r) => r.subjectId === recordingId).length;
}

async function main() {
  const machine = machineInfo();
  const codeAtStart = codeState(REPO_ROOT);
  const loads: { at: string; load1: number }[] = [{ at: 'start', load1: machine.loadAverage.start }];
  const started = Date.now();
  for (const tool of ['nginx', 'wrk']) {
    if (!which(tool)) throw new Error(`${tool} is missing: apt-get install -y nginx-light wrk (Debian)`);
  }
  const tools = {
    nginx: spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim(),
    wrk: /^wrk \S+/.exec(spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout)?.[0],
    nginxPackage: debVersion('nginx-light') ?? debVersion('nginx-core') ?? debVersion('nginx'),
    wrkPackage: debVersion('wrk'),
  };
  const work = tempDir('baqylau-bench-playback-');
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  // One server for both Baqylau targets: x-accel applies only to requests that came through the site.
  const serverEnv = { MEDIA_OFFLOAD: 'x-accel' };
  const server = await startDemo(dataDir, { env: serverEnv });
  const responsible = await login(server.url, 'responsible');
  const token = (await responsible.post<{ secret: string }>('/api-tokens', { name: 'Бенчмарк док-станциясы' })).secret;

  // One original, uploaded by the real agent.
  const watch = path.join(work, 'watch');
  const device = makeDevice(watch, 'usb-1', 'ВР-001');
  const file = path.join(device, '20260302_101000_0001.mp4');
  writeTestFile(file, SIZE, 'playback');
  const agent = spawnAgent({ url: server.url, token, watch, parallel: 1, stateFile: path.join(work, 'agent-state.json') });
  const { code } = await agent.proc.exited;
  if (code !== 0) throw new Error(`agent exited ${code}:\n${agent.proc.output()}`);
  const sha = /= ([0-9a-f]{64})/.exec((await run('openssl', ['dgst', '-sha256', file])).stdout)![1]!;
  const rec = (await listRecordingsOf(responsible)).find((r) => r.sha256 === sha);
  if (!rec) throw new Error('the uploaded recording is not listed');
  const object = objectPath(dataDir, sha);
  await syncDisks();
  log(`recording ${rec.id} (${SIZE / MiB} MiB) stored at ${path.relative(dataDir, object)}`);

  await responsible.post('/access-purposes', { purpose: 'activity_review', note: 'benchmark' });
  const mediaPath = `/api/v1/organisations/${responsible.orgId}/recordings/${rec.id}/media`;
  const nginx1 = await startNginxReference(path.join(work, 'nginx-1'), object, '1');
  const nginxAuto = await startNginxReference(path.join(work, 'nginx-auto'), object, 'auto');
  const front = await startNginxInFront(path.join(work, 'nginx-front'), new URL(server.url).host, dataDir, OFFLOAD_PREFIX);
  const nodePid = () => [server.proc.pid];
  const targets: Target[] = [
    { name: NGINX_1, url: nginx1.url, cookie: '', pids: () => ({ nginx: nginx1.pids() }) },
    { name: NGINX_AUTO, url: nginxAuto.url, cookie: '', pids: () => ({ nginx: nginxAuto.pids() }) },
    { name: NODE_ALONE, url: server.url + mediaPath, cookie: responsible.cookie, pids: () => ({ node: nodePid() }) },
    { name: FRONTED, url: front.base + mediaPath, cookie: responsible.cookie, pids: () => ({ nginx: front.pids(), node: nodePid() }) },
  ];
  const correctness: Record<string, string[]> = {};
  for (const t of targets) correctness[`${t.name} before`] = await checkRanges(t.url, t.cookie, file);
  const offload = await checkOffload(server.url + mediaPath, front.base + mediaPath, responsible.cookie, sha);
  const viewedBefore = await viewedEntries(server, rec.id);
  log(
    `ranges checked; offload ${offload.problems.length ? offload.problems.join('; ') : 'right'}; "recording.viewed" entries: ${viewedBefore}`,
  );

  const script = path.join(work, 'range.lua');
  fs.writeFileSync(script, LUA);
  const runs: WrkResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    loads.push({ at: `round ${i + 1}`, load1: round(os.loadavg()[0]!, 2) });
    // Rotate the order so that no server always runs first (or always after another one warmed the caches).
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(i + k) % targets.length]!;
      const r = await wrk(t, script, DURATION_S, CHUNK);
      runs.push(r);
      log(
        `round ${i + 1} ${t.name}: ${r.rps} req/s, ${r.mbps} MB/s, p50 ${round(r.latencyUs.p50 / 1000, 1)} ms, errors ${JSON.stringify(r.errors)}, ` +
          `CPU server ${r.cpuSec.server} s ${JSON.stringify(r.cpuSec.parts)} wrk ${r.cpuSec.wrk} s, machine ${r.machine.busyCores} cores busy (others ${r.machine.othersCores})`,
      );
    }
  }
  // 1-byte ranges: what a request costs without its bytes.
  const tiny: WrkResult[] = [];
  for (const t of targets) {
    const r = await wrk(t, script, TINY_DURATION_S, 1);
    tiny.push(r);
    log(
      `1-byte ranges ${t.name}: ${r.rps} req/s, p50 ${round(r.latencyUs.p50 / 1000, 2)} ms, CPU server ${JSON.stringify(r.cpuSec.parts)} s`,
    );
  }
  for (const t of targets) correctness[`${t.name} after`] = await checkRanges(t.url, t.cookie, file);
  const viewedAfter = await viewedEntries(server, rec.id);
  const totalRequests = [...runs, ...tiny].filter((r) => BAQYLAU.includes(r.target)).reduce((n, r) => n + r.requests, 0);
  log(`"recording.viewed" entries after ${totalRequests} requests: ${viewedAfter}`);
  for (const n of [nginx1, nginxAuto, front]) await n.proc.stop();

  // Where the server's time goes: the same wrk run straight on a server started with --cpu-prof (same data, session).
  let profile: (ProfileSummary & { wrk: WrkResult; tinyWrk: WrkResult }) | { error: string } | undefined;
  try {
    await server.proc.stop();
    const profDir = path.join(work, 'prof');
    const profiled = await startDemo(dataDir, { env: serverEnv, extraNodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir] });
    const t: Target = {
      name: NODE_ALONE,
      url: profiled.url + mediaPath,
      cookie: responsible.cookie,
      pids: () => ({ node: [profiled.proc.pid] }),
    };
    await sleep(1000);
    const w0 = performance.now();
    const w = await wrk(t, script, PROFILE_DURATION_S, CHUNK);
    const w1 = performance.now();
    const wt = await wrk(t, script, PROFILE_DURATION_S, 1);
    await profiled.proc.stop();
    const stopped = performance.now();
    const f = fs.readdirSync(profDir).find((x) => x.endsWith('.cpuprofile'));
    if (f) {
      const p = JSON.parse(fs.readFileSync(path.join(profDir, f), 'utf8')) as { startTime: number; endTime: number };
      const span = (p.endTime - p.startTime) / 1000;
      profile = { ...summariseProfile(path.join(profDir, f), 12, span - (stopped - w0), span - (stopped - w1)), wrk: w, tinyWrk: wt };
    }
  } catch (e) {
    profile = { error: (e as Error).message };
    log(`profiling failed: ${(e as Error).message}`);
  }
  removeDir(work);
  loads.push({ at: 'end', load1: round(os.loadavg()[0]!, 2) });

  // ------------------------------------------------------------ results
  const byTarget = (name: string, xs = runs) => xs.filter((r) => r.target === name);
  const med = (name: string, f: (r: WrkResult) => number | undefined, xs = runs) => {
    const v = byTarget(name, xs)
      .map(f)
      .filter((x): x is number => x !== undefined);
    return v.length ? round(median(v), 3) : undefined;
  };
  const perRequest = (sec: number | undefined, r: WrkResult) => (sec === undefined ? undefined : (1000 * sec) / r.requests);
  const summary = Object.fromEntries(
    targets.map((t) => [
      t.name,
      {
        rps: med(t.name, (r) => r.rps)!,
        mbps: med(t.name, (r) => r.mbps)!,
        p50Ms: med(t.name, (r) => r.latencyUs.p50 / 1000),
        p99Ms: med(t.name, (r) => r.latencyUs.p99 / 1000),
        non2xx: byTarget(t.name).reduce((n, r) => n + r.errors.status, 0),
        socketErrors: byTarget(t.name).reduce((n, r) => n + r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout, 0),
        serverCpuMsPerRequest: med(t.name, (r) => perRequest(r.cpuSec.server, r)),
        nodeCpuMsPerRequest: med(t.name, (r) => perRequest(r.cpuSec.parts.node, r)),
        nginxCpuMsPerRequest: med(t.name, (r) => perRequest(r.cpuSec.parts.nginx, r)),
        serverCores: med(t.name, (r) => r.cpuSec.server / (r.durationUs / 1e6)),
        nodeCores: med(t.name, (r) => (r.cpuSec.parts.node === undefined ? undefined : r.cpuSec.parts.node / (r.durationUs / 1e6))),
        wrkCores: med(t.name, (r) => r.cpuSec.wrk / (r.durationUs / 1e6)),
        othersCores: med(t.name, (r) => r.machine.othersCores),
        tinyRps: med(t.name, (r) => r.rps, tiny),
        tinyServerCpuMsPerRequest: med(t.name, (r) => perRequest(r.cpuSec.server, r), tiny),
        tinyNodeCpuMsPerRequest: med(t.name, (r) => perRequest(r.cpuSec.parts.node, r), tiny),
        tinyNginxCpuMsPerRequest: med(t.name, (r) => perRequest(r.cpuSec.parts.nginx, r), tiny),
        tinyNon2xx: byTarget(t.name, tiny).reduce((n, r) => n + r.errors.status, 0),
      },
    ]),
  );
  const refName = summary[NGINX_AUTO]!.mbps >= summary[NGINX_1]!.mbps ? NGINX_AUTO : NGINX_1;
  const ratios = Object.fromEntries(
    BAQYLAU.map((b) => [
      b,
      Object.fromEntries(
        [NGINX_1, NGINX_AUTO].map((n) => [
          n,
          { mbps: round(summary[b]!.mbps / summary[n]!.mbps, 2), rps: round(summary[b]!.rps / summary[n]!.rps, 2) },
        ]),
      ),
    ]),
  );
  const rangeProblems = Object.values(correctness).flat();
  const judged = (b: string) => ({
    ratio: ratios[b]![refName]!.mbps,
    non2xx: summary[b]!.non2xx,
    met: ratios[b]![refName]!.mbps >= GOAL_RATIO && summary[b]!.non2xx === 0 && rangeProblems.length === 0 && offload.problems.length === 0,
  });
  const result = {
    benchmark: 'playback',
    date: new Date().toISOString(),
    quick: QUICK,
    durationSec: round((Date.now() - started) / 1000),
    code: { atStart: codeAtStart, atEnd: codeState(REPO_ROOT) },
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: round(os.loadavg()[0]!, 2) }, loads },
    tools,
    setup: {
      fileBytes: SIZE,
      rangeBytes: CHUNK,
      wrk: { threads: THREADS, connections: CONNECTIONS, durationS: DURATION_S, rounds: ROUNDS },
      server:
        `MEDIA_OFFLOAD=x-accel HOST=127.0.0.1 ${SERVER_START_SHOWN} apps/server/dist/baqylau.mjs demo --port P --data-dir D ` +
        '(PGlite, LOG_LEVEL=info: Fastify request logging to a file)',
      hotReadCacheMs: HOT_READ_CACHE_MS,
      offloadPrefix: OFFLOAD_PREFIX,
      mediaUrl: '/api/v1/organisations/:orgId/recordings/:id/media, Cookie of the `responsible` session after POST access-purposes',
      nginxConf: nginx1.conf.replaceAll(dataDir, '$DATA_DIR'),
      frontConf: front.conf.replaceAll(dataDir, '$DATA_DIR').replace(/[ \t]+$/gm, ''),
      luaScript: LUA,
      wrkCommand: runs[0]?.command,
    },
    targets: targets.map((t) => t.name),
    summary,
    ratios,
    reference: refName,
    goal: {
      goal: `playback ≥ ${GOAL_RATIO} × nginx serving the same file with Range requests (wrk -t${THREADS} -c${CONNECTIONS}), judged against the faster nginx`,
      ratioGoal: GOAL_RATIO,
      judgedOn: FRONTED,
      ...judged(FRONTED),
      nodeAlone: judged(NODE_ALONE),
    },
    ledger: {
      viewedBefore,
      viewedAfter,
      baqylauRequests: totalRequests,
      oneEntryPerSession: viewedBefore === 1 && viewedAfter === 1,
    },
    correctness,
    offload,
    profile,
    runs,
    tiny,
  };
  console.log(
    table(
      ['server', 'req/s', 'MB/s', 'p50 ms', 'non-2xx', '1-byte req/s', 'server CPU ms/req', 'of it Node'],
      targets.map((t) => {
        const s = summary[t.name]!;
        return [
          t.name,
          s.rps,
          s.mbps,
          s.p50Ms ?? '',
          s.non2xx,
          s.tinyRps ?? '',
          round(s.serverCpuMsPerRequest ?? NaN, 2),
          round(s.nodeCpuMsPerRequest ?? NaN, 2),
        ];
      }),
    ),
  );
  console.log(
    `ratio ${FRONTED} / ${refName}: ${result.goal.ratio}, ${NODE_ALONE}: ${result.goal.nodeAlone.ratio} (goal ${GOAL_RATIO}); ` +
      `ledger viewed entries ${viewedBefore} → ${viewedAfter}`,
  );
  const problems = [...rangeProblems, ...offload.problems];
  if (problems.length) console.log(`correctness problems: ${problems.join('; ')}`);
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'playback.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'playback.md'), renderMarkdown(result));
  log(`results in ${path.relative(process.cwd(), dir)}/playback.{json,md}`);
  if (problems.length || !result.ledger.oneEntryPerSession) process.exitCode = 1;
}

if (process.argv.includes('--report-only')) {
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.writeFileSync(path.join(dir, 'playback.md'), renderMarkdown(JSON.parse(fs.readFileSync(path.join(dir, 'playback.json'), 'utf8'))));
} else {
  try {
    await main();
  } finally {
    await cleanup();
  }
}
