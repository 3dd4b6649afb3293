import { launchBrowser } from './support/browser.ts';
import { signIn } from './support/demo.ts';
const url = 'http://127.0.0.1:18099';
const b = await launchBrowser();
const page = await b.newPage();
await signIn(page, url, 'pcservice');
await page.goto(url + '/app/production-control'); await page.waitForTimeout(3000); const me = { organisations: [{ id: await page.evaluate(() => { const e = performance.getEntriesByType('resource').map((r) => r.name).find((n) => n.includes('/production-control/')); return e!.split('/organisations/')[1]!.split('/')[0]; }) }] };
const org = me.organisations?.[0]?.id ?? me.memberships?.[0]?.organisationId;
console.log(JSON.stringify(me).slice(0, 300));
for (const p of ['reports/monthly/2026-12', 'reports/monthly/2026-11', 'reports/trends']) {
  const r = await page.evaluate(async (u) => (await fetch(u)).text(), `/api/v1/organisations/${org}/production-control/${p}`);
  console.log(p, r.slice(0, 1500));
}
await b.close();
