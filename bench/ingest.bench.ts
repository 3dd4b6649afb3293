/**
 * Ingest: the real dock agent (`baqylau dock --once`) uploads files by tus to the real server (`baqylau demo`) on
 * loopback, against `openssl dgst -sha256` on the same files in the same run.
 *
 *   (a) one file (2 GiB): one upload, against one `openssl dgst -sha256`;
 *   (b) 16 files of 128 MiB with --parallel 16, against 16 `openssl dgst -sha256` at once;
 *   (c) one large file (8 GiB, if the disk allows): peak RSS of agent and server, on PGlite (`demo`) and on
 *       PostgreSQL (`serve`, when BENCH_PG_URL answers).
 *
 * Every agent run is checked: exit code 0, one new recording per file with the file's SHA-256, name and size, and the
 * stored object in place. Stages come from /proc: the agent opening the file (start-up over), the upload appearing in
 * the server's staging folder (local hash over), every staged file complete (bytes received), the agent's "verified"
 * line (server finished: digest, ffprobe, fsync + link, row; receipt). RSS: VmRSS sampled every 100 ms and VmHWM
 * (reset before each run). CPU: the agent's exactly (a waited-for child), the server's with its ffprobe children, and
 * the whole machine's from /proc/stat, so other load on the machine shows. A separate run of (a) and (b) afterwards is
 * CPU-profiled (main threads of server and agent).
 * BENCH_QUICK=1: 256 MiB, 16 × 16 MiB, 384 MiB, one round.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PG_ADMIN_URL, QUICK, RESULTS_DIR, log, machineInfo, median, round, table } from './lib/common.ts';
import { summariseProfile, type ProfileSummary } from './lib/cpuprofile.ts';
import {
  REPO_ROOT,
  listRecordingsOf,
  login,
  makeDevice,
  objectPath,
  spawnAgent,
  stagedUploads,
  startDemo,
  startPostgresServer,
  SERVER_START_SHOWN,
  type DemoServer,
  type Session,
} from './lib/demo.ts';
import {
  GiB,
  MiB,
  Sampler,
  busyCores,
  cleanup,
  debVersion,
  exitedChildrenCpuSec,
  freeGiB,
  machineTicks,
  mbps,
  openFiles,
  procStat,
  removeDir,
  resetPeak,
  run,
  syncDisks,
  tempDir,
  writeTestFile,
  threadDelta,
  threadTimes,
  type Sample,
  type ThreadTimes,
} from './lib/procs.ts';
import { codeState } from './lib/code-state.ts';
import { GOALS, renderIngestReport } from './lib/ingest-report.ts';
import { ddRun, leanRun, opensslRun, type Machine, type RefRun, type TestFile } from './lib/ingest-references.ts';

const SINGLE = QUICK ? 256 * MiB : 2 * GiB;
const MANY = 16;
const EACH = QUICK ? 16 * MiB : 128 * MiB;
const LARGE = QUICK ? 384 * MiB : 8 * GiB;
const ROUNDS = QUICK ? 1 : 3;
const MIN_FREE_GIB_FOR_LARGE = QUICK ? 2 : 30;
const SAMPLE_MS = 100;

interface Check {
  exitCode: number;
  expected: number;
  newRecordings: number;
  /** files without a new recording of the same name, size and SHA-256, or without the stored object */
  missingOrWrong: number;
  /** agent lines saying "will retry" */
  retries: number;
  failures: number;
}

interface AgentRun {
  what: string;
  files: number;
  bytes: number;
  parallel: number;
  wallMs: number;
  mbps: number;
  /** the rate once the agent runs: wall time minus its start-up (spawn until it opens the first file) */
  mbpsExclStartup: number;
  /** ms after the agent was spawned */
  timeline: { firstOpen?: number; firstUploadCreated?: number; allReceived?: number; lastVerified?: number; exit: number };
  /** ms between the timeline's points: start-up, local hash, upload, finish (server commit + receipt), exit */
  stages: { startupMs: number; hashMs?: number; uploadMs?: number; finishMs?: number; exitMs?: number };
  /** server: its own threads plus its children (ffprobe); serverChildren: ffprobe alone */
  cpuSec: {
    serverThreads?: ThreadTimes;
    agent: number;
    server: number;
    serverChildren: number;
    serverDuringUpload?: number;
    agentDuringUpload?: number;
  };
  machine: Machine;
  rssMiB: { agentPeak: number; agentHwm: number; serverBefore: number; serverPeak: number; serverHwm: number };
  check: Check;
  command: string;
}

/** Watches one agent run from the outside: when it first opens a test file, when each upload appears and completes. */
function uploadTracker(agentPid: number, files: TestFile[], dataDir: string, spawnedAt: number) {
  const paths = new Set(files.map((f) => f.file));
  const sizes = new Set(files.map((f) => f.size));
  const t = { firstOpen: undefined as number | undefined, created: new Map<string, number>(), full: new Map<string, number>() };
  const probe = () => {
    const now = performance.now() - spawnedAt;
    if (t.firstOpen === undefined && openFiles(agentPid).some((f) => paths.has(f))) t.firstOpen = now;
    let bytes = 0;
    for (const u of stagedUploads(dataDir)) {
      bytes += u.size;
      if (!t.created.has(u.id)) t.created.set(u.id, now);
      if (!t.full.has(u.id) && sizes.has(u.size)) t.full.set(u.id, now);
    }
    return bytes;
  };
  return { t, probe };
}

/** CPU seconds of a sampled process between two times (ms since the sampler started), from the nearest samples. */
function cpuBetween(samples: Sample[], name: string, t0: number, t1: number) {
  const at = (t: number) => {
    let best: Sample | undefined;
    for (const s of samples) if (s.procs[name] && (!best || Math.abs(s.t - t) < Math.abs(best.t - t))) best = s;
    return best?.procs[name]?.cpuSec ?? 0;
  };
  return round(at(t1) - at(t0), 2);
}

async function checkDelivery(session: Session, before: Set<string>, files: TestFile[], dataDir: string, exitCode: number, retries: number) {
  const fresh = (await listRecordingsOf(session)).filter((r) => !before.has(r.id));
  let missingOrWrong = 0;
  for (const f of files) {
    const rec = fresh.find((r) => r.originalName === f.name && r.sha256 === f.sha256 && r.size === f.size);
    const obj = f.sha256 ? fs.statSync(objectPath(dataDir, f.sha256), { throwIfNoEntry: false }) : undefined;
    if (!rec || obj?.size !== f.size) missingOrWrong++;
  }
  const extra = Math.max(0, fresh.length - files.length);
  const failures = missingOrWrong + extra + (exitCode === 0 ? 0 : 1);
  return { exitCode, expected: files.length, newRecordings: fresh.length, missingOrWrong, retries, failures } satisfies Check;
}

const recordingIds = async (session: Session) => new Set((await listRecordingsOf(session)).map((r) => r.id));
const serverCpu = (pid: number) => {
  const s = procStat(pid);
  return { all: s ? s.cpuSec + s.childCpuSec : 0, children: s?.childCpuSec ?? 0 };
};

/** One `baqylau dock --once` run over `watch`, sampled and checked. */
async function agentRun(
  what: string,
  server: DemoServer,
  session: Session,
  token: string,
  watch: string,
  files: TestFile[],
  parallel: number,
  fallbackStartupMs: number,
  extraNodeArgs: string[] = [],
): Promise<AgentRun> {
  const before = await recordingIds(session);
  const stateDir = tempDir('baqylau-bench-state-');
  const serverRssBefore = procStat(server.proc.pid)!.rssMiB;
  resetPeak(server.proc.pid);
  const server0 = serverCpu(server.proc.pid);
  const threads0 = threadTimes(server.proc.pid);
  const children0 = exitedChildrenCpuSec();
  const m0 = machineTicks();
  const agent = spawnAgent({ url: server.url, token, watch, parallel, stateFile: path.join(stateDir, 'state.json'), extraNodeArgs });
  const tracker = uploadTracker(agent.proc.pid, files, server.dataDir, agent.proc.startedAt);
  const sampler = new Sampler({ agent: agent.proc.pid, server: server.proc.pid }, SAMPLE_MS, tracker.probe).start();
  const offset = sampler.startedAt - agent.proc.startedAt; // sample time + offset = ms since spawn
  const { code, at } = await agent.proc.exited;
  sampler.stop();
  const wallMs = at - agent.proc.startedAt;
  const m1 = machineTicks();
  const agentCpu = round(exitedChildrenCpuSec() - children0, 2);
  const server1 = serverCpu(server.proc.pid);
  const serverThreads = threadDelta(threads0, threadTimes(server.proc.pid));
  const srvCpu = round(server1.all - server0.all, 2);
  removeDir(stateDir);

  const bytes = files.reduce((n, f) => n + f.size, 0);
  const t = tracker.t;
  const verified = agent.lines.filter((l) => /: verified \(sha256/.test(l.text)).map((l) => l.t);
  const firstCreated = t.created.size ? Math.min(...t.created.values()) : undefined;
  const allReceived = t.full.size >= files.length ? Math.max(...t.full.values()) : undefined;
  const lastVerified = verified.length ? Math.max(...verified) : undefined;
  const startupMs = t.firstOpen ?? fallbackStartupMs;
  const diff = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : round(b - a));
  const during = (name: string) =>
    firstCreated !== undefined && allReceived !== undefined
      ? cpuBetween(sampler.samples, name, firstCreated - offset, allReceived - offset)
      : undefined;
  const agentPeak = sampler.peak('agent');
  const serverPeak = sampler.peak('server');
  const cores = busyCores(m0, m1, wallMs);
  const check = await checkDelivery(
    session,
    before,
    files,
    server.dataDir,
    code,
    agent.lines.filter((l) => /will retry/.test(l.text)).length,
  );
  const r: AgentRun = {
    what,
    files: files.length,
    bytes,
    parallel,
    wallMs: round(wallMs),
    mbps: mbps(bytes, wallMs),
    mbpsExclStartup: mbps(bytes, wallMs - startupMs),
    timeline: {
      firstOpen: t.firstOpen === undefined ? undefined : round(t.firstOpen),
      firstUploadCreated: firstCreated === undefined ? undefined : round(firstCreated),
      allReceived: allReceived === undefined ? undefined : round(allReceived),
      lastVerified: lastVerified === undefined ? undefined : round(lastVerified),
      exit: round(wallMs),
    },
    stages: {
      startupMs: round(startupMs),
      hashMs: diff(startupMs, firstCreated),
      uploadMs: diff(firstCreated, allReceived),
      finishMs: diff(allReceived, lastVerified),
      exitMs: diff(lastVerified, wallMs),
    },
    cpuSec: {
      serverThreads,
      agent: agentCpu,
      server: srvCpu,
      serverChildren: round(server1.children - server0.children, 2),
      agentDuringUpload: during('agent'),
      serverDuringUpload: during('server'),
    },
    machine: {
      busyCores: cores.busy,
      othersCores: round(Math.max(0, cores.busy - (agentCpu + srvCpu) / (wallMs / 1000)), 2),
      stealCores: cores.steal,
    },
    rssMiB: {
      agentPeak: agentPeak.sampledRssMiB,
      agentHwm: agentPeak.hwmMiB,
      serverBefore: round(serverRssBefore, 1),
      serverPeak: serverPeak.sampledRssMiB,
      serverHwm: serverPeak.hwmMiB,
    },
    check,
    command: agent.command,
  };
  if (check.failures)
    log(
      `${what}: FAILURES ${JSON.stringify(check)}\n${agent.lines
        .slice(-10)
        .map((l) => l.text)
        .join('\n')}`,
    );
  log(
    `${what}: ${r.wallMs} ms, ${r.mbps} MB/s (${r.mbpsExclStartup} without start-up), stages ${JSON.stringify(r.stages)}, ` +
      `CPU agent ${agentCpu} s server ${srvCpu} s, machine ${cores.busy} cores busy (others ${r.machine.othersCores}), ` +
      `RSS agent ${agentPeak.sampledRssMiB} server ${serverPeak.sampledRssMiB} MiB, failures ${check.failures}`,
  );
  return r;
}

function makeFiles(watch: string, folder: string, n: number, size: number, seed: string) {
  const dir = makeDevice(watch, folder, 'ВР-001');
  const t = Date.now() - n * 60_000;
  return Array.from({ length: n }, (_, i) => {
    const name = `20260302_10${String(10 + i).padStart(2, '0')}00_${String(i + 1).padStart(4, '0')}.mp4`;
    const file = path.join(dir, name);
    writeTestFile(file, size, `${seed}-${i}`, new Date(t + i * 60_000));
    return { name, file, size } satisfies TestFile;
  });
}

/** The agent with nothing to upload: start-up (tsx loading the TypeScript sources), listing, exit; and its RSS. */
async function idleAgent(server: DemoServer, token: string, watch: string) {
  const ms: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < 2; i++) {
    const stateDir = tempDir('baqylau-bench-state-');
    const a = spawnAgent({ url: server.url, token, watch, parallel: 1, stateFile: path.join(stateDir, 'state.json') });
    const sampler = new Sampler({ agent: a.proc.pid }, SAMPLE_MS).start();
    const { code, at } = await a.proc.exited;
    sampler.stop();
    removeDir(stateDir);
    if (code !== 0) throw new Error(`empty agent run exited ${code}:\n${a.proc.output()}`);
    ms.push(at - a.proc.startedAt);
    rss.push(Math.max(sampler.peak('agent').sampledRssMiB, sampler.peak('agent').hwmMiB));
  }
  return { ms: round(median(ms)), peakRssMiB: round(Math.max(...rss), 1) };
}

async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const med = <T>(xs: T[], f: (r: T) => number | undefined) => {
  const v = xs.map(f).filter((x): x is number => x !== undefined);
  return v.length ? round(median(v), 1) : undefined;
};

function summarise(runs: AgentRun[]) {
  const gb = (r: AgentRun) => r.bytes / 1e9;
  return {
    wallMs: med(runs, (r) => r.wallMs),
    mbps: med(runs, (r) => r.mbps),
    mbpsExclStartup: med(runs, (r) => r.mbpsExclStartup),
    startupMs: med(runs, (r) => r.stages.startupMs),
    hashMs: med(runs, (r) => r.stages.hashMs),
    hashMbps: med(runs, (r) => (r.stages.hashMs ? mbps(r.bytes, r.stages.hashMs) : undefined)),
    uploadMs: med(runs, (r) => r.stages.uploadMs),
    uploadMbps: med(runs, (r) => (r.stages.uploadMs ? mbps(r.bytes, r.stages.uploadMs) : undefined)),
    finishMs: med(runs, (r) => r.stages.finishMs),
    exitMs: med(runs, (r) => r.stages.exitMs),
    agentCpuSecPerGB: med(runs, (r) => round(r.cpuSec.agent / gb(r), 2)),
    serverCpuSecPerGB: med(runs, (r) => round(r.cpuSec.server / gb(r), 2)),
    ffprobeCpuSecPerFile: med(runs, (r) => round(r.cpuSec.serverChildren / r.files, 3)),
    serverThreadsSecPerGB: {
      mainUser: med(runs, (r) => (r.cpuSec.serverThreads ? round(r.cpuSec.serverThreads.main.user / gb(r), 2) : undefined)),
      mainSys: med(runs, (r) => (r.cpuSec.serverThreads ? round(r.cpuSec.serverThreads.main.sys / gb(r), 2) : undefined)),
      othersUser: med(runs, (r) => (r.cpuSec.serverThreads ? round(r.cpuSec.serverThreads.others.user / gb(r), 2) : undefined)),
      othersSys: med(runs, (r) => (r.cpuSec.serverThreads ? round(r.cpuSec.serverThreads.others.sys / gb(r), 2) : undefined)),
    },
    serverCoresDuringUpload: med(runs, (r) =>
      r.cpuSec.serverDuringUpload !== undefined && r.stages.uploadMs
        ? round(r.cpuSec.serverDuringUpload / (r.stages.uploadMs / 1000), 2)
        : undefined,
    ),
    agentCoresDuringUpload: med(runs, (r) =>
      r.cpuSec.agentDuringUpload !== undefined && r.stages.uploadMs
        ? round(r.cpuSec.agentDuringUpload / (r.stages.uploadMs / 1000), 2)
        : undefined,
    ),
    ourCores: med(runs, (r) => round((r.cpuSec.agent + r.cpuSec.server) / (r.wallMs / 1000), 2)),
    othersCores: med(runs, (r) => r.machine.othersCores),
    agentPeakRssMiB: Math.max(...runs.map((r) => r.rssMiB.agentPeak)),
    serverPeakRssMiB: Math.max(...runs.map((r) => r.rssMiB.serverPeak)),
    failures: runs.reduce((n, r) => n + r.check.failures, 0),
  };
}

function summariseRef(runs: RefRun[], bytes: number) {
  return {
    ms: med(runs, (r) => r.ms),
    mbps: med(runs, (r) => r.mbps)!,
    cpuSecPerGB: med(runs, (r) => round(r.cpuSec / (bytes / 1e9), 2)),
    cores: med(runs, (r) => round(r.cpuSec / (r.ms / 1000), 2)),
    othersCores: med(runs, (r) => r.machine.othersCores),
  };
}

async function main() {
  const machine = machineInfo();
  const codeAtStart = codeState(REPO_ROOT);
  const loads: { at: string; load1: number }[] = [];
  const noteLoad = (at: string) => loads.push({ at, load1: round(os.loadavg()[0]!, 2) });
  noteLoad('start');
  const started = Date.now();
  const tools = { openssl: (await run('openssl', ['version'])).stdout.trim(), ffmpeg: debVersion('ffmpeg') ?? 'not a Debian package' };
  const work = tempDir('baqylau-bench-ingest-');
  const freeAtStart = freeGiB(work);
  log(`free space in ${os.tmpdir()}: ${freeAtStart} GiB; load ${machine.loadAverage.start}`);

  // ------------------------------------------------------------ (a) + (b) on one server
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  let server = await startDemo(dataDir);
  let session = await login(server.url, 'responsible');
  let token = (await session.post<{ secret: string }>('/api-tokens', { name: 'Бенчмарк док-станциясы' })).secret;
  const serverIdleRssMiB = round(procStat(server.proc.pid)!.rssMiB, 1);
  log(`demo server at ${server.url}, pid ${server.proc.pid}, RSS ${serverIdleRssMiB} MiB`);

  const watchSingle = path.join(work, 'watch-single');
  const watchMany = path.join(work, 'watch-many');
  const watchEmpty = path.join(work, 'watch-empty');
  makeDevice(watchEmpty, 'usb-1', 'ВР-001');
  log(`writing 1 × ${SINGLE / MiB} MiB and ${MANY} × ${EACH / MiB} MiB`);
  const single = makeFiles(watchSingle, 'usb-1', 1, SINGLE, 'single');
  const many = makeFiles(watchMany, 'usb-1', MANY, EACH, 'many');
  await syncDisks();
  const idle = await idleAgent(server, token, watchEmpty);
  log(`agent with nothing to do: ${idle.ms} ms, peak RSS ${idle.peakRssMiB} MiB`);

  const rounds: {
    round: number;
    load1: number;
    opensslSingle: RefRun;
    dd: { ms: number; mbps: number };
    ddDirect: { ms: number; mbps: number };
    agentSingle: AgentRun;
    leanPipeline: Awaited<ReturnType<typeof leanRun>>;
    opensslParallel: RefRun;
    agentParallel: AgentRun;
  }[] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    noteLoad(`round ${i}`);
    const opensslSingle = await opensslRun(single);
    log(`round ${i}: openssl ${SINGLE / MiB} MiB ${opensslSingle.ms} ms, ${opensslSingle.mbps} MB/s`);
    const agentSingle = await agentRun(`round ${i} single`, server, session, token, watchSingle, single, 1, idle.ms);
    const dd = await ddRun(single[0]!.file, work);
    const leanPipeline = await leanRun(single[0]!, work, 'pipeline');
    if (!leanPipeline.shaOk) throw new Error(`lean pipeline: digest mismatch ${JSON.stringify(leanPipeline)}`);
    log(`round ${i}: lean pipeline (prototype) ${leanPipeline.mbps} MB/s`);
    const ddDirect = await ddRun(single[0]!.file, work, true);
    log(`round ${i}: dd + fsync ${dd.mbps} MB/s, dd oflag=direct + fsync ${ddDirect.mbps} MB/s`);
    await syncDisks();
    const opensslParallel = await opensslRun(many);
    log(`round ${i}: ${MANY} × openssl ${opensslParallel.ms} ms, ${opensslParallel.mbps} MB/s`);
    const agentParallel = await agentRun(`round ${i} parallel`, server, session, token, watchMany, many, MANY, idle.ms);
    await syncDisks();
    rounds.push({
      round: i,
      load1: round(os.loadavg()[0]!, 2),
      opensslSingle,
      dd,
      ddDirect,
      agentSingle,
      leanPipeline,
      opensslParallel,
      agentParallel,
    });
  }

  // ------------------------------------------------------------ the lean prototype, once, on the single file
  const lean = await leanRun(single[0]!, work, 'curl').catch((e: Error) => ({ error: e.message }));
  log(`lean Node receiver (prototype): ${JSON.stringify(lean)}`);
  await syncDisks();

  // ------------------------------------------------------------ profiled run of (a) and (b): server restarted with --cpu-prof
  const profile: { single?: ProfileSummary; parallel?: ProfileSummary; agentSingle?: ProfileSummary; note: string } = { note: '' };
  try {
    await server.proc.stop();
    const profDir = tempDir('baqylau-bench-prof-');
    server = await startDemo(dataDir, { extraNodeArgs: ['--cpu-prof', '--cpu-prof-dir', path.join(profDir, 'server')] });
    session = await login(server.url, 'responsible');
    const marks = [performance.now()];
    const agentProfArgs = ['--cpu-prof', '--cpu-prof-dir', path.join(profDir, 'agent')];
    const ps = await agentRun('profiled single', server, session, token, watchSingle, single, 1, idle.ms, agentProfArgs);
    marks.push(performance.now());
    const pp = await agentRun('profiled parallel', server, session, token, watchMany, many, MANY, idle.ms);
    marks.push(performance.now());
    await server.proc.stop();
    const stopped = performance.now();
    const serverProf = fs.readdirSync(path.join(profDir, 'server')).find((f) => f.endsWith('.cpuprofile'));
    const agentProf = fs.readdirSync(path.join(profDir, 'agent')).find((f) => f.endsWith('.cpuprofile'));
    if (serverProf) {
      // The profile ends when the server exits, just after `stopped`: windows are counted back from its end.
      const file = path.join(profDir, 'server', serverProf);
      const p = JSON.parse(fs.readFileSync(file, 'utf8')) as { startTime: number; endTime: number };
      const span = (p.endTime - p.startTime) / 1000;
      const back = (t: number) => span - (stopped - t);
      profile.single = summariseProfile(file, 10, back(marks[0]!), back(marks[1]!));
      profile.parallel = summariseProfile(file, 10, back(marks[1]!), back(marks[2]!));
    }
    if (agentProf) profile.agentSingle = summariseProfile(path.join(profDir, 'agent', agentProf), 10);
    profile.note =
      `main threads only (node --cpu-prof; these runs start server and agent from the TypeScript sources through tsx, so the profile names the repository's files): fs writes in libuv's thread pool and the kernel's side of the sockets are not in it. ` +
      `The profiled runs took ${ps.wallMs} ms (single) and ${pp.wallMs} ms (${MANY} files); profiling slows them a little.`;
    removeDir(profDir);
  } catch (e) {
    profile.note = `profiling failed: ${(e as Error).message}`;
    log(profile.note);
  }

  // ------------------------------------------------------------ (c) large file: fresh server, the other files gone
  await server.proc.stop();
  removeDir(work);
  const work2 = tempDir('baqylau-bench-ingest-large-');
  const free = freeGiB(work2);
  const large: {
    size: number;
    freeGiB: number;
    skipped?: string;
    opensslMbps?: number;
    pglite?: AgentRun;
    postgresql?: AgentRun & { serverIdleRssMiB: number };
    postgresqlSkipped?: string;
  } = { size: LARGE, freeGiB: free };
  noteLoad('large');
  if (free < MIN_FREE_GIB_FOR_LARGE) {
    large.skipped = `${free} GiB free in ${os.tmpdir()}, fewer than ${MIN_FREE_GIB_FOR_LARGE} GiB (file + stored copy + margin)`;
    log(`large file skipped: ${large.skipped}`);
  } else {
    const dataDir2 = path.join(work2, 'data');
    fs.mkdirSync(dataDir2);
    server = await startDemo(dataDir2);
    session = await login(server.url, 'responsible');
    token = (await session.post<{ secret: string }>('/api-tokens', { name: 'Бенчмарк док-станциясы' })).secret;
    const watchLarge = path.join(work2, 'watch');
    log(`writing ${LARGE / MiB} MiB`);
    const big = makeFiles(watchLarge, 'usb-1', 1, LARGE, 'large');
    await syncDisks();
    const ref = await opensslRun(big);
    large.opensslMbps = ref.mbps;
    log(`large: openssl ${ref.mbps} MB/s`);
    large.pglite = await agentRun('large (PGlite demo)', server, session, token, watchLarge, big, 1, idle.ms);
    await server.proc.stop();
    removeDir(dataDir2);
    // The same upload against `baqylau serve` on PostgreSQL: how much of the server's RSS is the embedded PGlite.
    if (await pgReachable()) {
      const dataDir3 = path.join(work2, 'data-pg');
      fs.mkdirSync(dataDir3);
      const pgServer = await startPostgresServer(dataDir3, `baqylau_bench_ingest_${process.pid}`);
      try {
        const s3 = await login(pgServer.url, 'responsible');
        const t3 = (await s3.post<{ secret: string }>('/api-tokens', { name: 'Бенчмарк док-станциясы' })).secret;
        const idleRss = procStat(pgServer.proc.pid)!.rssMiB;
        const r = await agentRun('large (PostgreSQL serve)', pgServer, s3, t3, watchLarge, big, 1, idle.ms);
        large.postgresql = { ...r, serverIdleRssMiB: round(idleRss, 1) };
      } finally {
        await pgServer.drop();
      }
    } else {
      large.postgresqlSkipped = `PostgreSQL not reachable at ${PG_ADMIN_URL}`;
    }
  }
  removeDir(work2);
  noteLoad('end');

  // ------------------------------------------------------------ results
  const s1 = summarise(rounds.map((r) => r.agentSingle));
  const s16 = summarise(rounds.map((r) => r.agentParallel));
  const ref1 = summariseRef(
    rounds.map((r) => r.opensslSingle),
    SINGLE,
  );
  const ref16 = summariseRef(
    rounds.map((r) => r.opensslParallel),
    MANY * EACH,
  );
  const dd = round(median(rounds.map((r) => r.dd.mbps)), 1);
  const ddDirect = round(median(rounds.map((r) => r.ddDirect.mbps)), 1);
  const leanPipelineMbps = round(median(rounds.map((r) => r.leanPipeline.mbps)), 1);
  const ratio = (a: number | undefined, b: number) => (a === undefined ? undefined : round(a / b, 2));
  const mb = (mib: number) => round((mib * MiB) / 1e6, 1);
  const peakMB = (r: AgentRun | undefined, who: 'agent' | 'server') =>
    r
      ? mb(Math.max(who === 'agent' ? r.rssMiB.agentPeak : r.rssMiB.serverPeak, who === 'agent' ? r.rssMiB.agentHwm : r.rssMiB.serverHwm))
      : undefined;
  const result = {
    benchmark: 'ingest',
    date: new Date().toISOString(),
    quick: QUICK,
    durationSec: round((Date.now() - started) / 1000),
    code: { atStart: codeAtStart, atEnd: codeState(REPO_ROOT) },
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: round(os.loadavg()[0]!, 2) }, loads, freeGiBAtStart: freeAtStart },
    tools,
    sizes: { single: SINGLE, many: MANY, each: EACH, large: LARGE, rounds: ROUNDS },
    commands: {
      referenceSingle: 'openssl dgst -sha256 FILE',
      referenceParallel: `${MANY} × openssl dgst -sha256 FILE at once (Promise.all of child processes)`,
      diskFloor: 'dd if=FILE of=OUT bs=1M conv=fsync',
      diskFloorDirect: 'dd if=FILE of=OUT bs=1M conv=fsync oflag=direct',
      server: `HOST=127.0.0.1 ${SERVER_START_SHOWN} apps/server/dist/baqylau.mjs demo --port P --data-dir D`,
      serverPostgresql: `HOST=127.0.0.1 ${SERVER_START_SHOWN} apps/server/dist/baqylau.mjs serve --port P --data-dir D --database-url URL (demo accounts seeded)`,
      agent: rounds[0]?.agentSingle.command,
      agentParallel: rounds[0]?.agentParallel.command,
    },
    agentIdle: idle,
    serverIdleRssMiB,
    reference: {
      opensslSingle: ref1,
      opensslParallel: ref16,
      ddFsyncMbps: dd,
      ddDirectFsyncMbps: ddDirect,
      leanPipeline: { mbps: leanPipelineMbps, command: rounds[0]?.leanPipeline.command },
    },
    leanPrototype: lean,
    single: { ...s1, ratio: ratio(s1.mbps, ref1.mbps), ratioExclStartup: ratio(s1.mbpsExclStartup, ref1.mbps) },
    parallel: { ...s16, ratio: ratio(s16.mbps, ref16.mbps), ratioExclStartup: ratio(s16.mbpsExclStartup, ref16.mbps) },
    large,
    goals: {
      single: {
        goal: `single ingest ≥ ${GOALS.singleRatio} × openssl dgst -sha256 on the same file`,
        ratio: ratio(s1.mbpsExclStartup, ref1.mbps),
        met: (ratio(s1.mbpsExclStartup, ref1.mbps) ?? 0) >= GOALS.singleRatio && s1.failures === 0,
      },
      parallel: {
        goal: `${MANY} concurrent uploads ≥ ${GOALS.parallelRatio} × ${MANY} parallel openssl dgst -sha256, zero failures`,
        ratio: ratio(s16.mbpsExclStartup, ref16.mbps),
        failures: s16.failures,
        met: (ratio(s16.mbpsExclStartup, ref16.mbps) ?? 0) >= GOALS.parallelRatio && s16.failures === 0,
      },
      rss: {
        goal: `agent and server RSS flat (< ${GOALS.rssMB} MB) for a ${round(LARGE / GiB, 2)} GiB file`,
        skipped: large.skipped,
        agentPeakMB: peakMB(large.pglite, 'agent'),
        serverPeakMB: peakMB(large.pglite, 'server'),
        serverPeakMBOnPostgresql: peakMB(large.postgresql, 'server'),
        agentMet: large.pglite ? peakMB(large.pglite, 'agent')! < GOALS.rssMB : undefined,
        serverMet: large.pglite ? peakMB(large.pglite, 'server')! < GOALS.rssMB : undefined,
        serverOnPostgresqlMet: large.postgresql ? peakMB(large.postgresql, 'server')! < GOALS.rssMB : undefined,
      },
    },
    profile,
    rounds,
  };

  console.log(
    table(
      ['figure (median)', 'value'],
      [
        [`openssl ${SINGLE / MiB} MiB (MB/s)`, ref1.mbps],
        [`agent → server ${SINGLE / MiB} MiB (MB/s; without start-up)`, `${s1.mbps}; ${s1.mbpsExclStartup}`],
        ['ratio single', `${result.single.ratio}; ${result.single.ratioExclStartup}`],
        [`${MANY} × openssl (MB/s)`, ref16.mbps],
        [`agent --parallel ${MANY} (MB/s; without start-up)`, `${s16.mbps}; ${s16.mbpsExclStartup}`],
        ['ratio parallel', `${result.parallel.ratio}; ${result.parallel.ratioExclStartup}`],
        ['failures', s16.failures + s1.failures],
        ['dd + fsync (MB/s)', dd],
        [
          `large ${LARGE / MiB} MiB: agent / server peak RSS (MiB)`,
          large.pglite ? `${large.pglite.rssMiB.agentPeak} / ${large.pglite.rssMiB.serverPeak}` : 'skipped',
        ],
      ],
    ),
  );
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'ingest.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'ingest.md'), renderIngestReport(result));
  log(`results in ${path.relative(process.cwd(), dir)}/ingest.{json,md}`);
}

if (process.argv.includes('--report-only')) {
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.writeFileSync(path.join(dir, 'ingest.md'), renderIngestReport(JSON.parse(fs.readFileSync(path.join(dir, 'ingest.json'), 'utf8'))));
} else {
  try {
    await main();
  } finally {
    await cleanup();
  }
}
