import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { unzipTo } from '../../apps/server/test/support/package-fixture.ts';
import { signIn } from './demo.ts';
import { dockFolder, pageApi, runDockAgent, tempWatch } from './evidence.ts';
import type { DemoServer } from './server.ts';

interface PackageDetail {
  id: string;
  number: string;
  state: string;
  error: unknown;
  keyFingerprint: string;
}

export interface ServerPackage {
  /** Temporary folder with `<number>.zip` and the unzipped `<number>/`. */
  dir: string;
  folder: string;
  number: string;
  keyFingerprint: string;
  /** Paths of the originals inside the package folder. */
  originals: string[];
  cleanup(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A court package made the way a responsible person makes one: the real dock agent uploads two clips
 * from ВР-001 (issued by the demo), the package is created through the API, built by the server's
 * job worker, and downloaded through an expiring link with the session; then unzipped as a recipient would.
 */
export async function buildPackageThroughServer(server: DemoServer, page: Page): Promise<ServerPackage> {
  await signIn(page, server.url, 'responsible');
  const api = await pageApi(page);
  const { secret } = await api.post<{ secret: string }>('/api-tokens', { name: 'Кабинет 12: док-станция' });
  const [book] = await api.get<{ id: string }[]>('/journals');
  const entries = await api.get<{ inventoryNumber: string; issuedAt: string }[]>(`/journals/${book!.id}/entries`);
  const issuedAt = Date.parse(entries.find((e) => e.inventoryNumber === 'ВР-001')!.issuedAt);
  const start = Math.max(issuedAt + 10_000, Date.now() - 6 * 60_000);
  const names = ['REC_0001.mp4', 'REC_0002.mp4'];
  const watch = tempWatch();
  try {
    dockFolder(watch, 'usb-1', 'ВР-001', [
      { name: names[0]!, deviceStart: new Date(start) },
      { name: names[1]!, deviceStart: new Date(start + 4000) },
    ]);
    await runDockAgent(server.url, secret, watch);
  } finally {
    fs.rmSync(watch, { recursive: true, force: true });
  }
  const recordings = await api.get<{ id: string; originalName: string }[]>('/recordings');
  const ids = names.map((n) => recordings.find((r) => r.originalName === n)?.id);
  if (ids.some((x) => !x)) throw new Error(`the dock agent did not upload ${names.join(', ')}`);

  const created = await api.post<PackageDetail>('/packages', {
    recipientKind: 'court',
    recipientName: 'Қарағанды қаласының мамандандырылған әкімшілік соты',
    caseNumber: '2-1234/2026',
    purpose: 'Әкімшілік құқық бұзушылық туралы іс бойынша дәлелдеме',
    recordings: ids.map((recordingId) => ({ recordingId })),
  });
  let pkg = created;
  for (const deadline = Date.now() + 60_000; pkg.state !== 'ready'; await sleep(250)) {
    pkg = await api.get<PackageDetail>(`/packages/${created.id}`);
    if (pkg.state === 'failed') throw new Error(`package build failed: ${JSON.stringify(pkg.error)}`);
    if (Date.now() > deadline) throw new Error(`package still ${pkg.state} after 60 s`);
  }
  const { downloadUrl } = await api.post<{ downloadUrl: string }>(`/packages/${created.id}/links`, {});
  const res = await page.request.get(server.url + downloadUrl);
  if (res.status() !== 200) throw new Error(`download: ${res.status()} ${await res.text()}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-e2e-package-'));
  const zip = path.join(dir, `${pkg.number}.zip`);
  fs.writeFileSync(zip, await res.body());
  await unzipTo(zip, dir);
  const folder = path.join(dir, pkg.number);
  const originals = fs.readdirSync(path.join(folder, 'recordings')).map((f) => `recordings/${f}`);
  return {
    dir,
    folder,
    number: pkg.number,
    keyFingerprint: pkg.keyFingerprint,
    originals,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
