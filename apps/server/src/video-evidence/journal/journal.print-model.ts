import type { Locale } from '@baqylau/contracts';
import type { TFunction } from 'i18next';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateTime, surnameWithInitials } from '../../platform/format.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { breakageNotesFor, findJournal, listEntries, type JournalEntryRow } from './journal.repository.ts';

export interface PrintRow {
  number: string;
  inventory: string;
  user: string;
  issue: string;
  return: string;
  note: string;
  struck: boolean;
}

export interface JournalPrintModel {
  lang: Locale;
  t: TFunction;
  title: string;
  subdivision: string;
  started: string;
  ended: string;
  registered: string;
  sheetCount: number | null;
  rows: PrintRow[];
}

/** Cover parts of a date as the official form writes them: «05» қаңтар 2026 / «05» января 2026. */
function coverDate(t: TFunction, key: string, lang: Locale, iso: string) {
  const d = new Date(`${iso}T12:00:00Z`);
  const month = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' })
    .formatToParts(d)
    .find((p) => p.type === 'month')!.value;
  return t(key, { day: iso.slice(8, 10), month, year: iso.slice(0, 4) });
}

/**
 * The journal as the rows and cover of Appendix 1, in one language. Shared by
 * the PDF and the XLSX export so both print the same words.
 */
export async function buildJournalPrintModel(
  deps: AppDeps,
  organisationId: string,
  journalId: string,
  lang: Locale,
): Promise<JournalPrintModel> {
  const journal = await findJournal(deps.db, organisationId, journalId);
  const org = await findOrganisation(deps.db, organisationId);
  if (!journal || !org) throw new AppError('journal.not_found');
  const t = deps.translator.forLocale(lang);
  const zone = org.timeZone;
  const entries = await listEntries(deps.db, organisationId, journalId);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const breakages = new Map<string, string[]>();
  for (const b of await breakageNotesFor(deps.db, organisationId)) {
    const list = breakages.get(b.journalEntryId!) ?? breakages.set(b.journalEntryId!, []).get(b.journalEntryId!)!;
    list.push(t('common:pdf.journal.breakage', { date: formatDateTime(b.reportedAt, zone), description: b.description }));
  }
  // R444-8/R444-9: a signature is printed where and when it was given, never as if given again.
  const issueSignature = (e: JournalEntryRow) => {
    const name = surnameWithInitials(e.inspectorName);
    if (!e.inspectorSignedAt) return t('common:pdf.journal.signaturePending');
    const from = e.signatureCarriedFrom ? byId.get(e.signatureCarriedFrom) : undefined;
    if (from) return t('common:pdf.journal.signatureCarried', { name, number: from.number });
    if (e.correctsEntryId) return t('common:pdf.journal.signedCorrection', { name, date: formatDateTime(e.inspectorSignedAt, zone) });
    return t('common:pdf.journal.signedBy', { name });
  };
  // A return copied from the struck entry was signed there (or is covered by the correction's own signature).
  const returnSignature = (e: JournalEntryRow) => {
    const corrected = e.correctsEntryId ? byId.get(e.correctsEntryId) : undefined;
    const copied = corrected?.returnedAt && corrected.returnedAt.getTime() === e.returnedAt?.getTime();
    return copied ? issueSignature(e) : t('common:pdf.journal.signedBy', { name: surnameWithInitials(e.inspectorName) });
  };
  const row = (e: JournalEntryRow): PrintRow => {
    const issue = [
      formatDateTime(e.issuedAt, zone),
      issueSignature(e),
      t('common:pdf.journal.issuedBy', { name: surnameWithInitials(e.issuedByName) }),
    ].join('\n');
    const ret = e.returnedAt
      ? [
          formatDateTime(e.returnedAt, zone),
          returnSignature(e),
          t('common:pdf.journal.receivedBy', { name: surnameWithInitials(e.returnReceivedByName ?? '') }),
        ].join('\n')
      : '';
    const notes = [
      [
        t('common:pdf.journal.battery', { battery: e.batteryPercent }),
        t('common:pdf.journal.clock', { offset: e.clockOffsetSeconds }),
      ].join('; '),
      e.note,
      e.returnCondition === 'damaged' ? t('common:pdf.journal.damaged') : '',
      e.returnNote ?? '',
      ...(breakages.get(e.id) ?? []),
    ];
    const corrected = e.correctsEntryId ? byId.get(e.correctsEntryId) : undefined;
    if (corrected)
      notes.push(
        t('common:pdf.journal.correctionNote', {
          number: corrected.number,
          reason: corrected.strikeReason,
          name: surnameWithInitials(corrected.struckByName ?? ''),
        }),
      );
    if (e.struckAt) {
      notes.unshift(
        t('common:pdf.journal.struckNote', {
          marker: t('common:pdf.journal.struckMarker'),
          reason: e.strikeReason,
          name: surnameWithInitials(e.struckByName ?? ''),
          date: formatDateTime(e.struckAt, zone),
        }),
      );
    }
    return {
      number: `${e.number}.`,
      inventory: e.inventoryNumber,
      user: e.inspectorName,
      issue,
      return: ret,
      note: notes.filter(Boolean).join('\n'),
      struck: e.struckAt !== null,
    };
  };
  return {
    lang,
    t,
    title: t('common:pdf.journal.title'),
    subdivision: lang === 'ru' ? org.nameRu : org.nameKk,
    started: coverDate(t, 'common:pdf.journal.started', lang, journal.startedOn),
    ended: journal.endedOn ? coverDate(t, 'common:pdf.journal.ended', lang, journal.endedOn) : t('common:pdf.journal.endedBlank'),
    registered: t('common:pdf.journal.registered', { number: journal.registrationNumber, date: formatDate(journal.registrationDate) }),
    sheetCount: journal.sheetCount,
    rows: entries.map(row),
  };
}
