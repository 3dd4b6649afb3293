import type { TFunction } from 'i18next';
import type { MonthlyReportFigures } from '@baqylau/contracts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { createPdf } from '../../platform/pdf/pdf.ts';
import { startOfDayInZone } from '../../platform/time.ts';
import { MARGIN, drawTable, ensureRoom, finish, heading, signatures, type Column } from '../instructions/pdf-table.ts';

export interface MonthlyReportModel {
  organisation: string;
  figures: MonthlyReportFigures;
  /** The month as words in the document's language. */
  period: string;
  /** "version 2, presented 2026-04-01", or the draft's mark when nothing was presented. */
  version: number | null;
  presentedOn: string | null;
  presentedBy: string;
  approvedOn: string | null;
  approvedBy: string | null;
}

/** A closed month is counted at its end, written as a reader writes it: "30.11.2026 24:00". */
function asOfText(f: MonthlyReportFigures) {
  const [y, m] = f.month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const end = startOfDayInZone(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10)); // the next month's first instant
  return new Date(f.asOf).getTime() >= end.getTime() ? `${formatDate(lastDay)} 24:00` : formatDateTime(new Date(f.asOf));
}

/**
 * R315-18: the report the production-control official presents to the head every month — the
 * month's results per facility and unit, and every instruction with its state. Landscape A4.
 */
export async function renderMonthlyReport(m: MonthlyReportModel, t: TFunction) {
  const f = m.figures;
  const title = t('common:pc.doc.monthly.title', { month: m.period });
  const doc = createPdf({ title, layout: 'landscape', bufferPages: true });
  doc.addPage();
  const status = m.approvedOn
    ? t('common:pc.doc.monthly.approved', { version: m.version, date: m.approvedOn, name: m.approvedBy })
    : m.version
      ? t('common:pc.doc.monthly.presented', { version: m.version, date: m.presentedOn })
      : t('common:pc.doc.monthly.draft');
  let y = heading(doc, t, m.organisation, title, t('common:pc.doc.monthly.subtitle'), m.presentedOn ?? formatDate(new Date(f.asOf)), [
    [t('common:pc.doc.monthly.status'), status],
    [t('common:pc.doc.monthly.asOf'), asOfText(f)],
  ]);
  const width = doc.page.width - 2 * MARGIN;
  const section = (text: string) => {
    y = ensureRoom(doc, y + 6, 40);
    doc.font('bold').fontSize(10).text(text, MARGIN, y, { width });
    y = doc.y + 4;
  };

  section(t('common:pc.doc.monthly.results'));
  const n = (x: number) => String(x);
  const resultCols: Column[] = [
    { title: t('common:pc.doc.monthly.col.place'), width: 150 },
    { title: t('common:pc.doc.monthly.col.planned'), width: 48 },
    { title: t('common:pc.doc.monthly.col.scheduled'), width: 48 },
    { title: t('common:pc.doc.monthly.col.extraordinary'), width: 56 },
    { title: t('common:pc.doc.monthly.col.comprehensive'), width: 52 },
    { title: t('common:pc.doc.monthly.col.violations'), width: 52 },
    { title: t('common:pc.doc.monthly.col.dangerous'), width: 52 },
    { title: t('common:pc.doc.monthly.col.issued'), width: 52 },
    { title: t('common:pc.doc.monthly.state.on_time'), width: 48 },
    { title: t('common:pc.doc.monthly.state.overdue'), width: 48 },
    { title: t('common:pc.doc.monthly.state.closed'), width: 48 },
    { title: t('common:pc.doc.monthly.state.cancelled'), width: 48 },
    { title: t('common:pc.doc.monthly.col.overdueMeasures'), width: width - 702 },
  ];
  const row = (place: string, l: MonthlyReportFigures['totals']) => [
    place,
    n(l.planned),
    n(l.inspected.scheduled),
    n(l.inspected.extraordinary),
    n(l.inspected.comprehensive),
    n(l.violationsFound),
    n(l.dangerousFound),
    n(l.instructionsIssued),
    n(l.instructions.on_time),
    n(l.instructions.overdue),
    n(l.instructions.closed),
    n(l.instructions.cancelled),
    n(l.overdueMeasures),
  ];
  y = drawTable(
    doc,
    resultCols,
    [
      ...f.lines.map((l) => row(l.unit ? `${l.facility} — ${l.unit}` : `${l.facility} (${t('common:pc.doc.monthly.wholeFacility')})`, l)),
      row(t('common:pc.doc.monthly.total'), f.totals),
    ],
    y,
  );
  doc.font('regular').fontSize(9);
  y = ensureRoom(doc, y + 6, 20);
  doc.text(
    t('common:pc.doc.monthly.overdueByAge', {
      under30: f.overdueByAge.under_30,
      from30to60: f.overdueByAge.from_30_to_60,
      over60: f.overdueByAge.over_60,
    }),
    MARGIN,
    y,
    { width },
  );
  y = doc.y + 4;

  section(t('common:pc.doc.monthly.instructions', { n: f.instructions.length }));
  if (f.instructions.length)
    y = drawTable(
      doc,
      [
        { title: t('common:pc.doc.monthly.col.number'), width: 80 },
        { title: t('common:pc.doc.monthly.col.issuedOn'), width: 62 },
        { title: t('common:pc.doc.monthly.col.place'), width: 250 },
        { title: t('common:pc.doc.monthly.col.state'), width: 90 },
        { title: t('common:pc.doc.monthly.col.measures'), width: 62 },
        { title: t('common:pc.doc.monthly.col.overdueMeasures'), width: 70 },
        { title: t('common:pc.doc.monthly.col.outcome'), width: width - 614 },
      ],
      f.instructions.map((i) => [
        i.number,
        formatDate(i.issuedOn),
        i.unit ? `${i.facility} — ${i.unit}` : i.facility,
        t(`common:pc.doc.monthly.state.${i.state}`),
        n(i.measures),
        n(i.overdueMeasures),
        i.closedOn
          ? t('common:pc.doc.monthly.closedOn', { date: formatDate(i.closedOn) })
          : i.cancelOrder
            ? t('common:pc.doc.monthly.cancelledBy', { order: i.cancelOrder })
            : '',
      ]),
      y,
    );
  signatures(doc, y + 10, [
    [t('common:pc.doc.monthly.presentedBy'), m.presentedBy],
    [t('common:pc.doc.monthly.approvedBy'), m.approvedBy ?? ''],
  ]);
  return finish(doc, t);
}
