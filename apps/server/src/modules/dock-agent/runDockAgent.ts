import fs from 'node:fs';
import path from 'node:path';
import { AgentState, fileKey } from './agent-state.ts';
import { identifyRecorder, listRecordings, type DockedRecorder } from './identify.ts';
import { apiRequest } from './api-request.ts';
import { sha256File, uploadFile } from './upload-file.ts';

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
}

/**
 * The dock agent (R444-11): every sub-folder of the watched folder is a
 * docked recorder. New files go up by tus, resumable from the exact byte;
 * a file counts as delivered only when the server's SHA-256 equals the one
 * computed here, and only then — if configured — is it removed from the device.
 */
export async function runDockAgent(o: DockAgentOptions) {
  const state = new AgentState(o.stateFile);
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => apiRequest(o.server, o.token, p, init);
  const docked = new Set<string>();
  const inFlight = new Set<string>();
  let failures = 0;

  async function reportDocking(r: DockedRecorder) {
    if (!r.deviceTime) return;
    const res = await api('/api/v1/dock/dockings', {
      method: 'POST',
      body: { inventoryNumber: r.inventoryNumber, deviceTime: r.deviceTime, source: 'id-file' },
    });
    if (res.ok) o.log(`${r.inventoryNumber}: docked, clock offset ${res.json<{ offsetSeconds: number }>().offsetSeconds} s`);
    else o.log(`${r.inventoryNumber}: docking not recorded (${res.status} ${res.text})`);
  }

  /** The server's receipt for an upload: undefined while it has no recording for it. */
  async function receiptOf(uploadUrl: string) {
    const uploadId = uploadUrl.split('/').pop()!;
    const res = await api(`/api/v1/dock/receipts/${encodeURIComponent(uploadId)}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`receipt ${res.status}: ${res.text}`);
    return res.json<{ sha256: string; recordingId: string }>();
  }

  async function deliver(t: Task) {
    const tag = `${t.recorder.inventoryNumber} ${t.name}`;
    let s = state.get(t.key);
    if (!s.sha256) {
      state.set(t.key, { sha256: await sha256File(t.file) });
      s = state.get(t.key);
    }
    // An earlier attempt may have finished on the server with its receipt lost (network, agent
    // stopped): ask for that receipt first. The server drops a finished upload, so resuming it
    // would start a new upload and store the file as a second recording.
    let r = s.uploadUrl ? await receiptOf(s.uploadUrl) : undefined;
    if (!r) {
      let lastPct = -1;
      const url = await uploadFile({
        endpoint: new URL('/api/v1/dock/uploads', o.server).toString(),
        token: o.token,
        file: t.file,
        size: t.size,
        resumeUrl: s.uploadUrl,
        chunkSize: o.chunkSize,
        metadata: {
          filename: t.name,
          inventoryNumber: t.recorder.inventoryNumber,
          modifiedAt: new Date(t.mtimeMs).toISOString(),
          sha256: s.sha256!,
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
      r = await receiptOf(url);
      if (!r) throw new Error('receipt: the server has no recording for the finished upload');
    }
    if (r.sha256 !== s.sha256) throw new Error(`server SHA-256 ${r.sha256} differs from local ${s.sha256}`);
    state.set(t.key, { recordingId: r.recordingId, confirmedAt: new Date().toISOString() });
    o.log(`${tag}: verified (sha256 ${r.sha256.slice(0, 16)}…), recording ${r.recordingId}`);
    if (o.deleteAfterConfirm) {
      fs.rmSync(t.file);
      state.set(t.key, { deletedAt: new Date().toISOString() });
      o.log(`${tag}: removed from the device after confirmation`);
    }
  }

  function pending(): Task[] {
    if (!fs.existsSync(o.watch)) return [];
    const tasks: Task[] = [];
    for (const e of fs.readdirSync(o.watch, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      const folder = path.join(o.watch, e.name);
      const recorder = identifyRecorder(folder, o.mapping);
      if (!recorder) continue;
      if (!docked.has(folder)) {
        docked.add(folder);
        void reportDocking(recorder).catch((err) => o.log(`${recorder.inventoryNumber}: docking report failed: ${err}`));
      }
      try {
        for (const f of listRecordings(folder)) {
          const key = fileKey(recorder.inventoryNumber, f.name, f.size, f.mtimeMs);
          if (!state.get(key).confirmedAt && !inFlight.has(key)) tasks.push({ recorder, ...f, key });
        }
      } catch {
        docked.delete(folder); // unplugged while listing
      }
    }
    // Folders that disappeared count as undocked: a re-plug reports the clock again.
    for (const f of docked) if (!fs.existsSync(f)) docked.delete(f);
    return tasks;
  }

  for (;;) {
    const tasks = pending();
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
    if (o.once) return { failures, remaining: pending().length };
    await new Promise((r) => setTimeout(r, o.intervalMs));
  }
}
