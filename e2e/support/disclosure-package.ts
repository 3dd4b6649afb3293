import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { makeClip } from '../../apps/server/test/support/clips.ts';
import { unzipTo } from '../../apps/server/test/support/package-fixture.ts';
import { signIn } from './demo.ts';
import { pageApi } from './evidence.ts';
import type { DemoServer } from './server.ts';

export interface ServerDisclosure {
  /** Temporary folder with `<number>.zip` and the unzipped `<number>/`. */
  dir: string;
  folder: string;
  number: string;
  /** The clip's path inside the package folder. */
  clip: string;
  cleanup(): void;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A DSM-335 disclosure package made the way the demo clinic's head makes one (R335-3): an application
 * of a deceased patient's spouse, the hold confirmed, granted, a real clip added, the package built and
 * downloaded through the API with the session; then unzipped as the family would.
 */
export async function buildDisclosureThroughServer(server: DemoServer, page: Page): Promise<ServerDisclosure> {
  await signIn(page, server.url, 'clinic');
  const api = await pageApi(page);
  const places = await api.get<{ items: { id: string; kind: string }[] }>('/cctv/places');
  const room = places.items.find((p) => p.kind === 'room')!;
  const now = Date.now();
  const request = await api.post<{ id: string }>('/cctv/requests', {
    receivedOn: day(new Date(now - 86_400_000)),
    applicantName: 'Омарова Гүлжан Серікқызы',
    applicantIin: '820315402511',
    relationship: 'spouse',
    patientName: 'Омаров Ерлан Болатұлы',
    patientIin: '551108301219',
    dateOfDeath: day(new Date(now - 2 * 86_400_000)),
    periodFrom: new Date(now - 3 * 86_400_000).toISOString(),
    periodTo: new Date(now - 3 * 86_400_000 + 6 * 3_600_000).toISOString(),
    placeIds: [room.id],
  });
  const one = `/cctv/requests/${request.id}`;
  await api.post(`${one}/hold-confirmed`, { confirmedBy: 'Ілиясов Марат, оператор' });
  await api.post(`${one}/decision`, { grant: true, reason: 'Өтініш беруші — қайтыс болған пациенттің жұбайы' });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-e2e-disclosure-'));
  const clipFile = path.join(dir, 'palata-0800.mp4');
  makeClip(clipFile, new Date(now - 3 * 86_400_000), 3);
  const csrf = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json().then((m) => m.csrfToken as string)));
  const base = `${server.url}/api/v1/organisations/${api.orgId}`;
  const upload = await page.request.post(`${base}${one}/files?kind=clip&fileName=palata-0800.mp4`, {
    data: fs.readFileSync(clipFile),
    headers: { 'content-type': 'video/mp4', 'x-csrf-token': csrf },
  });
  if (upload.status() !== 201) throw new Error(`clip upload: ${upload.status()} ${await upload.text()}`);
  const pkg = await api.post<{ number: string; downloadUrl: string }>(`${one}/packages`, {});
  const res = await page.request.get(server.url + pkg.downloadUrl);
  if (res.status() !== 200) throw new Error(`download: ${res.status()} ${await res.text()}`);

  const zip = path.join(dir, `${pkg.number}.zip`);
  fs.writeFileSync(zip, await res.body());
  await unzipTo(zip, dir);
  return {
    dir,
    folder: path.join(dir, pkg.number),
    number: pkg.number,
    clip: 'clips/01-palata-0800.mp4',
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
