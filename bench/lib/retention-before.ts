/**
 * The "before" of the retention bench: the figures committed by its previous run (09793e4), taken
 * with the schema and server code as they were before "Retention sweep per the bench" (aa023f7):
 * index recordings_due (retain_until, organisation_id), reviewRetention counting every subdivision
 * with its own countDueRecordings and listing upcoming deletions (≤ 2,000 rows) to count them.
 * Read from git, so the comparison stays the same however often the bench is re-run.
 */
import { execFileSync } from 'node:child_process';
import { fmt, mdTable, round } from './common.ts';
import { meanOf, mib, ms, type RetentionReport } from './retention-report.ts';

export const BEFORE_COMMIT = '09793e4';
const FILE = 'bench/results/retention.json';

interface OldFigure {
  medianMs: number;
}
interface OldVariant {
  name: string;
  index: string;
  indexBytes: number;
  countLargest: OldFigure;
  listLargest: OldFigure;
  sweepCount: OldFigure;
  groupedSweep: OldFigure;
  reviewRetention: OldFigure;
  seqScan: OldFigure;
}
interface OldReport {
  date: string;
  rows: number;
  code: { commit: string };
  machine: { loadAverage: { start: number; end: number } };
  reference: { pgbench: { runs: { tps: number; label: string }[] } };
  upcoming: { reportedUpcoming: number | null; actualUpcoming: number };
  variants: OldVariant[];
}

export interface BeforePass {
  name: string;
  index: string;
  indexBytes: number;
  countLargestMs: number;
  listLargestMs: number;
  /** countDueRecordings for every subdivision, one after the other: what reviewRetention counted then. */
  perOrgSweepMs: number;
  /** The bench's prototype of one grouped count (what countRetentionByOrganisation now is). */
  groupedPrototypeMs: number;
  reviewRetentionMs: number;
  seqScanMs: number;
}

export interface Before {
  source: string;
  date: string;
  rows: number;
  measuredAt: string;
  loadAverage: { start: number; end: number };
  pgbenchTps: { label: string; tps: number }[];
  upcoming: { reportedUpcoming: number | null; actualUpcoming: number };
  /** The migrated index then (first pass, and measured again last) and the index that migration 0014 adopted. */
  passes: BeforePass[];
}

/** The committed figures of the previous run, or undefined when git or the file is not there. */
export function readBefore(repo: string): Before | undefined {
  let r: OldReport;
  try {
    r = JSON.parse(execFileSync('git', ['show', `${BEFORE_COMMIT}:${FILE}`], { cwd: repo, encoding: 'utf8' })) as OldReport;
  } catch {
    return undefined;
  }
  const keep = ['as migrated', 'as migrated, again', 'org first + id as 3rd key'];
  return {
    source: `git show ${BEFORE_COMMIT}:${FILE}`,
    date: r.date,
    rows: r.rows,
    measuredAt: r.code.commit,
    loadAverage: r.machine.loadAverage,
    pgbenchTps: r.reference.pgbench.runs.map((p) => ({ label: p.label, tps: Math.round(p.tps) })),
    upcoming: r.upcoming,
    passes: r.variants
      .filter((v) => keep.includes(v.name))
      .map((v) => ({
        name: v.name,
        index: v.index,
        indexBytes: v.indexBytes,
        countLargestMs: v.countLargest.medianMs,
        listLargestMs: v.listLargest.medianMs,
        perOrgSweepMs: v.sweepCount.medianMs,
        groupedPrototypeMs: v.groupedSweep.medianMs,
        reviewRetentionMs: v.reviewRetention.medianMs,
        seqScanMs: v.seqScan.medianMs,
      })),
  };
}

/** Before (the previous run's committed figures: old index, old job) against this run. */
export function beforeAfter(r: RetentionReport): string[] {
  const b = r.before;
  const out = ['## Before / after', ''];
  if (!b) return [...out, "The previous run's figures could not be read from git."];
  const [first, again, adopted] = ['as migrated', 'as migrated, again', 'org first + id as 3rd key'].map((n) =>
    b.passes.find((p) => p.name === n),
  );
  const now = r.variants[0]!;
  const oldIndexNow = r.variants.find((x) => x.name.startsWith('old index'));
  const pair = (f: (p: NonNullable<typeof first>) => number) => [first, again].map((p) => (p ? ms(f(p)) : '—')).join(' / ');
  const tps = (runs: { tps: number }[]) => runs.map((p) => fmt(p.tps)).join(' / ');
  out.push(
    `Before: the committed run of ${b.date.slice(0, 16).replace('T', ' ')} UTC (measured at ${b.measuredAt}, read with \`${b.source}\`), ` +
      `${fmt(b.rows)} recordings, with the index \`recordings_due (retain_until, organisation_id)\` and the job as it was then: ` +
      `countDueRecordings for each subdivision in turn, then listUpcomingDeletions for each (≤ 2,000 rows) to count the upcoming ones. ` +
      `That run measured the migrated index first and again at its end; both figures are shown ("first / last"), because the load moved ` +
      `them${first && again ? ` ${round(Math.max(first.perOrgSweepMs, again.perOrgSweepMs) / Math.min(first.perOrgSweepMs, again.perOrgSweepMs), 1)}× apart` : ''}. After: this run, ${fmt(r.rows)} recordings, migration 0014's index and countRetentionByOrganisation.` +
      (b.rows !== r.rows ? ` **The row counts differ (quick run): compare with care.**` : ''),
    '',
  );
  const rows: string[][] = [
    [
      'daily sweep: counting every subdivision',
      pair((p) => p.perOrgSweepMs),
      adopted ? ms(adopted.groupedPrototypeMs) : '—',
      `**${ms(now.sweep.medianMs)}**`,
    ],
    [
      'reviewRetention, the whole daily job',
      pair((p) => p.reviewRetentionMs),
      adopted ? ms(adopted.reviewRetentionMs) : '—',
      ms(now.reviewRetention.medianMs),
    ],
    [
      'countDueRecordings, largest subdivision',
      pair((p) => p.countLargestMs),
      adopted ? ms(adopted.countLargestMs) : '—',
      ms(now.countLargest.medianMs),
    ],
    [
      'listDueRecordings, largest, first page',
      pair((p) => p.listLargestMs),
      adopted ? ms(adopted.listLargestMs) : '—',
      ms(now.listLargest.medianMs),
    ],
    [
      `countDueRecordings × ${r.data.orgs.length}, one after the other`,
      pair((p) => p.perOrgSweepMs),
      adopted ? ms(adopted.perOrgSweepMs) : '—',
      ms(now.perOrgSweep.medianMs),
    ],
    ['reference: seq scan of recordings', pair((p) => p.seqScanMs), adopted ? ms(adopted.seqScanMs) : '—', ms(now.seqScan.medianMs)],
    ['reference: pgbench -S -c 1, tps (before / after the figures)', tps(b.pgbenchTps), '', tps(r.reference.pgbench.runs)],
    [
      '1-minute load average, start / end (2 cores)',
      `${b.loadAverage.start} / ${b.loadAverage.end}`,
      '',
      `${r.machine.loadAverage.start} / ${r.machine.loadAverage.end}`,
    ],
    [
      '"upcoming" in the largest subdivision\'s notification / really upcoming',
      `${b.upcoming.reportedUpcoming === null ? '—' : fmt(b.upcoming.reportedUpcoming)} / ${fmt(b.upcoming.actualUpcoming)} (capped by the 2,000-row list)`,
      '',
      `${r.upcoming.reportedUpcoming === null ? '—' : fmt(r.upcoming.reportedUpcoming)} / ${fmt(r.upcoming.actualUpcoming)}`,
    ],
  ];
  out.push(
    mdTable(
      [
        'figure',
        'before: old index, old job (first / last pass)',
        'before run, index (organisation_id, retain_until, id) tested (sweep: grouped prototype)',
        'after: this run',
      ],
      rows,
    ),
    '',
  );
  const beforeSweep = meanOf([first, again].filter(Boolean).map((p) => p!.perOrgSweepMs));
  const beforeReview = meanOf([first, again].filter(Boolean).map((p) => p!.reviewRetentionMs));
  out.push(
    `The daily sweep went from ${pair((p) => p.perOrgSweepMs)} to ${ms(now.sweep.medianMs)} ` +
      `(~${round(beforeSweep / now.sweep.medianMs, 1)}× on the mean of the two before-passes), the whole job from ${pair((p) => p.reviewRetentionMs)} ` +
      `to ${ms(now.reviewRetention.medianMs)} (~${round(beforeReview / now.reviewRetention.medianMs, 1)}×). ` +
      (oldIndexNow
        ? `In this run, at the same load, today's job on the old index takes ${ms(oldIndexNow.sweep.medianMs)} for the sweep and ` +
          `${ms(oldIndexNow.reviewRetention.medianMs)} for the whole job: that part of the gain is the index's, the rest the grouped statement's.`
        : ''),
  );
  if (adopted)
    out.push(
      '',
      `The previous run's prototype of the grouped count took ${ms(adopted.groupedPrototypeMs)}. It counted the due recordings only ` +
        `(the server's statement also counts the ${fmt(now.sweep.upcoming)} upcoming ones), and it ran on the index built by CREATE ` +
        `INDEX on the loaded table (${mib(adopted.indexBytes)}). Here the index is as the inserts grew it (${mib(now.indexBytes)}).`,
    );
  return out;
}
