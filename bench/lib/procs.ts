/**
 * Child processes for the end-to-end benchmarks (ingest, playback): spawning with cleanup on every way out,
 * /proc sampling (RSS, CPU), test files, timed external commands. Linux only (/proc).
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { log, onExit, round } from './common.ts';

export const MiB = 2 ** 20;
export const GiB = 2 ** 30;
/** Rates are in MB/s, 10^6 bytes per second (as openssl speed and dd print them). */
export const mbps = (bytes: number, ms: number) => round(bytes / 1e6 / (ms / 1000), 1);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- processes

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  startedAt: number;
  /** Resolves with the exit code (-1 when killed by a signal) and the time of exit (performance.now()). */
  exited: Promise<{ code: number; at: number }>;
  alive(): boolean;
  /** The last 20,000 characters the process printed (when its output is piped to us). */
  output(): string;
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const procs = new Set<Proc>();
const dirs = new Set<string>();
let cleanupInstalled = false;

function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  onExit(cleanup);
  // Last resort (an uncaught error, process.exit): no child outlives the benchmark.
  process.on('exit', () => {
    for (const p of procs) if (p.alive()) p.child.kill('SIGKILL');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
}

/** Stops every child this module started (SIGTERM, then SIGKILL) and removes every temporary folder. */
export async function cleanup() {
  for (const p of [...procs].reverse()) await p.stop().catch(() => undefined);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs.clear();
}

export interface SpawnOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Output goes to this file instead of a pipe (a busy server should not make the benchmark process read its log). */
  logFile?: string;
  /** Called with every line on stdout/stderr and the time it arrived (performance.now()). */
  onLine?: (line: string, at: number) => void;
}

export function spawnProc(name: string, cmd: string, args: string[], o: SpawnOptions = {}): Proc {
  installCleanup();
  let fd: number | undefined;
  if (o.logFile) fd = fs.openSync(o.logFile, 'a');
  const child = spawn(cmd, args, {
    cwd: o.cwd,
    env: o.env ? { ...process.env, ...o.env } : process.env,
    stdio: ['ignore', fd ?? 'pipe', fd ?? 'pipe'],
  });
  if (fd !== undefined) fs.closeSync(fd);
  const startedAt = performance.now();
  let out = '';
  let partial = '';
  const onData = (d: Buffer) => {
    const at = performance.now();
    const s = d.toString();
    out = (out + s).slice(-20_000);
    if (!o.onLine) return;
    const lines = (partial + s).split('\n');
    partial = lines.pop()!;
    for (const l of lines) o.onLine(l, at);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let alive = true;
  const exited = new Promise<{ code: number; at: number }>((resolve, reject) => {
    child.on('error', (e) => {
      alive = false;
      reject(e);
    });
    child.on('exit', (code, signal) => {
      alive = false;
      resolve({ code: code ?? (signal ? -1 : 0), at: performance.now() });
    });
  });
  exited.catch(() => undefined);
  const p: Proc = {
    name,
    child,
    pid: child.pid ?? -1,
    startedAt,
    exited,
    alive: () => alive,
    output: () => (o.logFile ? tailFile(o.logFile) : out),
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (alive) {
        child.kill(signal);
        const timer = setTimeout(() => alive && child.kill('SIGKILL'), graceMs);
        await exited.catch(() => undefined);
        clearTimeout(timer);
      }
      procs.delete(p);
    },
  };
  procs.add(p);
  return p;
}

function tailFile(file: string, bytes = 20_000) {
  try {
    const st = fs.statSync(file);
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(Math.min(bytes, st.size));
    fs.readSync(fd, buf, 0, buf.length, st.size - buf.length);
    fs.closeSync(fd);
    return buf.toString();
  } catch {
    return '';
  }
}

/** Runs a command to its end; rejects on a non-zero exit. */
export function run(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: opts.cwd, maxBuffer: 64 * MiB }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve({ ms: performance.now() - started, stdout });
    });
  });
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A temporary folder removed by cleanup(), also on Ctrl-C. */
export function tempDir(prefix: string): string {
  installCleanup();
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(d);
  return d;
}

export function removeDir(d: string) {
  fs.rmSync(d, { recursive: true, force: true });
  dirs.delete(d);
}

// ---------------------------------------------------------------- /proc

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcStat {
  /** Resident set now and its peak since start (or since resetPeak), MiB. */
  rssMiB: number;
  hwmMiB: number;
  /** User + system CPU time of all threads, seconds. */
  cpuSec: number;
  /** CPU time of its children that have exited and were waited for (e.g. the server's ffprobe runs), seconds. */
  childCpuSec: number;
}

export function procStat(pid: number): ProcStat | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      rssMiB: kib('VmRSS') / 1024,
      hwmMiB: kib('VmHWM') / 1024,
      cpuSec: (Number(f[11]) + Number(f[12])) / TICKS,
      childCpuSec: (Number(f[13]) + Number(f[14])) / TICKS,
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds of this process's children that have exited (an agent run, openssl runs): exact, no sampling. */
export const exitedChildrenCpuSec = () => procStat(process.pid)?.childCpuSec ?? 0;

/** Whole-machine CPU ticks from /proc/stat: busy (user, nice, system, irq, softirq, steal) and all. */
export function machineTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , iowait, irq, softirq, steal] = f as [number, number, number, number, number, number, number, number];
  return { busy: user + nice + system + irq + softirq + steal, steal, iowait, all: f.slice(0, 8).reduce((a, b) => a + b, 0) };
}

/** Cores busy on the whole machine between two machineTicks() readings over `ms` of wall time. */
export function busyCores(a: ReturnType<typeof machineTicks>, b: ReturnType<typeof machineTicks>, ms: number) {
  const sec = ms / 1000;
  return {
    busy: round((b.busy - a.busy) / TICKS / sec, 2),
    steal: round((b.steal - a.steal) / TICKS / sec, 2),
    iowait: round((b.iowait - a.iowait) / TICKS / sec, 2),
  };
}

/** Paths of the files a process has open. */
export function openFiles(pid: number): string[] {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
}

/** Resets VmHWM (the peak RSS) of a process (`echo 5 > /proc/pid/clear_refs`); false if not allowed. */
export function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface Sample {
  /** ms since the sampler started */
  t: number;
  procs: Record<string, ProcStat | undefined>;
  extra?: number;
}

/**
 * Samples VmRSS, VmHWM and CPU time of named processes every `everyMs` (and whenever `now()` is called);
 * `extra` is any other figure sampled along (e.g. bytes staged on the server).
 */
export class Sampler {
  readonly samples: Sample[] = [];
  private timer?: NodeJS.Timeout;
  private readonly t0 = performance.now();
  constructor(
    private readonly pids: Record<string, number>,
    private readonly everyMs = 200,
    private readonly extra?: () => number,
  ) {}
  start() {
    this.now();
    this.timer = setInterval(() => this.now(), this.everyMs);
    return this;
  }
  now() {
    const s: Sample = { t: performance.now() - this.t0, procs: {} };
    for (const [name, pid] of Object.entries(this.pids)) s.procs[name] = procStat(pid);
    if (this.extra) s.extra = this.extra();
    this.samples.push(s);
    return s;
  }
  stop() {
    clearInterval(this.timer);
    this.now();
    return this;
  }
  /** Peak of the sampled VmRSS and the last VmHWM seen (the kernel's own peak), MiB. */
  peak(name: string) {
    const xs = this.samples.map((s) => s.procs[name]).filter((x): x is ProcStat => !!x);
    return {
      sampledRssMiB: round(Math.max(0, ...xs.map((x) => x.rssMiB)), 1),
      hwmMiB: round(Math.max(0, ...xs.map((x) => x.hwmMiB)), 1),
    };
  }
  /** CPU seconds between the first and the last sample in which the process was alive. */
  cpu(name: string) {
    const xs = this.samples.map((s) => s.procs[name]).filter((x): x is ProcStat => !!x);
    return xs.length ? round(xs.at(-1)!.cpuSec - xs[0]!.cpuSec, 2) : 0;
  }
  /** First sample time (ms) at which `pred` holds. */
  firstWhen(pred: (s: Sample) => boolean) {
    return this.samples.find(pred)?.t;
  }
  get startedAt() {
    return this.t0;
  }
}

// ---------------------------------------------------------------- files

/**
 * Writes `size` bytes that no two files share: one random 16 MiB block, repeated, with the file's seed and the
 * block number written over the first bytes of each repetition. SHA-256 costs the same on any bytes, and no stage
 * of the path compresses, so this is as good as /dev/urandom and much cheaper to make. The file is not hashed here:
 * the reference run (`openssl dgst -sha256`) gives the expected digest.
 */
const BLOCK = 16 * MiB;
let block: Buffer | undefined;
export function writeTestFile(file: string, size: number, seed: string, mtime = new Date()) {
  block ??= randomFillSync(Buffer.allocUnsafe(BLOCK));
  const fd = fs.openSync(file, 'w');
  try {
    for (let off = 0, i = 0; off < size; off += BLOCK, i++) {
      const n = Math.min(BLOCK, size - off);
      block.write(`${seed}:${i}:`.padEnd(64, '.'), 0, 'latin1');
      fs.writeSync(fd, block, 0, n, off);
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.utimesSync(file, mtime, mtime);
}
export async function sha256OfFile(file: string) {
  const hash = createHash('sha256');
  for await (const c of fs.createReadStream(file, { highWaterMark: 4 * MiB })) hash.update(c as Buffer);
  return hash.digest('hex');
}

/** Free space of the filesystem holding `dir`, GiB. */
export function freeGiB(dir: string) {
  const s = fs.statfsSync(dir);
  return round((s.bavail * s.bsize) / GiB, 1);
}

/** Flushes dirty pages so the next measurement does not pay for the previous one's writeback. */
export async function syncDisks() {
  const started = performance.now();
  await run('sync', []);
  return performance.now() - started;
}

/** Version of an installed Debian package, if dpkg knows it. */
export function debVersion(pkg: string): string | undefined {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export { log };

export interface ThreadTimes {
  /** the main thread (tid = pid): JavaScript, the event loop, socket reads and writes */
  main: { user: number; sys: number };
  /** every other thread: libuv's pool (file writes, fsync), V8's GC and compiler helpers, worker threads */
  others: { user: number; sys: number };
}

/** User and system CPU seconds of a process's main thread and of its other threads, from /proc/<pid>/task. */
export function threadTimes(pid: number): ThreadTimes | undefined {
  const t: ThreadTimes = { main: { user: 0, sys: 0 }, others: { user: 0, sys: 0 } };
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      } catch {
        continue; // the thread ended meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const k = Number(tid) === pid ? t.main : t.others;
      k.user += Number(f[11]) / TICKS;
      k.sys += Number(f[12]) / TICKS;
    }
    return t;
  } catch {
    return undefined;
  }
}

export function threadDelta(a: ThreadTimes | undefined, b: ThreadTimes | undefined): ThreadTimes | undefined {
  if (!a || !b) return undefined;
  const d = (x: number, y: number) => round(y - x, 2);
  return {
    main: { user: d(a.main.user, b.main.user), sys: d(a.main.sys, b.main.sys) },
    others: { user: d(a.others.user, b.others.user), sys: d(a.others.sys, b.others.sys) },
  };
}
