import type { TFunction } from 'i18next';
import type { AnalysisDirection, AnnualAnalysisFigures, IndicatorDefinition, IndicatorValue, Locale } from '@baqylau/contracts';
import { formatDate } from '../../platform/format.ts';
import { createPdf } from '../../platform/pdf/pdf.ts';
import { MARGIN, drawTable, ensureRoom, finish, heading, signatures, type Column } from '../instructions/pdf-table.ts';

export interface AnnualAnalysisModel {
  organisation: string;
  lang: Locale;
  figures: AnnualAnalysisFigures;
  directions: AnalysisDirection[];
  version: number | null;
  presentedOn: string | null;
  presentedBy: string;
  approvedOn: string | null;
  approvedBy: string | null;
}

const nameOf = (d: IndicatorDefinition, lang: Locale) => (lang === 'kk' ? d.nameKk : lang === 'ru' ? d.nameRu : d.nameEn);

/**
 * R315-20: the annual analysis of production control the service presents to the head — the
 * efficiency indicators per responsible official and for the organisation (value, target, met or
 * not), the inspection results per facility and unit, the directions for improvement. Landscape A4.
 */
export async function renderAnnualAnalysis(m: AnnualAnalysisModel, t: TFunction) {
  const f = m.figures;
  const title = t('common:pc.doc.analysis.title', { year: f.year });
  const doc = createPdf({ title, layout: 'landscape', bufferPages: true });
  doc.addPage();
  const status = m.approvedOn
    ? t('common:pc.doc.analysis.approved', { version: m.version, date: m.approvedOn, name: m.approvedBy })
    : m.version
      ? t('common:pc.doc.analysis.presented', { version: m.version, date: m.presentedOn })
      : t('common:pc.doc.analysis.draft');
  let y = heading(doc, t, m.organisation, title, t('common:pc.doc.analysis.subtitle'), m.presentedOn ?? formatDate(new Date(f.asOf)), [
    [t('common:pc.doc.analysis.status'), status],
  ]);
  const width = doc.page.width - 2 * MARGIN;
  const section = (text: string) => {
    y = ensureRoom(doc, y + 6, 40);
    doc.font('bold').fontSize(10).text(text, MARGIN, y, { width });
    y = doc.y + 4;
  };
  const shown = (v: IndicatorValue) => (v.value === null ? '—' : String(v.value));
  const met = (v: IndicatorValue) => (v.met === null ? '—' : t(`common:pc.doc.analysis.${v.met ? 'met' : 'notMet'}`));
  const target = (d: IndicatorDefinition) => `${t(`common:pc.doc.analysis.direction.${d.direction}`)} ${d.target}`;

  section(t('common:pc.doc.analysis.organisation'));
  const cols: Column[] = [
    { title: t('common:pc.doc.analysis.col.indicator'), width: 330 },
    { title: t('common:pc.doc.analysis.col.counts'), width: 110 },
    { title: t('common:pc.doc.analysis.col.value'), width: 80 },
    { title: t('common:pc.doc.analysis.col.target'), width: 110 },
    { title: t('common:pc.doc.analysis.col.met'), width: width - 630 },
  ];
  const rows = (values: IndicatorValue[]) =>
    f.definitions.map((d, i) => {
      const v = values[i]!;
      return [nameOf(d, m.lang), `${v.numerator} / ${v.denominator}`, shown(v), target(d), met(v)];
    });
  y = drawTable(doc, cols, rows(f.organisation), y);

  for (const o of f.officials) {
    section(t('common:pc.doc.analysis.official', { name: o.fullName }));
    y = drawTable(doc, cols, rows(o.indicators), y);
  }

  section(t('common:pc.doc.analysis.results'));
  y = drawTable(
    doc,
    [
      { title: t('common:pc.doc.monthly.col.place'), width: 250 },
      { title: t('common:pc.doc.monthly.col.planned'), width: 70 },
      { title: t('common:pc.doc.monthly.col.scheduled'), width: 70 },
      { title: t('common:pc.doc.monthly.col.extraordinary'), width: 80 },
      { title: t('common:pc.doc.monthly.col.comprehensive'), width: 80 },
      { title: t('common:pc.doc.monthly.col.violations'), width: 70 },
      { title: t('common:pc.doc.monthly.col.dangerous'), width: 70 },
      { title: t('common:pc.doc.monthly.col.issued'), width: width - 690 },
    ],
    f.places.map((l) => [
      l.unit ? `${l.facility} — ${l.unit}` : `${l.facility} (${t('common:pc.doc.monthly.wholeFacility')})`,
      String(l.planned),
      String(l.inspected.scheduled),
      String(l.inspected.extraordinary),
      String(l.inspected.comprehensive),
      String(l.violationsFound),
      String(l.dangerousFound),
      String(l.instructionsIssued),
    ]),
    y,
  );

  section(t('common:pc.doc.analysis.directions'));
  if (!m.directions.length) {
    doc.font('regular').fontSize(9).text('—', MARGIN, y, { width });
    y = doc.y + 4;
  }
  for (const [i, d] of m.directions.entries()) {
    y = ensureRoom(doc, y + 4, 30);
    doc
      .font('bold')
      .fontSize(9)
      .text(`${i + 1}. ${d.title}`, MARGIN, y, { width });
    doc
      .font('regular')
      .fontSize(9)
      .text(d.text, MARGIN, doc.y + 2, { width });
    y = doc.y + 4;
  }
  signatures(doc, y + 10, [
    [t('common:pc.doc.analysis.presentedBy'), m.presentedBy],
    [t('common:pc.doc.analysis.approvedBy'), m.approvedBy ?? ''],
  ]);
  return finish(doc, t);
}
