import fs from 'node:fs';
import yauzl from 'yauzl';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { demoUser, signIn, signOutQuietly, unusedTotpCode } from './support/demo.ts';
import { dockFolder, pageApi, runDockAgent, tempWatch, type PageApi } from './support/evidence.ts';
import { dockOldRecordings, keptUntil, kk, kkErrorStart, tinyPdf, waitForDurations, type Recording } from './support/retention.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

interface Entry {
  id: string;
  inventoryNumber: string;
  activityId: string;
  issuedAt: string;
}

let server: DemoServer;
let browser: Browser;
let page: Page;
let api: PageApi;
let activityId: string;
let recordings: Recording[];

const DAY = 86_400_000;
/** Captured four years ago: point 12's three years ran out a year ago. */
const dueAt = new Date(Date.now() - 4 * 365 * DAY);
/** Captured three years less ten days ago: kept for ten more days. */
const upcomingAt = (() => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 3);
  return new Date(d.getTime() + 10 * DAY);
})();
const DUE = 'OLD_0001.mp4';
const UPCOMING = 'OLD_0002.mp4';
const dialog = () => page.getByRole('dialog');
const nav = () => page.getByRole('navigation');
const byName = (name: string) => recordings.find((r) => r.originalName === name)!;

/**
 * The demo issues ВР-001 to inspector1 for № 27-ТП, and ВР-003 for the same activity (already returned). The
 * real dock agent uploads two fresh clips of ВР-001 and two old ones of ВР-003, which the responsible person
 * attaches to ВР-003's issue: one past its retention period, one ten days before its end.
 */
beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
  await signIn(page, server.url, 'responsible');
  api = await pageApi(page);
  const { secret } = await api.post<{ secret: string }>('/api-tokens', { name: 'Кабинет 12: док-станция' });
  const [book] = await api.get<{ id: string }[]>('/journals');
  const entries = await api.get<Entry[]>(`/journals/${book!.id}/entries`);
  const vr1 = entries.find((e) => e.inventoryNumber === 'ВР-001')!;
  const vr3 = entries.find((e) => e.inventoryNumber === 'ВР-003')!;
  activityId = vr1.activityId;

  const start = Math.max(Date.parse(vr1.issuedAt) + 10_000, Date.now() - 6 * 60_000);
  const watch = tempWatch();
  try {
    dockFolder(watch, 'usb-1', 'ВР-001', [
      { name: 'REC_0001.mp4', deviceStart: new Date(start) },
      { name: 'REC_0002.mp4', deviceStart: new Date(start + 4000) },
    ]);
    await runDockAgent(server.url, secret, watch);
  } finally {
    fs.rmSync(watch, { recursive: true, force: true });
  }
  await dockOldRecordings(server, api, secret, vr3.id, [
    { name: DUE, at: dueAt },
    { name: UPCOMING, at: upcomingAt },
  ]);
  recordings = await waitForDurations(api, ['REC_0001.mp4', 'REC_0002.mp4', DUE, UPCOMING]);
  expect(byName(DUE).retainUntil).not.toBeNull();
  await signOutQuietly(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  // Each test signs in as its own person, whatever the last one left behind.
  await signOutQuietly(page);
});

describe('Order 444 retention and court packages', () => {
  it('R444-12 the responsible person reviews the expired recording, deletes it with the second factor, and the act answers a PDF in Kazakh and Russian', async () => {
    await signIn(page, server.url, 'responsible');
    await page.goto(`${server.url}/app/recorders`);
    await nav()
      .getByRole('link', { name: kk('order444.nav.retention') })
      .click();
    const due = page.getByTestId('due-table');
    await due.locator(`tr[data-recording="${DUE}"]`).waitFor();
    // Only what is past its period is offered: the one kept ten more days is not.
    await expect(due.locator('tbody tr').count()).resolves.toBe(1);
    await expect(due.locator(`tr[data-recording="${DUE}"]`).innerText()).resolves.toContain(keptUntil(dueAt, 3));
    await due.getByRole('checkbox', { name: kk('retention.select', { name: DUE }) }).check();
    await page.getByRole('button', { name: kk('retention.due.delete') }).click();

    const summary = await dialog().getByTestId('delete-summary').innerText();
    expect(summary).toContain(kk('retention.delete.summary', { count: 1, size: '' }).split(',')[0]);
    await expect(dialog().innerText()).resolves.toContain('12-тармағы');
    await screenshot(page, 'retention-delete-dialog');

    // A wrong code is refused in the user's language and nothing is deleted.
    await dialog().locator('input[name="code"]').fill('000000');
    await dialog()
      .getByRole('button', { name: kk('retention.delete.submit', { count: 1 }) })
      .click();
    await dialog().getByText(kkErrorStart('auth.totp_invalid')).waitFor();

    await dialog()
      .locator('input[name="code"]')
      .fill(await unusedTotpCode(demoUser('responsible').totp!));
    await dialog()
      .getByRole('button', { name: kk('retention.delete.submit', { count: 1 }) })
      .click();
    const act = dialog().getByTestId('act-result');
    await act.waitFor();
    const year = new Date().getFullYear();
    await expect(act.innerText()).resolves.toContain(kk('retention.acts.drawnUp', { number: `${year}-001` }));
    await screenshot(page, 'retention-act');
    for (const lang of ['kk', 'ru']) {
      const href = await act.getByTestId(`act-pdf-${lang}`).getAttribute('href');
      const res = await page.request.get(server.url + href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('application/pdf');
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    await dialog()
      .getByRole('button', { name: kk('action.close') })
      .click();
    await page.getByTestId('due-table').waitFor({ state: 'detached' });

    // The recording is a tombstone now: its facts and the act, no player.
    await page.goto(`${server.url}/app/recorders/recordings/${byName(DUE).id}`);
    await page.getByTestId('tombstone').waitFor();
    await page.getByTestId('deletion-facts').getByText(`№ ${year}-001`, { exact: false }).waitFor();
    await expect(page.locator('video').count()).resolves.toBe(0);
    await page.goto(`${server.url}/app/recorders/retention?tab=acts`);
    await page.getByTestId('acts-table').locator(`tr[data-act="${year}-001"]`).waitFor();
  });

  it('R444-12 the head sees on the dashboard what falls due within 30 days, places a legal hold on it and lifts it', async () => {
    await signIn(page, server.url, 'head');
    await page.goto(`${server.url}/app/recorders`);
    const card = page.getByTestId('upcoming-card');
    await expect(card.getByTestId('upcoming-count').innerText()).resolves.toBe(kk('retention.card.count', { count: 1 }));
    await screenshot(page, 'retention-dashboard-card');
    await card.getByRole('link', { name: UPCOMING }).click();
    // The head is asked for a purpose before viewing; holding needs no viewing.
    await dialog()
      .getByRole('button', { name: kk('action.cancel') })
      .click();

    const retention = page.getByTestId('recording-retention');
    await expect(retention.getByTestId('kept-until').innerText()).resolves.toBe(keptUntil(upcomingAt, 3));
    await retention.getByRole('button', { name: kk('holds.place.button') }).click();
    await dialog().locator('input[name="reference"]').fill('№ 2-1234/2026');
    await dialog().locator('textarea[name="reason"]').fill('Қарағанды қаласының әкімшілік сотының сұрау салуы бойынша');
    await dialog()
      .getByRole('button', { name: kk('holds.place.submit') })
      .click();
    await dialog().waitFor({ state: 'detached' });
    const active = retention.locator('[data-testid="hold"][data-state="active"]');
    await expect(active.innerText()).resolves.toContain('№ 2-1234/2026');
    await expect(active.innerText()).resolves.toContain('Жұмабеков Ерлан Серікұлы');
    await retention.getByTestId('held-badge').waitFor();

    // The review marks it held.
    await nav()
      .getByRole('link', { name: kk('order444.nav.retention') })
      .click();
    await page.getByRole('tab', { name: new RegExp(kk('retention.tab.upcoming')) }).click();
    await page.getByTestId('upcoming-table').locator(`tr[data-recording="${UPCOMING}"]`).getByText(kk('retention.held')).waitFor();
    await screenshot(page, 'retention-upcoming-held');

    await page.getByTestId('upcoming-table').getByRole('link', { name: UPCOMING }).click();
    await dialog()
      .getByRole('button', { name: kk('action.cancel') })
      .click();
    await active.getByRole('button', { name: kk('holds.lift.button') }).click();
    await dialog().locator('textarea[name="liftReason"]').fill('Сот ісі аяқталды, шешім заңды күшіне енді');
    await dialog()
      .getByRole('button', { name: kk('holds.lift.submit') })
      .click();
    await dialog().waitFor({ state: 'detached' });
    const lifted = retention.locator('[data-testid="hold"][data-state="lifted"]');
    await expect(lifted.innerText()).resolves.toContain('Сот ісі аяқталды, шешім заңды күшіне енді');
    await expect(retention.getByTestId('held-badge').count()).resolves.toBe(0);
    await screenshot(page, 'recording-holds');
  });

  it('R444-14 the responsible person builds a package from the activity’s recordings with an excerpt and a material, sees it ready, and downloads the ZIP through a link', async () => {
    await signIn(page, server.url, 'responsible');
    await page.goto(`${server.url}/app/recorders/activities/${activityId}`);
    const materials = page.getByTestId('materials-panel');
    await materials.locator('input[type="file"]').setInputFiles({
      name: 'akt-27-TP.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('Act 27-TP'),
    });
    await materials.locator('input[name="materialTitle"]').fill('№ 27-ТП тексеру актісі');
    await materials.getByRole('button', { name: kk('materials.upload') }).click();
    await materials.locator('tr[data-material="№ 27-ТП тексеру актісі"]').waitFor();

    await page.getByRole('link', { name: kk('packages.new') }).click();
    await page.waitForURL(`**/app/recorders/packages/new?activity=${activityId}`);
    await page.locator('input[name="recipientName"]').fill('Қарағанды қаласының мамандандырылған әкімшілік соты');
    await page.locator('input[name="caseNumber"]').fill('2-1234/2026');
    await page.locator('textarea[name="purpose"]').fill('Әкімшілік құқық бұзушылық туралы іс бойынша дәлелдеме');
    const picker = page.getByTestId('recording-picker');
    // The deleted recording's original is gone: it is not offered.
    await picker.locator('tr[data-recording="REC_0001.mp4"]').waitFor();
    await expect(picker.locator(`tr[data-recording="${DUE}"]`).count()).resolves.toBe(0);
    await picker.getByRole('checkbox', { name: kk('packages.form.include', { name: 'REC_0001.mp4' }) }).check();
    await picker.getByRole('checkbox', { name: kk('packages.form.include', { name: 'REC_0002.mp4' }) }).check();
    const first = picker.locator('tr[data-recording="REC_0001.mp4"]');
    await first.getByRole('checkbox', { name: kk('packages.excerpt.only') }).check();
    await first.getByRole('textbox', { name: kk('packages.excerpt.toOf', { name: 'REC_0001.mp4' }) }).fill('2');
    await page.getByTestId('material-picker').getByRole('checkbox', { name: '№ 27-ТП тексеру актісі' }).check();
    await expect(page.getByTestId('package-chosen').innerText()).resolves.toBe(kk('packages.form.chosen', { count: 2, materials: 1 }));
    await screenshot(page, 'package-form');
    await page.getByRole('button', { name: kk('packages.form.submit') }).click();

    await page.waitForURL(/\/app\/recorders\/packages\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="package-state"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('manifest-hash').innerText()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('key-fingerprint').innerText()).resolves.toMatch(/\S{16,}/);
    const contents = await page.getByTestId('package-contents').innerText();
    expect(contents).toContain(kk('packages.excerpt.value', { from: 0, to: 2 }));
    expect(contents).toContain('№ 27-ТП тексеру актісі');

    await page.getByRole('button', { name: kk('packages.links.create') }).click();
    const link = page.getByTestId('new-link');
    await expect(link.getByTestId('link-expiry').innerText()).resolves.toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await screenshot(page, 'package-ready');
    const [download] = await Promise.all([page.waitForEvent('download'), link.getByTestId('download-zip').click()]);
    const zip = fs.readFileSync((await download.path())!);
    expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
    const names: string[] = [];
    const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
    for await (const e of file.eachEntry()) names.push(e.fileName);
    file.close();
    expect(names.some((n) => n.endsWith('/manifest.json') || n === 'manifest.json')).toBe(true);
    expect(names.some((n) => /excerpts\/.+\.mp4$/.test(n))).toBe(true);
    expect(names.some((n) => /materials\/.+\.pdf$/.test(n))).toBe(true);
    // The cover letters are rendered by the server (pdfkit and its fonts, loaded on first use).
    expect(names.filter((n) => /(^|\/)cover-letter-(kk|ru)\.pdf$/.test(n))).toHaveLength(2);
    // Read again: the link is listed with its one use, and its token is not shown any more.
    await page.reload();
    await page
      .getByTestId('link-used')
      .getByText(kk('packages.links.usedCount', { count: 1 }))
      .waitFor();
    await expect(page.getByTestId('new-link').count()).resolves.toBe(0);

    await nav()
      .getByRole('link', { name: kk('order444.nav.packages') })
      .click();
    // Ready in the list too, beside the demo's own package of ВР-004's recordings.
    const ready = page.getByTestId('packages-table').locator('[data-testid="package-state"][data-state="ready"]');
    await expect.poll(() => ready.count()).toBe(2);
  });
});
