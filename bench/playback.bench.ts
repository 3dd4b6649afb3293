/**
 * Playback: random 1 MiB Range requests over one stored original (1 GiB, uploaded through the real dock agent),
 * served by Baqylau's media route (GET /api/v1/organisations/:orgId/recordings/:id/media, session cookie of the
 * `responsible` account after a stated purpose) and by nginx (sendfile) from the same object file, both driven by
 * `wrk -t2 -c16 -d15s` with the same Lua script (the same sequence of ranges).
 *
 * nginx runs twice, with 1 worker (one process, as the Node server) and with `worker_processes auto` (Debian's
 * default); the goal is judged against the stronger. Rounds alternate the three servers. Before and after, a few
 * ranges are fetched and compared byte for byte with the file, and the ledger is read (as the auditor): one
 * "recording.viewed" entry for the session, however many requests. A second wrk pass asks for 1-byte ranges: the
 * fixed cost of a request without the bytes. Last, the server is restarted with --cpu-prof for a short wrk run.
 * BENCH_QUICK=1: 256 MiB, 3 s runs, one round.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUICK, RESULTS_DIR, log, machineInfo, mdTable, median, round, table } from './lib/common.ts';
import { summariseProfile, type ProfileSummary } from './lib/cpuprofile.ts';
import { REPO_ROOT, listRecordingsOf, login, makeDevice, objectPath, spawnAgent, startDemo, type DemoServer } from './lib/demo.ts';
import {
  MiB,
  Sampler,
  busyCores,
  cleanup,
  debVersion,
  exitedChildrenCpuSec,
  freePort,
  machineTicks,
  procStat,
  removeDir,
  run,
  sleep,
  spawnProc,
  syncDisks,
  tempDir,
  which,
  writeTestFile,
  codeState,
  serverFilesChanged,
  type Proc,
} from './lib/procs.ts';

const SIZE = QUICK ? 256 * MiB : 1024 * MiB;
const CHUNK = MiB;
const DURATION_S = QUICK ? 3 : 15;
const TINY_DURATION_S = QUICK ? 2 : 5;
const PROFILE_DURATION_S = QUICK ? 2 : 5;
const ROUNDS = QUICK ? 1 : 3;
const THREADS = 2;
const CONNECTIONS = 16;
const GOAL_RATIO = 0.8;

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

interface WrkResult {
  target: string;
  chunk: number;
  requests: number;
  bytes: number;
  durationUs: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyUs: { p50: number; p90: number; p99: number; max: number; mean: number };
  rps: number;
  mbps: number;
  bytesPerRequest: number;
  /** CPU seconds: the server under test (all its processes), wrk itself; cores busy on the machine and by others */
  cpuSec: { server: number; wrk: number };
  machine: { busyCores: number; othersCores: number; stealCores: number };
  serverRssMiB?: { before: number; peak: number };
  command: string;
}

interface Target {
  name: string;
  url: string;
  cookie: string;
  /** pids whose CPU counts as the server's */
  pids: () => number[];
}

function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const cpuOf = (pids: number[]) => pids.reduce((n, p) => n + (procStat(p)?.cpuSec ?? 0), 0);

async function wrk(target: Target, script: string, seconds: number, chunk: number): Promise<WrkResult> {
  const args = [
    '-t',
    String(THREADS),
    '-c',
    String(CONNECTIONS),
    '-d',
    `${seconds}s`,
    '-s',
    script,
    target.url,
    '--',
    String(SIZE),
    String(chunk),
    target.cookie,
  ];
  const pids = target.pids();
  const cpu0 = cpuOf(pids);
  const wrk0 = exitedChildrenCpuSec();
  const m0 = machineTicks();
  const sampler = target.name === 'baqylau' ? new Sampler({ server: pids[0]! }, 200).start() : undefined;
  const rss0 = target.name === 'baqylau' ? procStat(pids[0]!)?.rssMiB : undefined;
  const started = performance.now();
  const { stdout } = await run('wrk', args);
  const ms = performance.now() - started;
  sampler?.stop();
  const cpu = round(cpuOf(pids) - cpu0, 2);
  const wrkCpu = round(exitedChildrenCpuSec() - wrk0, 2);
  const cores = busyCores(m0, machineTicks(), ms);
  const line = stdout.split('\n').find((l) => l.startsWith('WRKJSON '));
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  const j = JSON.parse(line.slice(8)) as Omit<
    WrkResult,
    'rps' | 'mbps' | 'target' | 'chunk' | 'bytesPerRequest' | 'cpuSec' | 'machine' | 'command'
  >;
  const sec = j.durationUs / 1e6;
  return {
    target: target.name,
    chunk,
    ...j,
    rps: round(j.requests / sec, 1),
    mbps: round(j.bytes / 1e6 / sec, 1),
    bytesPerRequest: round(j.bytes / Math.max(1, j.requests)),
    cpuSec: { server: cpu, wrk: wrkCpu },
    machine: {
      busyCores: cores.busy,
      othersCores: round(Math.max(0, cores.busy - (cpu + wrkCpu) / (ms / 1000)), 2),
      stealCores: cores.steal,
    },
    serverRssMiB: sampler && rss0 !== undefined ? { before: round(rss0, 1), peak: sampler.peak('server').sampledRssMiB } : undefined,
    command: `wrk ${args.slice(0, -4).join(' ')} <url> -- ${SIZE} ${chunk}${target.cookie ? ' <cookie>' : ''}`.replace(script, 'range.lua'),
  };
}

/** nginx from the Debian package, its own config in a temp folder, in the foreground as our child. */
async function startNginx(dir: string, object: string, workers: string): Promise<{ proc: Proc; url: string; conf: string }> {
  const port = await freePort();
  fs.mkdirSync(dir, { recursive: true });
  const conf = `daemon off;
master_process on;
worker_processes ${workers};
user root;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  sendfile on;
  tcp_nopush on;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  default_type video/mp4;
  server {
    listen 127.0.0.1:${port};
    location = /media { alias ${object}; }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const proc = spawnProc(`nginx-${workers}`, 'nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    logFile: path.join(dir, 'stdout.log'),
  });
  const url = `http://127.0.0.1:${port}/media`;
  for (const deadline = Date.now() + 10_000; ; await sleep(100)) {
    if (!proc.alive()) throw new Error(`nginx exited:\n${proc.output()}\n${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    if (
      await fetch(url, { method: 'HEAD' }).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error('nginx did not answer in 10 s');
  }
  return { proc, url, conf: conf.replaceAll(dir, '$TMP') };
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
  const server = await startDemo(dataDir);
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
  const mediaUrl = `${server.url}/api/v1/organisations/${responsible.orgId}/recordings/${rec.id}/media`;
  const nginx1 = await startNginx(path.join(work, 'nginx-1'), object, '1');
  const nginxAuto = await startNginx(path.join(work, 'nginx-auto'), object, 'auto');
  const targets: Target[] = [
    { name: 'nginx (1 worker)', url: nginx1.url, cookie: '', pids: () => [nginx1.proc.pid, ...childPids(nginx1.proc.pid)] },
    { name: 'nginx (auto)', url: nginxAuto.url, cookie: '', pids: () => [nginxAuto.proc.pid, ...childPids(nginxAuto.proc.pid)] },
    { name: 'baqylau', url: mediaUrl, cookie: responsible.cookie, pids: () => [server.proc.pid] },
  ];
  const correctness: Record<string, string[]> = {};
  for (const t of targets) correctness[`${t.name} before`] = await checkRanges(t.url, t.cookie, file);
  const viewedBefore = await viewedEntries(server, rec.id);
  log(`ranges checked; "recording.viewed" entries for this recording: ${viewedBefore}`);

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
          `CPU server ${r.cpuSec.server} s wrk ${r.cpuSec.wrk} s, machine ${r.machine.busyCores} cores busy (others ${r.machine.othersCores})`,
      );
    }
  }
  // 1-byte ranges: what a request costs without its bytes.
  const tiny: WrkResult[] = [];
  for (const t of targets) {
    const r = await wrk(t, script, TINY_DURATION_S, 1);
    tiny.push(r);
    log(`1-byte ranges ${t.name}: ${r.rps} req/s, p50 ${round(r.latencyUs.p50 / 1000, 2)} ms, CPU server ${r.cpuSec.server} s`);
  }
  for (const t of targets) correctness[`${t.name} after`] = await checkRanges(t.url, t.cookie, file);
  const viewedAfter = await viewedEntries(server, rec.id);
  const totalRequests = [...runs, ...tiny].filter((r) => r.target === 'baqylau').reduce((n, r) => n + r.requests, 0);
  log(`"recording.viewed" entries after ${totalRequests} requests: ${viewedAfter}`);
  await nginx1.proc.stop();
  await nginxAuto.proc.stop();

  // Where the server's time goes: the same wrk run against a server started with --cpu-prof (same data, same session).
  let profile: (ProfileSummary & { wrk: WrkResult; tinyWrk: WrkResult }) | { error: string } | undefined;
  try {
    await server.proc.stop();
    const profDir = path.join(work, 'prof');
    const profiled = await startDemo(dataDir, { extraNodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir] });
    const t: Target = {
      name: 'baqylau',
      url: mediaUrl.replace(server.url, profiled.url),
      cookie: responsible.cookie,
      pids: () => [profiled.proc.pid],
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
  const med = (name: string, f: (r: WrkResult) => number, xs = runs) => round(median(byTarget(name, xs).map(f)), 3);
  const summary = Object.fromEntries(
    targets.map((t) => [
      t.name,
      {
        rps: med(t.name, (r) => r.rps),
        mbps: med(t.name, (r) => r.mbps),
        p50Ms: med(t.name, (r) => r.latencyUs.p50 / 1000),
        p99Ms: med(t.name, (r) => r.latencyUs.p99 / 1000),
        non2xx: byTarget(t.name).reduce((n, r) => n + r.errors.status, 0),
        socketErrors: byTarget(t.name).reduce((n, r) => n + r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout, 0),
        serverCpuMsPerRequest: med(t.name, (r) => (1000 * r.cpuSec.server) / r.requests),
        serverCores: med(t.name, (r) => r.cpuSec.server / (r.durationUs / 1e6)),
        wrkCores: med(t.name, (r) => r.cpuSec.wrk / (r.durationUs / 1e6)),
        othersCores: med(t.name, (r) => r.machine.othersCores),
        tinyRps: med(t.name, (r) => r.rps, tiny),
        tinyServerCpuMsPerRequest: med(t.name, (r) => (1000 * r.cpuSec.server) / r.requests, tiny),
      },
    ]),
  ) as Record<string, { [k: string]: number; mbps: number; rps: number }>;
  const baq = summary['baqylau']!;
  const ref = [summary['nginx (1 worker)']!, summary['nginx (auto)']!].reduce((a, b) => (b.mbps > a.mbps ? b : a));
  const refName = ref === summary['nginx (auto)'] ? 'nginx (auto)' : 'nginx (1 worker)';
  const ratios = Object.fromEntries(
    ['nginx (1 worker)', 'nginx (auto)'].map((n) => [
      n,
      { mbps: round(baq.mbps! / summary[n]!.mbps!, 2), rps: round(baq.rps! / summary[n]!.rps!, 2) },
    ]),
  );
  const correctnessProblems = Object.values(correctness).flat();
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
        'HOST=127.0.0.1 node apps/server/bin/baqylau.mjs demo --port P --data-dir D (PGlite, LOG_LEVEL=info: one log line per request to a file)',
      mediaUrl: '/api/v1/organisations/:orgId/recordings/:id/media, Cookie of the `responsible` session after POST access-purposes',
      nginxConf: nginx1.conf,
      luaScript: LUA,
      wrkCommand: runs[0]?.command,
    },
    summary,
    ratios,
    reference: refName,
    goal: {
      goal: `playback ≥ ${GOAL_RATIO} × nginx serving the same file with Range requests (wrk -t${THREADS} -c${CONNECTIONS}); judged against the faster nginx`,
      ratio: ratios[refName]!.mbps,
      non2xx: baq.non2xx,
      met: ratios[refName]!.mbps >= GOAL_RATIO && baq.non2xx === 0 && correctnessProblems.length === 0,
    },
    ledger: {
      viewedBefore,
      viewedAfter,
      baqylauRequests: totalRequests,
      oneEntryPerSession: viewedBefore === 1 && viewedAfter === 1,
    },
    correctness,
    profile,
    runs,
    tiny,
  };
  console.log(
    table(
      ['server', 'req/s', 'MB/s', 'p50 ms', 'non-2xx', '1-byte req/s', 'server CPU ms/req'],
      targets.map((t) => {
        const s = summary[t.name]!;
        return [t.name, s.rps!, s.mbps!, s.p50Ms!, s.non2xx!, s.tinyRps!, round(s.serverCpuMsPerRequest!, 2)];
      }),
    ),
  );
  console.log(
    `ratio Baqylau / ${refName}: ${result.goal.ratio} (goal ${GOAL_RATIO}); ledger viewed entries ${viewedBefore} → ${viewedAfter}`,
  );
  if (correctnessProblems.length) console.log(`correctness problems: ${correctnessProblems.join('; ')}`);
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'playback.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'playback.md'), renderMarkdown(result));
  log(`results in ${path.relative(process.cwd(), dir)}/playback.{json,md}`);
  if (correctnessProblems.length || !result.ledger.oneEntryPerSession) process.exitCode = 1;
}

type Result = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const other = (name: string) => (name === 'nginx (auto)' ? 'nginx (1 worker)' : 'nginx (auto)');
const yes = (b: boolean | undefined) => (b === undefined ? 'n/a' : b ? '**yes**' : '**no**');
const n = (x: number | undefined, digits = 0) => (x === undefined || x === null ? 'n/a' : round(x, digits).toLocaleString('en-US'));

/** How HEAD moved during a run, and whether the server code the run measured is affected. */
function moved(from: string, to: string) {
  if (from === to) return '';
  const changed = serverFilesChanged(REPO_ROOT, from, to);
  return changed.length
    ? `; HEAD moved to ${to} during the run, changing ${changed.join(', ')} (servers started before that run the older code)`
    : `; HEAD moved to ${to} during the run, with no change under apps/ or packages/`;
}

function renderMarkdown(r: Result): string {
  const m = r.machine;
  const S = r.summary;
  const baq = S['baqylau'];
  const ng1 = S['nginx (1 worker)'];
  const ngA = S['nginx (auto)'];
  const ref = S[r.reference];
  const w = r.setup.wrk;
  const lines: string[] = [];
  lines.push(`# Playback: Range requests on the media route, against nginx`);
  lines.push('');
  lines.push(
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (BENCH_QUICK: small sizes, short runs)' : ''}, ${r.durationSec} s. ` +
      `Machine: ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}; ${r.tools.nginx} (Debian ${r.tools.nginxPackage}), ` +
      `${r.tools.wrk} (Debian ${r.tools.wrkPackage}). 1-minute load average: ${m.loads.map((x: { at: string; load1: number }) => `${x.at} ${x.load1}`).join(', ')}.`,
  );
  lines.push('');
  if (r.code) {
    const c = r.code;
    lines.push(
      `Code measured: ${c.atStart.commit} (${c.atStart.subject})${c.atStart.uncommitted.length ? `, uncommitted: ${c.atStart.uncommitted.join(', ')}` : ''}` +
        `${moved(c.atStart.commit, c.atEnd.commit)}.`,
    );
    lines.push('');
  }
  lines.push(
    `One original of ${n(r.setup.fileBytes / MiB)} MiB (uploaded by the dock agent) is served from the server's object store by both. ` +
      `wrk ${w.threads} threads, ${w.connections} connections, ${w.durationS} s per run, ${w.rounds} round${w.rounds > 1 ? 's' : ''} with the ` +
      `servers in rotating order; every request is \`Range: bytes=a-(a+1 MiB-1)\` at a random offset, the same sequence for every server ` +
      `(Lua script below). wrk runs on the same 2 cores as the server. Other processes kept a median of ${baq.othersCores} cores busy ` +
      `during the Baqylau runs and ${ref.othersCores} during ${r.reference}'s.`,
  );
  lines.push('');
  lines.push('## Goal');
  lines.push('');
  lines.push(
    mdTable(
      ['goal', 'measured', 'met'],
      [
        [
          r.goal.goal,
          `${r.goal.ratio} of ${r.reference} (${other(r.reference)}: ${r.ratios[other(r.reference)].mbps}); non-2xx ${baq.non2xx}`,
          yes(r.goal.met),
        ],
        [
          'one "recording.viewed" ledger entry per session, not one per request',
          `${r.ledger.viewedBefore} entry after the first checks, ${r.ledger.viewedAfter} after ${n(r.ledger.baqylauRequests)} more requests`,
          yes(r.ledger.oneEntryPerSession),
        ],
        [
          'every checked range right (206, Content-Range, bytes equal to the file)',
          Object.values(r.correctness).flat().length
            ? Object.values(r.correctness).flat().join('; ')
            : `${Object.keys(r.correctness).length} × 5 ranges, all right`,
          yes(Object.values(r.correctness).flat().length === 0),
        ],
      ],
      'lll',
    ),
  );
  lines.push('');
  lines.push(`## Figures (median of ${w.rounds} run${w.rounds > 1 ? 's' : ''} each)`);
  lines.push('');
  const row = (name: string, x: Record<string, number>) => [
    name,
    n(x.rps, 1),
    n(x.mbps, 1),
    n(x.p50Ms, 1),
    n(x.p99Ms, 1),
    `${x.non2xx} / ${x.socketErrors}`,
    n(x.serverCpuMsPerRequest, 2),
    n(x.serverCores, 2),
    n(x.wrkCores, 2),
  ];
  lines.push(
    mdTable(
      [
        '1 MiB ranges',
        'req/s',
        'MB/s',
        'p50 ms',
        'p99 ms',
        'non-2xx / socket errors',
        'server CPU ms per request',
        'server cores',
        'wrk cores',
      ],
      [row('nginx, 1 worker', ng1), row('nginx, worker_processes auto', ngA), row('Baqylau media route', baq)],
    ),
  );
  lines.push('');
  lines.push(
    `Ratio Baqylau / nginx (MB/s): ${r.ratios['nginx (auto)'].mbps} against \`worker_processes auto\`, ${r.ratios['nginx (1 worker)'].mbps} against 1 worker. ` +
      `Bytes per request were ${n(r.runs.find((x: WrkResult) => x.target === 'baqylau')?.bytesPerRequest)} for Baqylau and ` +
      `${n(r.runs.find((x: WrkResult) => x.target === 'nginx (auto)')?.bytesPerRequest)} for nginx: both answered each range with 1 MiB.`,
  );
  lines.push('');
  lines.push('## Where the time goes');
  lines.push('');
  lines.push(
    mdTable(
      ['1-byte ranges (fixed cost of a request)', 'req/s', 'server CPU ms per request'],
      [
        ['nginx, 1 worker', n(ng1.tinyRps, 1), n(ng1.tinyServerCpuMsPerRequest, 3)],
        ['nginx, auto', n(ngA.tinyRps, 1), n(ngA.tinyServerCpuMsPerRequest, 3)],
        ['Baqylau', n(baq.tinyRps, 1), n(baq.tinyServerCpuMsPerRequest, 2)],
      ],
    ),
  );
  lines.push('');
  const fixed = baq.tinyServerCpuMsPerRequest;
  const perMiB = baq.serverCpuMsPerRequest - fixed;
  lines.push(
    `A 1 MiB range costs the Baqylau server ${n(baq.serverCpuMsPerRequest, 2)} ms of CPU: about ${n(fixed, 2)} ms whatever its size ` +
      `(the 1-byte run) and ${n(perMiB, 2)} ms for moving the MiB through user space (a read into a buffer, a socket write). ` +
      `nginx spends ${n(ref.serverCpuMsPerRequest, 2)} ms per 1 MiB request in all: sendfile copies in the kernel, and its fixed cost ` +
      `is ${n(ref.tinyServerCpuMsPerRequest, 3)} ms. Per byte served, Baqylau needs ${n(baq.serverCpuMsPerRequest / ref.serverCpuMsPerRequest)} × ` +
      `nginx's CPU, so with equal CPU the ratio would be about ${n(ref.serverCpuMsPerRequest / baq.serverCpuMsPerRequest, 2)} whatever the ` +
      `machine's load. The server is one Node process: its main thread caps it at about ${n(1000 / baq.serverCpuMsPerRequest)} ` +
      `requests/s per core, and it got only ${n(baq.serverCores, 2)} cores on this shared machine.`,
  );
  lines.push('');
  const p = r.profile;
  if (p && !p.error) {
    lines.push(
      `CPU profile of the server's main thread during a ${p.wrk.durationUs ? n(p.wrk.durationUs / 1e6) : '?'} s wrk run of 1 MiB ranges ` +
        `(${n(p.wrk.rps, 1)} req/s while profiled; busy ${n(p.busyMs)} of ${n(p.durationMs)} ms), self time charged to the nearest package or own code:`,
    );
    lines.push('');
    lines.push(
      mdTable(
        ['owner', 'ms', '% of busy'],
        (p.byOwner ?? p.byCategory)
          .slice(0, 10)
          .map((o: { name: string; ms: number; pctOfBusy: number }) => [o.name, n(o.ms), n(o.pctOfBusy, 1)]),
      ),
    );
    lines.push('');
    lines.push(
      'Top functions: ' +
        p.byFunction
          .slice(0, 6)
          .map((f: { name: string; ms: number }) => `\`${f.name}\` ${n(f.ms)} ms`)
          .join(', ') +
        '.',
    );
  } else lines.push(`No profile: ${p?.error ?? 'not run'}.`);
  lines.push('');
  lines.push(
    `What runs for every request (apps/server/src at ${r.code?.atStart?.commit ?? 'the measured commit'}: guard.ts, auth.resolver.ts, ` +
      'recordings.routes.ts, evidence-access.ts, send-object.ts): the session cookie is resolved from the database (session, ' +
      'user, roles: "read fresh on every request") and the recording row is read; only the first request of a (session, ' +
      'recording) viewing reads the stated purpose and inserts into `media_views` + the ledger in a transaction, later ones ' +
      'are skipped by an in-memory set (since commit f80f7e4; before it, every request read the purpose and ran that ' +
      'transaction). Then the object is streamed with `fs.createReadStream` (1 MiB buffers) and the request is logged ' +
      '(pino, LOG_LEVEL=info). On PGlite the statements run on its one connection, in the same thread as the HTTP server.',
  );
  lines.push('');
  lines.push('## Next steps');
  lines.push('');
  lines.push(
    `- **Take the database off the per-request path.** ${n(fixed, 2)} ms of fixed cost per request is mostly PGlite and Drizzle ` +
      `(profile above): the session, user and roles lookups and the recording row, on every Range request. Caching the ` +
      `session → principal and the recording row for a few seconds (a revoked session or role then stops within that TTL) ` +
      `would leave Fastify's own fraction of a millisecond: a 1 MiB range ≈ ${n(perMiB + 0.3, 1)} ms of CPU, ` +
      `≈ ${n((1000 / (perMiB + 0.3)) * 1.048576)} MB/s per core (an estimate from the 1-byte and 1 MiB figures, to be measured).`,
  );
  lines.push(
    `- **Let the kernel move the bytes.** Even with no fixed cost, user-space streaming costs ${n(perMiB, 2)} ms per MiB ` +
      `(≈ ${n((1000 / Math.max(perMiB, 0.01)) * 1.048576)} MB/s per core) against nginx's ${n(ref.serverCpuMsPerRequest, 2)} ms per request ` +
      `with sendfile: with no fixed cost at all a Node-only route would reach about ${n(ref.serverCpuMsPerRequest / perMiB, 2)} × ` +
      `nginx on the same CPU, not 0.8. The way to the goal is to authorise and log ` +
      `in Baqylau and let a sendfile server deliver: either \`X-Accel-Redirect\` to an internal nginx location (one Node request per ` +
      `range, bytes by nginx), or a short-lived signed URL per playback session checked by nginx's secure_link module (Node only at ` +
      `the first request, where the view is logged). The second keeps one ledger entry per session and would run at nginx's rate.`,
  );
  lines.push(
    `- **Request logging**: every request writes two JSON lines at LOG_LEVEL=info (the default); nginx writes one access-log line. ` +
      'Not the bottleneck here (see the profile), but a media route could log at debug and rely on the ledger entry.',
  );
  lines.push('');
  lines.push('## Setup');
  lines.push('');
  lines.push(`- Baqylau: \`${r.setup.server}\`; URL \`${r.setup.mediaUrl}\`.`);
  lines.push(`- wrk: \`${r.setup.wrkCommand}\` (the cookie goes as the third script argument; empty for nginx).`);
  lines.push(
    '- nginx (run as `nginx -p $TMP -c $TMP/nginx.conf -e $TMP/error.log`, our child; `worker_processes auto` for the second one):',
  );
  lines.push('');
  lines.push('```nginx');
  lines.push(r.setup.nginxConf.trimEnd());
  lines.push('```');
  lines.push('');
  lines.push('- wrk script (`range.lua`):');
  lines.push('');
  lines.push('```lua');
  lines.push(r.setup.luaScript.trimEnd());
  lines.push('```');
  lines.push('');
  lines.push('Every run is in `playback.json`.');
  return lines.join('\n') + '\n';
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
