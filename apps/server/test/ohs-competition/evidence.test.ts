import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { pdf, seedUnion } from './competition-world.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedUnion>>;
let yearId: string;
let dina: string;
let oraz: string;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedUnion(ctx);
  yearId = await w.openYear(2025);
  dina = await w.completeDraft(w.coordinator1, yearId, w.members.karaganda, 'Ахметова Дина', 'general_secondary', {
    m1: { count: 3 },
    m2: { count: 12 },
    m6: { count: 1 },
  });
  oraz = await w.completeDraft(w.coordinator2, yearId, w.members.astana, 'Оразов Бекзат', 'science', { m4: { count: 1 } });
});
afterAll(() => ctx.close());

const flagsOf = async (id: string) =>
  ((await w.secretary.get(`${w.base}/applications/${id}`)).json().flags as { flag: string; indicatorId: string }[]).map(
    (f) => `${f.flag} ${f.indicatorId}`,
  );

describe('RC-18 every indicator is backed by dated documents; what does not fit is flagged to the commission', () => {
  it('RC-18 evidence names its indicator and the event date; an attachment of point 16 names no indicator', async () => {
    const noIndicator = await w.upload(w.coordinator1, dina, { kind: 'evidence', title: 'Акт', eventDate: '2025-03-01' }, pdf('a'));
    expect(noIndicator.json().error.code).toBe('competition.evidence_indicator_required');
    const noDate = await w.upload(w.coordinator1, dina, { kind: 'evidence', title: 'Акт', indicatorId: 'm1' }, pdf('a'));
    expect(noDate.json().error.code).toBe('competition.evidence_date_required');
    const future = await w.upload(
      w.coordinator1,
      dina,
      { kind: 'evidence', title: 'Акт', indicatorId: 'm1', eventDate: '2026-12-01' },
      pdf('a'),
    );
    expect(future.json().error.code).toBe('competition.date_in_future');
    const poster = await w.upload(w.coordinator1, dina, { kind: 'poster', title: 'Плакат', indicatorId: 'm1' }, pdf('a'));
    expect(poster.json().error.code).toBe('competition.attachment_has_no_indicator');
    const notPdf = await w.upload(w.coordinator1, dina, { kind: 'poster', title: 'Плакат' }, Buffer.from('plain text, not a PDF at all'));
    expect(notPdf.json().error.code).toBe('competition.file_content_mismatch');
    const exe = await w.upload(w.coordinator1, dina, { kind: 'poster', title: 'Плакат' }, pdf('a'), 'application/x-msdownload');
    expect(exe.statusCode).toBe(415);
  });

  it('RC-18 a counted indicator without a document is flagged "unbacked"; backing it with a dated act clears the flag', async () => {
    expect(await flagsOf(dina)).toEqual(['unbacked m1', 'unbacked m2', 'unbacked m6']);
    const res = await w.upload(
      w.coordinator1,
      dina,
      { kind: 'evidence', title: 'Тексеру актілері', indicatorId: 'm1', eventDate: '2025-05-12', fileName: 'acts.pdf' },
      pdf('acts m1'),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'evidence', indicatorId: 'm1', eventDate: '2025-05-12', fileName: 'acts.pdf' });
    expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await flagsOf(dina)).toEqual(['unbacked m2', 'unbacked m6']);
  });

  it('RC-18 an event outside the reporting year is flagged, not refused', async () => {
    await w.upload(
      w.coordinator1,
      dina,
      { kind: 'evidence', title: 'Ұсыныстар', indicatorId: 'm2', eventDate: '2024-12-28' },
      pdf('m2 2024'),
    );
    expect(await flagsOf(dina)).toContain('outside_year m2');
  });

  it('RC-18 the same document (same hash) for two indicators or two candidates is flagged on each', async () => {
    const shared = pdf('one protocol for everything');
    await w.upload(w.coordinator1, dina, { kind: 'evidence', title: 'Хаттама', indicatorId: 'm6', eventDate: '2025-06-01' }, shared);
    expect(await flagsOf(dina)).not.toContain('same_document m6');
    const second = await w.upload(
      w.coordinator2,
      oraz,
      { kind: 'evidence', title: 'Хаттама', indicatorId: 'm4', eventDate: '2025-06-01' },
      shared,
    );
    expect(second.statusCode).toBe(201);
    expect(await flagsOf(dina)).toContain('same_document m6');
    expect(await flagsOf(oraz)).toContain('same_document m4');
    const detail = (await w.secretary.get(`${w.base}/applications/${oraz}`)).json();
    expect(detail.flags.find((f: { flag: string }) => f.flag === 'same_document').alsoIn).toEqual([
      { applicationId: dina, documentId: expect.any(String) },
    ]);
  });

  it('RC-18 a document taken off a draft stops counting (its flags go) but stays stored; downloads are in the ledger', async () => {
    const docs = (await w.coordinator2.get(`${w.base}/applications/${oraz}`)).json().documents as { id: string; indicatorId: string }[];
    const protocol = docs.find((d) => d.indicatorId === 'm4')!;
    const file = await w.judge1.get(`${w.base}/applications/${oraz}/documents/${protocol.id}`);
    expect(file.statusCode).toBe(404); // a draft is not the commission's to read
    const download = await w.secretary.get(`${w.base}/applications/${oraz}/documents/${protocol.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const off = await w.coordinator2.post(`${w.base}/applications/${oraz}/documents/${protocol.id}/detach`);
    expect(off.statusCode).toBe(200);
    expect(await flagsOf(dina)).not.toContain('same_document m6');
    expect(await flagsOf(oraz)).toEqual(['unbacked m4']);
    expect((await w.coordinator2.post(`${w.base}/applications/${oraz}/documents/${protocol.id}/detach`)).statusCode).toBe(404);
    const { rows } = await ctx.sql('SELECT count(*)::int AS n FROM competition_documents WHERE id = $1', [protocol.id]);
    expect(rows[0]!.n).toBe(1);
    const ledger = (await w.head.get(`/api/v1/organisations/${w.union}/ledger?action=competition.document_downloaded`)).json();
    expect(ledger).toHaveLength(1);
  });

  it('RC-16 point 16 attachments still missing are listed for the commission', async () => {
    const detail = (await w.secretary.get(`${w.base}/applications/${dina}`)).json();
    expect(detail.missingAttachments).toEqual([
      'best_practice_sheet',
      'video',
      'article',
      'inspector_certificate',
      'poster',
      'no_fatal_accident_certificate',
    ]);
  });
});
