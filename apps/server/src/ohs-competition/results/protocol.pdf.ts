import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { createPdf, pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';
import type { IndicatorRule } from '../regulation/points-table.ts';
import type { Results } from './buildResults.ts';

const MARGIN = 40;
type Col = { width: number; align?: 'left' | 'right' | 'center' };

/** One table row at `y`, wrapped cells, a new page (with the header again) when it would cross the margin. */
function row(doc: Pdf, cols: Col[], cells: string[], y: number, header?: string[], bold = false): number {
  doc.font(bold ? 'condensedBold' : 'condensed').fontSize(8);
  const h = Math.max(...cols.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - 4 }))) + 6;
  if (y + h > doc.page.height - MARGIN) {
    doc.addPage();
    y = header ? row(doc, cols, header, MARGIN, undefined, true) : MARGIN;
    doc.font(bold ? 'condensedBold' : 'condensed').fontSize(8);
  }
  let x = MARGIN;
  cols.forEach((c, i) => {
    doc.text(cells[i] ?? '', x + 2, y + 3, { width: c.width - 4, align: c.align ?? 'left' });
    x += c.width;
  });
  doc
    .save()
    .strokeColor('#bbb')
    .moveTo(MARGIN, y + h)
    .lineTo(x, y + h)
    .stroke()
    .restore();
  return y + h;
}

/** A paragraph at the current position, on a new page when it would not fit. */
function para(doc: Pdf, text: string, o: { bold?: boolean; size?: number; gap?: number; align?: 'center' | 'left' } = {}) {
  const width = doc.page.width - 2 * MARGIN;
  doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 9);
  if (doc.y + doc.heightOfString(text, { width }) > doc.page.height - MARGIN) doc.addPage();
  doc.text(text, MARGIN, doc.y + (o.gap ?? 2), { width, align: o.align ?? 'left' });
}

const ruleText = (t: TFunction, r: IndicatorRule) =>
  t(`common:competition.rule.${r.kind}`, {
    points: r.points,
    size: r.kind === 'per_group' ? r.size : undefined,
    bonus: r.kind === 'per_participation' ? r.positiveBonus : undefined,
  });
const place = (t: TFunction, p: number | null) => (p ? t(`common:competition.place.${p}`) : '');
const orgName = (lang: string, o: { nameKk: string; nameRu: string }) => (lang === 'ru' ? o.nameRu : o.nameKk);

/**
 * RC-19, RC-22: the commission's protocol in kk or ru — the commission, each group's ranking with
 * places, ties and the decisions on them, the excluded candidates with the point, every candidate's
 * score sheet by the accepted counts, and each member's signature of this protocol's SHA-256.
 */
export async function renderProtocol(r: Results, t: TFunction, lang: string, unionName: string, zone: string): Promise<Buffer> {
  const p = r.protocol;
  const doc = createPdf({ title: t('common:competition.pdf.title') });
  doc.addPage();
  doc.y = MARGIN;
  para(doc, t('common:competition.pdf.title'), { bold: true, size: 12, align: 'center' });
  para(doc, unionName, { align: 'center', gap: 4 });
  para(doc, t('common:competition.pdf.year', { year: p.reportingYear }), { align: 'center', gap: 2 });
  para(doc, t(`common:competition.rules.${p.rules.id}`), { size: 8, gap: 8 });
  if (!r.publishedAt) para(doc, t('common:competition.pdf.draft'), { bold: true, gap: 4 });
  else para(doc, t('common:competition.pdf.published', { at: formatDateTime(new Date(r.publishedAt), zone) }), { gap: 4 });
  if (r.late) para(doc, t('common:competition.pdf.late', { due: formatDate(p.resultsDue.dueOn) }), { bold: true });
  para(doc, t('common:competition.pdf.readings'), { gap: 6 });
  for (const [k, v] of Object.entries(p.rules.readings)) para(doc, `— ${t(`common:competition.reading.${k}.${v}`)}`, { size: 8 });
  if (p.commission) {
    para(doc, t('common:competition.pdf.commission', { formedBy: p.commission.formedBy }), { gap: 6 });
    for (const m of p.commission.members)
      para(
        doc,
        `— ${m.fullName}${m.chair ? `, ${t('common:competition.pdf.chair')}` : ''}${m.memberOrganisation ? ` (${orgName(lang, m.memberOrganisation)})` : ''}`,
        {
          size: 8,
        },
      );
  } else para(doc, t('common:competition.pdf.noCommission'), { gap: 6 });

  const rankCols: Col[] = [{ width: 30, align: 'center' }, { width: 60 }, { width: 160 }, { width: 215 }, { width: 50, align: 'right' }];
  const rankHeader = ['position', 'place', 'candidate', 'memberOrganisation', 'total'].map((c) => t(`common:competition.pdf.col.${c}`));
  const name = new Map(p.sheets.map((s) => [s.applicationId, s.candidate]));
  for (const g of p.groups) {
    para(doc, t(`common:competition.group.${g.group}`), { bold: true, size: 10, gap: 12 });
    if (!g.ranking.length && !g.excluded.length) para(doc, t('common:competition.pdf.none'));
    if (g.ranking.length) {
      let y = row(doc, rankCols, rankHeader, doc.y + 4, undefined, true);
      for (const e of g.ranking)
        y = row(
          doc,
          rankCols,
          [String(e.position), place(t, e.place), e.candidate, orgName(lang, e.memberOrganisation), String(e.total)],
          y,
          rankHeader,
        );
      doc.y = y + 2;
    }
    for (const tie of g.ties) {
      const candidates = (tie.decision?.order ?? tie.applicationIds).map((id) => name.get(id) ?? id).join(', ');
      para(
        doc,
        tie.decision
          ? t('common:competition.pdf.tieDecided', { total: tie.total, candidates, reason: tie.decision.reason })
          : t('common:competition.pdf.tieOpen', { total: tie.total, candidates }),
        { bold: !tie.decision },
      );
    }
    for (const x of g.excluded)
      para(
        doc,
        t('common:competition.pdf.excluded', {
          candidate: x.candidate,
          memberOrganisation: orgName(lang, x.memberOrganisation),
          point: x.point,
          date: x.fatalAccidentOn ? formatDate(x.fatalAccidentOn) : '',
        }),
      );
  }

  para(doc, t('common:competition.pdf.signatures'), { bold: true, gap: 12 });
  for (const m of p.commission?.members ?? []) {
    const s = r.signatures.find((x) => x.userId === m.userId);
    para(
      doc,
      s
        ? t('common:competition.pdf.signed', { name: m.fullName, at: formatDateTime(new Date(s.signedAt), zone) })
        : t('common:competition.pdf.unsigned', { name: m.fullName }),
    );
  }
  para(doc, t('common:competition.pdf.hash', { hash: r.protocolSha256 }), { size: 7, gap: 6 });

  const sheetCols: Col[] = [
    { width: 255 },
    { width: 110 },
    { width: 50, align: 'right' },
    { width: 50, align: 'right' },
    { width: 50, align: 'right' },
  ];
  const sheetHeader = ['indicator', 'rule', 'claimed', 'accepted', 'points'].map((c) => t(`common:competition.pdf.sheet.col.${c}`));
  for (const s of p.sheets) {
    doc.addPage();
    doc.y = MARGIN;
    para(doc, t('common:competition.pdf.sheet.title', { candidate: s.candidate }), { bold: true, size: 11 });
    para(doc, orgName(lang, s.memberOrganisation));
    if (s.receiptSha256) para(doc, t('common:competition.pdf.sheet.receipt', { hash: s.receiptSha256 }), { size: 7 });
    let y = row(doc, sheetCols, sheetHeader, doc.y + 6, undefined, true);
    for (const i of s.sheet.indicators) {
      const c = s.claimedCounts[i.id] ?? { count: 0 };
      const count = (n: number, positive: number) => (i.rule.kind === 'per_participation' ? `${n} / +${positive}` : String(n));
      const cells = [
        t(`common:competition.indicator.${i.id}`),
        ruleText(t, i.rule),
        count(c.count, c.positive ?? 0),
        count(i.count, i.positive),
        String(i.points),
      ];
      y = row(doc, sheetCols, cells, y, sheetHeader);
    }
    doc.y = y + 4;
    para(
      doc,
      t('common:competition.pdf.sheet.totals', {
        main: s.sheet.mainTotal,
        additional: s.sheet.additionalTotal,
        total: s.sheet.total,
        claimed: s.claimedTotal,
      }),
      { bold: true },
    );
    for (const x of s.reductions)
      para(
        doc,
        t('common:competition.pdf.sheet.reduction', {
          indicator: t(`common:competition.indicator.${x.indicatorId}`),
          member: x.member,
          claimed: x.claimed,
          accepted: x.accepted,
          reason: x.reason,
        }),
        { size: 8 },
      );
    if (s.recused.length) para(doc, t('common:competition.pdf.sheet.recused', { members: s.recused.join(', ') }), { size: 8 });
  }
  return pdfBuffer(doc);
}
