/**
 * The same-machine references of bench/ingest.bench.ts: openssl on the files, dd through the page cache and with
 * O_DIRECT, and the lean prototypes (lib/lean-sender.mjs, lib/lean-receiver.mjs), none of them Baqylau.
 */
import fs from 'node:fs';
import path from 'node:path';
import { round } from './common.ts';
import { busyCores, exitedChildrenCpuSec, machineTicks, mbps, procStat, run, spawnProc } from './procs.ts';

export interface TestFile {
  name: string;
  file: string;
  size: number;
  sha256?: string;
}

export interface Machine {
  /** cores busy on the whole machine during the measurement, and the part not ours (other processes) */
  busyCores: number;
  othersCores: number;
  stealCores: number;
}

export interface RefRun {
  ms: number;
  mbps: number;
  cpuSec: number;
  machine: Machine;
}

/** `openssl dgst -sha256` on each file at once; sets each file's sha256 (first run) or checks it. */
export async function opensslRun(files: TestFile[]): Promise<RefRun> {
  const c0 = exitedChildrenCpuSec();
  const m0 = machineTicks();
  const started = performance.now();
  const outs = await Promise.all(files.map((f) => run('openssl', ['dgst', '-sha256', f.file])));
  const ms = performance.now() - started;
  const cpuSec = round(exitedChildrenCpuSec() - c0, 2);
  const cores = busyCores(m0, machineTicks(), ms);
  files.forEach((f, i) => {
    const sha = /= ([0-9a-f]{64})\s*$/.exec(outs[i]!.stdout)?.[1];
    if (!sha) throw new Error(`openssl output: ${outs[i]!.stdout}`);
    if (f.sha256 && f.sha256 !== sha) throw new Error(`${f.file}: openssl gave ${sha}, earlier ${f.sha256}`);
    f.sha256 = sha;
  });
  const bytes = files.reduce((n, f) => n + f.size, 0);
  return {
    ms: round(ms),
    mbps: mbps(bytes, ms),
    cpuSec,
    machine: { busyCores: cores.busy, othersCores: round(Math.max(0, cores.busy - cpuSec / (ms / 1000)), 2), stealCores: cores.steal },
  };
}

const LEAN_RECEIVER = path.join(import.meta.dirname, 'lean-receiver.mjs');
const LEAN_SENDER = path.join(import.meta.dirname, 'lean-sender.mjs');

/**
 * The lean prototypes on the single file: `curl -T` into the lean receiver (page cache + fsync), and the lean sender
 * (reads, hashes, sends) into the lean receiver with --direct: the same unavoidable work as an ingest (one read, two
 * SHA-256 passes, loopback HTTP, O_DIRECT writes, fsync) without tus, a database or any checks.
 */
export async function leanRun(f: TestFile, dir: string, how: 'curl' | 'pipeline') {
  const out = path.join(dir, 'lean');
  fs.mkdirSync(out, { recursive: true });
  let port = 0;
  const p = spawnProc('lean-receiver', process.execPath, [LEAN_RECEIVER, out, ...(how === 'pipeline' ? ['--direct'] : [])], {
    onLine: (l) => {
      if (/^\d+$/.test(l.trim())) port = Number(l.trim());
    },
  });
  try {
    for (const deadline = Date.now() + 10_000; !port; await new Promise((r) => setTimeout(r, 50))) {
      if (Date.now() > deadline || !p.alive()) throw new Error(`lean receiver did not start: ${p.output()}`);
    }
    const c0 = exitedChildrenCpuSec();
    const s0 = procStat(p.pid)!;
    const url = `http://127.0.0.1:${port}/upload`;
    const r =
      how === 'curl'
        ? await run('curl', ['-sS', '-H', 'Expect:', '-T', f.file, url])
        : await run(process.execPath, [LEAN_SENDER, f.file, url]);
    const s1 = procStat(p.pid)!;
    const gb = f.size / 1e9;
    const shas = r.stdout.trim().split(' ');
    return {
      ms: round(r.ms),
      mbps: mbps(f.size, r.ms),
      shaOk: shas.every((x) => x === f.sha256),
      serverCpuSecPerGB: round((s1.cpuSec - s0.cpuSec) / gb, 2),
      clientCpuSecPerGB: round((exitedChildrenCpuSec() - c0) / gb, 2),
      command:
        how === 'curl'
          ? `node bench/lib/lean-receiver.mjs DIR; curl -sS -H 'Expect:' -T FILE http://127.0.0.1:PORT/upload`
          : `node bench/lib/lean-receiver.mjs DIR --direct; node bench/lib/lean-sender.mjs FILE http://127.0.0.1:PORT/upload`,
    };
  } finally {
    await p.stop();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** dd of the file: through the page cache (`direct` false) or as the server writes staged uploads (1 MiB O_DIRECT writes), with one fsync. */
export async function ddRun(src: string, dir: string, direct = false) {
  const dst = path.join(dir, 'dd.out');
  const r = await run('dd', [`if=${src}`, `of=${dst}`, 'bs=1M', 'conv=fsync', ...(direct ? ['oflag=direct'] : [])]);
  const size = fs.statSync(dst).size;
  fs.rmSync(dst);
  return { ms: round(r.ms), mbps: mbps(size, r.ms) };
}
