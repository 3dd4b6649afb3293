import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { latestPublishedVersion } from '../../src/production-control/checklists/checklists.repository.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedPcWorld, type PcWorld } from './pc-world.ts';

let ctx: TestContext;
let w: PcWorld;
let checklistId: string;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const q = (text: string, point: string, severity = 'major', id?: string) => ({
  ...(id ? { id } : {}),
  text,
  reference: { act: 'Қауіпті өндірістік объектілерде өнеркәсіптік қауіпсіздікті қамтамасыз ету қағидалары', point },
  severity,
});

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedPcWorld(ctx);
});
afterAll(() => ctx.close());

describe('R315-11 checklists: draft → published versions that never change', () => {
  it('R315-9 a checklist starts as draft version 1; questions get stable ids; each row is checked and named', async () => {
    const bad = await w.as.serviceHead.post(`${w.base}/checklists`, {
      title: 'Шахта желдетуі',
      purpose: 'inspection',
      questions: [q('Желдету жұмыс істей ме?', '12'), q('Метан датчиктері', ' ', 'major')],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'pc.checklist_question_invalid',
      details: { row: 2, field: 'point', rule: 'required' },
    });
    const sev = await w.as.serviceHead.post(`${w.base}/checklists`, {
      title: 'X',
      purpose: 'inspection',
      questions: [q('a', '1', 'fatal')],
    });
    expect(sev.json().error.details).toMatchObject({ row: 1, field: 'severity', rule: 'severity' });
    w.as.serviceHead.lang = 'ru';
    const ru = await w.as.serviceHead.post(`${w.base}/checklists`, {
      title: 'X',
      purpose: 'inspection',
      questions: [q('a', '1', 'major', 'k'), q('b', '2', 'minor', 'k')],
    });
    w.as.serviceHead.lang = 'en';
    expect(ru.json().error.message).toBe('Вопрос 2, поле «Код вопроса»: этот код уже есть у другого вопроса.');
    expect((await w.as.head.get(`${w.base}/checklists`)).json().items).toHaveLength(0);

    const ok = await w.as.serviceHead.post(`${w.base}/checklists`, {
      title: 'Шахта желдетуі',
      purpose: 'inspection',
      questions: [q('Желдету жұмыс істей ме?', '12', 'critical'), q('Метан датчиктері тексерілген бе?', '14', 'major', 'methane')],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ version: 1, status: 'draft' });
    expect(ok.json().questions[0].id).toMatch(/^q-/);
    expect(ok.json().questions[1].id).toBe('methane');
    checklistId = ok.json().checklistId;
  });

  it('R315-11 a draft is edited; publishing freezes it; editing a published version is refused, a new draft is version + 1', async () => {
    const url = `${w.base}/checklists/${checklistId}/versions`;
    const draft = (await w.as.serviceHead.get(`${url}/1`)).json();
    const edited = await w.as.serviceHead.request('PUT', `${url}/1`, {
      questions: [...draft.questions, q('Өрт сөндіргіштер бар ма?', '20', 'minor')],
    });
    expect(edited.json().questions).toHaveLength(3);
    expect(await latestPublishedVersion(ctx.deps.db, w.org, checklistId)).toBeUndefined();
    const pub = await w.as.serviceHead.post(`${url}/1/publish`);
    expect(pub.json()).toMatchObject({ status: 'published', publishedBy: w.ids.serviceHead });
    expect((await latestPublishedVersion(ctx.deps.db, w.org, checklistId))?.version).toBe(1);

    const refused = await w.as.serviceHead.request('PUT', `${url}/1`, { questions: [q('Басқа', '1')] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'pc.checklist_version_published', details: { version: 1, next: 2 } });
    expect((await w.as.serviceHead.post(`${url}/1/publish`)).json().error.code).toBe('pc.checklist_version_published');

    const v2 = await w.as.serviceHead.post(url);
    expect(v2.json()).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.json().questions.map((x: { id: string }) => x.id)).toEqual(
      draft.questions.map((x: { id: string }) => x.id).concat(edited.json().questions[2].id),
    );
    expect((await w.as.serviceHead.post(url)).json().error).toMatchObject({ code: 'pc.checklist_draft_exists', details: { version: 2 } });
    await w.as.serviceHead.request('PUT', `${url}/2`, { questions: [q('Тек бір мәселе', '3', 'critical', 'methane')] });
    const v1 = (await w.as.auditor.get(`${url}/1`)).json();
    expect(v1.questions).toHaveLength(3);
    expect((await latestPublishedVersion(ctx.deps.db, w.org, checklistId))?.version).toBe(1);
    const one = (await w.as.unitHead.get(`${w.base}/checklists/${checklistId}`)).json();
    expect(one.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect(one.publishedVersion).toBe(1);
  });

  it('R315-11 the database itself refuses to change or delete a published version', async () => {
    await expect(
      ctx.sql(`UPDATE pc_checklist_versions SET questions = '[]'::jsonb WHERE checklist_id = $1 AND version = 1`, [checklistId]),
    ).rejects.toThrow(/published checklist version never changes/);
    await expect(ctx.sql(`DELETE FROM pc_checklist_versions WHERE checklist_id = $1 AND version = 1`, [checklistId])).rejects.toThrow(
      /published checklist version never changes/,
    );
    const { rows } = await ctx.sql(
      `SELECT jsonb_array_length(questions) AS n FROM pc_checklist_versions WHERE checklist_id = $1 AND version = 1`,
      [checklistId],
    );
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('R315-11 a comprehensive programme is approved (published) only by the first head', async () => {
    const p = await w.as.serviceHead.post(`${w.base}/checklists`, {
      title: '2026 жылғы кешенді тексеру бағдарламасы',
      purpose: 'comprehensive_programme',
      questions: [q('Өндірістік бақылау туралы ереже бекітілген бе?', '3')],
    });
    const url = `${w.base}/checklists/${p.json().checklistId}/versions/1/publish`;
    const refused = await w.as.serviceHead.post(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('pc.programme_needs_first_head');
    expect((await w.as.head.get(`${w.base}/checklists/${p.json().checklistId}/versions/1`)).json().status).toBe('draft');
    const ok = await w.as.head.post(url);
    expect(ok.json()).toMatchObject({ status: 'published', publishedBy: w.ids.head });
    const ledger = (await w.as.head.get(`/api/v1/organisations/${w.org}/ledger?action=pc.programme_approved`)).json();
    expect(ledger).toHaveLength(1);
  });

  it('R315-11 export as JSON and XLSX, and import back through the same checks', async () => {
    const url = `${w.base}/checklists/${checklistId}/versions/1/export`;
    const json = await w.as.auditor.get(`${url}?format=json`);
    expect(json.headers['content-type']).toMatch(/application\/json/);
    const doc = json.json();
    expect(doc).toMatchObject({ format: 'baqylau.checklist', title: 'Шахта желдетуі', version: 1, status: 'published' });
    const xlsx = await w.as.auditor.get(`${url}?format=xlsx`);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect((wb.getWorksheet('questions')!.getRow(1).values as unknown[]).slice(1)).toEqual(['id', 'text', 'act', 'point', 'severity']);
    expect(wb.getWorksheet('questions')!.rowCount).toBe(4);
    expect((await w.as.auditor.get(`${url}?format=pdf`)).statusCode).toBe(400);

    const fromJson = await w.as.serviceHead.request('POST', `${w.base}/checklists/import?title=${encodeURIComponent('Көшірме')}`, doc, {
      'content-type': 'application/json',
    });
    expect(fromJson.statusCode).toBe(201);
    expect(fromJson.json()).toMatchObject({ title: 'Көшірме', version: 1, status: 'draft' });
    expect(fromJson.json().questions).toEqual(doc.questions);

    // A bad row in the sheet: the error names the row and field, nothing is stored.
    wb.getWorksheet('questions')!.getRow(3).getCell(5).value = 'severe';
    const badBytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await w.as.head.get(`${w.base}/checklists`)).json().items.length;
    const bad = await w.as.serviceHead.request('POST', `${w.base}/checklists/import`, badBytes, { 'content-type': XLSX });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'pc.checklist_question_invalid', details: { row: 2, field: 'severity' } });
    expect((await w.as.head.get(`${w.base}/checklists`)).json().items.length).toBe(before);

    wb.getWorksheet('questions')!.getRow(3).getCell(5).value = 'minor';
    const good = await w.as.serviceHead.request('POST', `${w.base}/checklists/import`, Buffer.from(await wb.xlsx.writeBuffer()), {
      'content-type': XLSX,
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().title).toBe('Шахта желдетуі');
    expect(good.json().questions[1].severity).toBe('minor');

    // Into an existing checklist: its draft takes the rows (a new draft version when the latest is published).
    const into = await w.as.serviceHead.request('POST', `${w.base}/checklists/import?into=${good.json().checklistId}`, doc, {
      'content-type': 'application/json',
    });
    expect(into.json()).toMatchObject({ version: 1, status: 'draft' });
    const garbage = await w.as.serviceHead.request('POST', `${w.base}/checklists/import`, Buffer.from('not a workbook'), {
      'content-type': XLSX,
    });
    expect(garbage.json().error.code).toBe('pc.checklist_import_unreadable');
  });

  it('R315-11 unit heads, performers and auditors do not edit checklists; another organisation sees none', async () => {
    for (const c of [w.as.unitHead, w.as.performer, w.as.auditor, w.as.official])
      expect((await c.post(`${w.base}/checklists`, { title: 'X', purpose: 'inspection', questions: [] })).statusCode).toBe(403);
    expect((await w.as.foreignHead.get(`${w.base}/checklists/${checklistId}/versions/1`)).statusCode).toBe(403);
    expect((await w.as.foreignHead.get(`${w.foreignBase}/checklists/${checklistId}/versions/1`)).statusCode).toBe(404);
  });
});
