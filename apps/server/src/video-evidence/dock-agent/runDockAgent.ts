import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AgentState, dockingKey, fileKey } from './agent-state.ts';
import { identifyRecorder, listRecordings, type DockedRecorder } from './identify.ts';
import { apiRequest } from './api-request.ts';
import { uploadFile } from './upload-file.ts';
import { UploadHash } from './upload-hash.ts';

export interface DockAgentOptions {
  server: string;
  token: string;
  watch: string;
  parallel: number;
  deleteAfterConfirm: boolean;
  stateFile: string;
  mapping: Record<string, string>;
  /** Process what is docked now, then exit (tests, scripts). */
  once: boolean;
  intervalMs: number;
  chunkSize?: number;
  log: (line: string) => void;
}

interface Task {
  recorder: DockedRecorder;
  name: string;
  file: string;
  size: number;
  mtimeMs: number;
  key: string;
  /** The docking this file is read in, when the device reports its clock (the server links by its offset). */
  dockingId?: string;
}

/** The device time as read at docking, against this process's monotonic clock (so a late report stays exact). */
interface Measured {
  key: string;
  dockingId: string;
  deviceTimeMs: number;
  readAt: number;
}

interface Receipt {
  sha256: string;
  recordingId: string;
}

/**
 * The dock agent (R444-11): every sub-folder of the watched folder is a
 * docked recorder. New files go up by tus, resumable from the exact byte,
 * hashed here as they are read (one read of the device). The agent then
 * confirms its SHA-256; the server commits the original only if it equals its
 * own, and a file counts as delivered only when the receipt's SHA-256 equals
 * the one computed here; only then — if configured — is it removed from the device.
 */
export async function runDockAgent(o: DockAgentOptions) {
  const state = new AgentState(o.stateFile);
  const api = (p: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    apiRequest(o.server, o.token, p, init);
  const docked = new Set<string>();
  const inFlight = new Set<string>();
  const emptyFiles = new Set<string>();
  let failures = 0;

  /**
   * R444-17: the clock is measured once per docking, from the time the device wrote when it was
   * docked, read when the agent first sees the docking. A report that has to be retried sends that
   * time advanced by what elapsed since it was read; a docking already recorded (the agent restarted,
   * the same time read again) is never reported again — its time is no longer the device's clock.
   */
  const measured = new Map<string, Measured>();
  function measure(r: DockedRecorder): Measured | undefined {
    if (!r.deviceTime || Number.isNaN(Date.parse(r.deviceTime))) return undefined;
    const key = dockingKey(r.inventoryNumber, r.deviceTime);
    let known = state.docking(key);
    if (known?.offsetSeconds !== undefined)
      o.log(`${r.inventoryNumber}: docking already recorded (clock offset ${known.offsetSeconds} s), not measured again`);
    if (!known) state.setDocking(key, (known = { dockingId: randomUUID(), deviceTime: r.deviceTime }));
    const m = { key, dockingId: known.dockingId, deviceTimeMs: Date.parse(r.deviceTime), readAt: performance.now() };
    measured.set(r.folder, m);
    return m;
  }

  async function reportDocking(r: DockedRecorder, m: Measured) {
    const known = state.docking(m.key);
    if (!known || known.offsetSeconds !== undefined) return;
    const deviceTime = new Date(m.deviceTimeMs + Math.round(performance.now() - m.readAt)).toISOString();
    const res = await api('/api/v1/dock/dockings', {
      method: 'POST',
      body: { inventoryNumber: r.inventoryNumber, deviceTime, source: 'id-file', dockingId: m.dockingId },
    });
    if (!res.ok) return o.log(`${r.inventoryNumber}: docking not recorded (${res.status} ${res.text}), retried`);
    const { offsetSeconds } = res.json<{ offsetSeconds: number }>();
    state.setDocking(m.key, { ...known, offsetSeconds });
    o.log(`${r.inventoryNumber}: docked, clock offset ${offsetSeconds} s`);
  }

  /** The server's receipt for an upload: undefined while it has no recording for it. */
  async function receiptOf(uploadUrl: string) {
    const uploadId = uploadUrl.split('/').pop()!;
    const res = await api(`/api/v1/dock/receipts/${encodeURIComponent(uploadId)}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`receipt ${res.status}: ${res.text}`);
    return res.json<Receipt>();
  }

  // Per file, across this process's attempts: a retry goes on hashing where the last one stopped.
  const hashes = new Map<string, UploadHash>();
  const hashOf = (t: Task) => hashes.get(t.key) ?? hashes.set(t.key, new UploadHash(t.file, t.size)).get(t.key)!;

  /** Sends the local SHA-256 of a finished upload; the server commits it only if it equals its own. */
  async function confirm(t: Task, uploadUrl: string, sha256: string) {
    const uploadId = uploadUrl.split('/').pop()!;
    const res = await api(`/api/v1/dock/uploads/${encodeURIComponent(uploadId)}/confirm`, { method: 'POST', body: { sha256 } });
    if (res.ok) return res.json<Receipt>();
    const code = (() => {
      try {
        return res.json<{ error?: { code?: string } }>().error?.code;
      } catch {
        return undefined;
      }
    })();
    // The server discarded the upload: next time the file goes up anew, and is hashed anew from those reads.
    if (code === 'ingest.checksum_mismatch') {
      hashes.delete(t.key);
      state.set(t.key, { uploadUrl: undefined, sha256: undefined });
    }
    throw new Error(`confirm ${res.status}: ${res.text}`);
  }

  /** Discards an upload whose bytes are not the file's (best effort: the server's cleanup takes the rest). */
  async function abandon(uploadUrl: string) {
    const uploadId = uploadUrl.split('/').pop()!;
    // tus termination, so it names the protocol version like every tus request.
    await api(`/api/v1/dock/uploads/${encodeURIComponent(uploadId)}`, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } }).catch(
      () => undefined,
    );
  }

  /** Whether the file is still as listed: 'gone' (unplugged), 'changed' (written to since), or 'same'. */
  function stillAsListed(t: Task) {
    const st = fs.statSync(t.file, { throwIfNoEntry: false });
    if (!st) return 'gone';
    return st.size === t.size && Math.round(st.mtimeMs) === Math.round(t.mtimeMs) ? 'same' : 'changed';
  }

  async function deliver(t: Task) {
    const tag = `${t.recorder.inventoryNumber} ${t.name}`;
    const s = state.get(t.key);
    const hash = hashOf(t);
    // An earlier attempt may have been committed with its receipt lost (network, agent stopped):
    // ask for that receipt first. The server drops a committed upload, so resuming it would
    // start a new upload and store the file as a second recording.
    let r = s.uploadUrl ? await receiptOf(s.uploadUrl) : undefined;
    let local: string;
    if (r) local = s.sha256 ?? (await hash.digest());
    else {
      let lastPct = -1;
      const url = await uploadFile({
        endpoint: new URL('/api/v1/dock/uploads', o.server).toString(),
        token: o.token,
        file: t.file,
        size: t.size,
        resumeUrl: s.uploadUrl,
        chunkSize: o.chunkSize,
        hash,
        metadata: {
          filename: t.name,
          inventoryNumber: t.recorder.inventoryNumber,
          modifiedAt: new Date(t.mtimeMs).toISOString(),
          ...(t.dockingId ? { dockingId: t.dockingId } : {}),
        },
        onUrl: (u) => state.set(t.key, { uploadUrl: u }),
        onProgress: (sent, total) => {
          const pct = Math.floor((sent / total) * 100);
          if (pct >= lastPct + 10 || pct === 100) {
            lastPct = pct;
            o.log(`${tag}: ${pct}% (${sent}/${total} bytes)`);
          }
        },
      });
      // The server already had every byte (an earlier attempt's upload, resumed) and nothing was
      // read now: the SHA-256 that attempt noted stands, else the file is hashed here.
      local = hash.bytes === 0 && s.sha256 ? s.sha256 : await hash.digest();
      // A file still being written has more bytes, or others, than were read: never confirm those.
      const now = stillAsListed(t);
      if (now === 'gone') throw new Error('the device is gone; the upload is confirmed once it is back');
      if (now === 'changed') {
        await abandon(url);
        hashes.delete(t.key);
        state.set(t.key, { uploadUrl: undefined, sha256: undefined });
        throw new Error('the file changed while it was read (still being written?); it goes up again as it is then');
      }
      state.set(t.key, { sha256: local });
      r = await confirm(t, url, local);
    }
    if (r.sha256 !== local) throw new Error(`server SHA-256 ${r.sha256} differs from local ${local}`);
    hashes.delete(t.key);
    state.set(t.key, { recordingId: r.recordingId, confirmedAt: new Date().toISOString() });
    o.log(`${tag}: verified (sha256 ${r.sha256.slice(0, 16)}…), recording ${r.recordingId}`);
    if (!o.deleteAfterConfirm) return;
    const now = stillAsListed(t);
    if (now === 'changed') o.log(`${tag}: kept on the device: it changed after it was read`);
    if (now !== 'same') return;
    fs.rmSync(t.file);
    state.set(t.key, { deletedAt: new Date().toISOString() });
    o.log(`${tag}: removed from the device after confirmation`);
  }

  /** What to upload now; docking reports go first, so that uploads are linked as they arrive. */
  async function pending(): Promise<Task[]> {
    if (!fs.existsSync(o.watch)) return [];
    const tasks: Task[] = [];
    for (const e of fs.readdirSync(o.watch, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      const folder = path.join(o.watch, e.name);
      const recorder = identifyRecorder(folder, o.mapping);
      if (!recorder) continue;
      if (!docked.has(folder)) {
        docked.add(folder);
        measure(recorder);
      }
      const m = measured.get(folder);
      if (m) await reportDocking(recorder, m).catch((err) => o.log(`${recorder.inventoryNumber}: docking report failed: ${err}`));
      try {
        for (const f of listRecordings(folder)) {
          const key = fileKey(recorder.inventoryNumber, f.name, f.size, f.mtimeMs);
          // An empty file is no recording (the server refuses it too): it stays on the device, said once.
          if (f.size === 0) {
            if (!emptyFiles.has(key))
              o.log(`${recorder.inventoryNumber} ${f.name}: empty file (0 bytes), left on the device, not uploaded`);
            emptyFiles.add(key);
            continue;
          }
          if (!state.get(key).confirmedAt && !inFlight.has(key)) tasks.push({ recorder, ...f, key, dockingId: m?.dockingId });
        }
      } catch {
        docked.delete(folder); // unplugged while listing
      }
    }
    // Folders that disappeared count as undocked: a re-plug with a new device time is a new docking.
    for (const f of docked)
      if (!fs.existsSync(f)) {
        docked.delete(f);
        measured.delete(f);
      }
    return tasks;
  }

  for (;;) {
    const tasks = await pending();
    const queue = [...tasks];
    const workers = Array.from({ length: Math.max(1, o.parallel) }, async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        inFlight.add(t.key);
        try {
          await deliver(t);
        } catch (e) {
          failures++;
          o.log(`${t.recorder.inventoryNumber} ${t.name}: will retry — ${(e as Error).message}`);
        } finally {
          inFlight.delete(t.key);
        }
      }
    });
    await Promise.all(workers);
    if (o.once) return { failures, remaining: (await pending()).length };
    await new Promise((r) => setTimeout(r, o.intervalMs));
  }
}
