/** Reads a V8 .cpuprofile (node --cpu-prof) into self time per function and per package: where a process's CPU went. */
import fs from 'node:fs';
import { round } from './common.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped too), node:<module>, the repository's own files by folder, or V8's pseudo-frames. */
export function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return url.replace(/^node:internal\//, 'node:').replace(/\/.*$/, '');
  const own = /\/(apps\/[^/]+\/src\/(?:[^/]+\/){0,2})/.exec(url);
  if (own) return own[1]!.replace(/\/$/, '');
  return url.replace(/^file:\/\//, '');
}

export interface ProfileSummary {
  file: string;
  /** Wall time the profile covers and the part of it the thread was busy (not idle), ms. */
  durationMs: number;
  busyMs: number;
  byCategory: { name: string; ms: number; pctOfBusy: number }[];
  /**
   * Self time charged to the nearest caller that is a package or the repository's own code (node: internals and native
   * frames count for whoever called them): e.g. a socket write under @tus/server counts for @tus/server.
   */
  byOwner: { name: string; ms: number; pctOfBusy: number }[];
  byFunction: { name: string; ms: number; pctOfBusy: number }[];
}

export function summariseProfile(file: string, top = 15, fromMs?: number, toMs?: number): ProfileSummary {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let t = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i]! / 1000;
    if (fromMs !== undefined && t < fromMs) continue;
    if (toMs !== undefined && t > toMs) break;
    const next = (p.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + next);
  }
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerCache = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const cached = ownerCache.get(id);
    if (cached) return cached;
    let owner = '';
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const cat = categoryOf(f.url, f.functionName);
      if (f.url && !cat.startsWith('node:') && !cat.startsWith('(')) {
        owner = cat;
        break;
      }
    }
    if (!owner) {
      const f = byId.get(id)!.callFrame;
      owner = categoryOf(f.url, f.functionName);
    }
    ownerCache.set(id, owner);
    return owner;
  };
  const owners = new Map<string, number>();
  const cats = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    total += ms;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const cat = categoryOf(url, functionName);
    const owner = ownerOf(id);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    cats.set(cat, (cats.get(cat) ?? 0) + ms);
    const short = url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/apps\//, 'apps/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${short ? ` ${short}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
  }
  const busy = total - idle;
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: round(ms), pctOfBusy: round((100 * ms) / Math.max(busy, 1e-9), 1) }));
  return { file, durationMs: round(total), busyMs: round(busy), byCategory: rank(cats), byOwner: rank(owners), byFunction: rank(fns) };
}
