/** Result types and the Markdown report of bench/retention.bench.ts. */
import type { MachineInfo } from './common.ts';
import { fmt, mdTable, round } from './common.ts';
import type { PgbenchRun } from './pgbench.ts';
import type { busyCores, codeState } from './procs.ts';
import type { LoadedData } from './retention-data.ts';

export interface Figure {
  medianMs: number;
  allMs: number[];
}

export interface VariantResult {
  name: string;
  index: string;
  indexBytes: number;
  ddlMs: number;
  busyCores: ReturnType<typeof busyCores>;
  countLargest: Figure & { due: number };
  listLargest: Figure & { rows: number; checked: string };
  /** perOrgMs: the last round, organisation by organisation; server*: sums over EXPLAIN ANALYZE of each count. */
  sweepCount: Figure & { due: number; perOrgMs: number[]; serverPlanningMs: number; serverExecutionMs: number };
  /** listUpcomingDeletions(…, 30) for every organisation: reviewRetention's other query. */
  upcomingLists: Figure;
  /** Prototype, not server code: the same counts for every organisation in one grouped statement. */
  groupedSweep: Figure;
  reviewRetention: Figure & { notified: number };
  seqScan: Figure;
  explain: { countLargest: string; countSmallest: string; listLargest: string; groupedSweep: string };
  dueByOrg: number[];
}

export interface RetentionReport {
  benchmark: 'retention';
  date: string;
  quick: boolean;
  command: string;
  code: ReturnType<typeof codeState>;
  totalSeconds: number;
  machine: MachineInfo & { postgresqlSettings: Record<string, string> };
  notes?: string[];
  rows: number;
  rounds: number;
  loadSeconds: number;
  data: LoadedData;
  goal: { sweepMsAtMost: number; forRows: number };
  reference: { pgbench: { version: string; scale: number; runs: PgbenchRun[] }; seqScan: string };
  /** reviewRetention's "upcoming" in its notification for the largest org, and the number of recordings it stands for. */
  upcoming: { reportedUpcoming: number | null; actualUpcoming: number };
  variants: VariantResult[];
}

const ms = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
const mib = (b: number) => `${round(b / 2 ** 20, 1)} MiB`;
const pct = (a: number, b: number) => `${round((100 * a) / b, 1)} %`;

/** How a plan reaches recordings, and how many buffers (pages) its top node touched. */
function accessPath(plan: string) {
  const scan =
    /(Parallel Seq Scan|Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan)(?: using \S+)? on recordings/.exec(plan)?.[1] ?? '?';
  const buf = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan);
  return { scan, pages: buf ? Number(buf[1]) + Number(buf[2] ?? 0) : NaN, execMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]) };
}
const pathText = (plan: string) => {
  const a = accessPath(plan);
  return `${a.scan}, ${fmt(a.pages)} pages`;
};

export function retentionMarkdown(r: RetentionReport): string {
  const m = r.machine;
  const base = r.variants[0]!;
  const scale = r.goal.forRows / r.rows;
  const d = r.data.counts;
  const due = base.sweepCount.due;
  const largest = r.data.orgs[0]!;
  // Uncommitted server files that can change these figures (others' work elsewhere in the tree cannot).
  const relevant = r.code.uncommitted.filter((f) =>
    /^apps\/server\/(migrations\/|src\/(db|platform\/jobs|modules\/(retention|recordings|notifications))\/)/.test(f),
  );
  const out: string[] = [];
  out.push('# Retention sweep benchmark', '');
  out.push(
    `Run ${r.date} on ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgresql}.`,
    `PostgreSQL settings: ${Object.entries(m.postgresqlSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    `1-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end on ${m.nproc} cores` +
      (m.loadAverage.start > m.nproc
        ? ' — the machine was shared, so absolute figures are pessimistic; compare the ratios to the reference.'
        : '.'),
    '',
    `Command: \`${r.command}\` (${r.totalSeconds} s in all). Measured at ${r.code.commit} ("${r.code.subject}")` +
      (relevant.length ? `, with uncommitted changes in ${relevant.join(', ')}` : '') +
      `. Raw figures: \`bench/results/${r.quick ? 'quick/' : ''}retention.json\`. Every figure is the median of ${r.rounds} warm runs (after one warm-up).`,
    '',
  );
  for (const n of r.notes ?? []) out.push(`**Note:** ${n}`, '');

  out.push('## Data', '');
  out.push(
    `${fmt(r.rows)} recordings (loaded, indexed and VACUUM (ANALYZE)d in ${r.loadSeconds} s; table ${mib(d.recordingsTableBytes!)}, ` +
      `its indexes ${mib(d.recordingsIndexesBytes!)}) in ${r.data.orgs.length} subdivisions; the largest holds ${fmt(largest.recordings)} ` +
      `(${pct(largest.recordings, r.rows)}), the others ${fmt(r.data.orgs[1]!.recordings)} or so each. Capture times span the 4 years before ` +
      `the run, in capture order; ${fmt(d.journalEntries!)} journal entries, ${fmt(d.activities!)} activities. Expired: ${fmt(d.expired!)} ` +
      `(${pct(d.expired!, r.rows)}); tombstones (deleted_at set): ${fmt(d.tombstones!)} (${pct(d.tombstones!, r.rows)}); unattributed ` +
      `(no expiry): ${fmt(d.unattributed!)}; legal holds: ${fmt(d.holdsActive!)} active, ${fmt(d.holdsLifted!)} lifted. ` +
      `**Due now: ${fmt(due)} (${pct(due, r.rows)}), ${fmt(base.countLargest.due)} of them in the largest subdivision.**`,
    '',
  );

  out.push('## Goal', '');
  const sweep = base.sweepCount.medianMs;
  const extrapolated = sweep * scale;
  const goalRows = [
    [
      `whole daily sweep ≤ ${r.goal.sweepMsAtMost} ms for ${fmt(r.goal.forRows)} rows (countDueRecordings for every subdivision, as reviewRetention counts)`,
      r.rows === r.goal.forRows ? ms(sweep) : `${ms(sweep)} for ${fmt(r.rows)} → ~${ms(extrapolated)} extrapolated`,
      extrapolated <= r.goal.sweepMsAtMost ? 'yes' : '**no**',
    ],
    ...r.variants
      .slice(1)
      .map((v) => [
        v.name.startsWith('as migrated')
          ? 'the same, the migrated index measured once more at the end (load drift)'
          : `the same with index ${v.name} (tested in the bench database only)`,
        r.rows === r.goal.forRows ? ms(v.sweepCount.medianMs) : `~${ms(v.sweepCount.medianMs * scale)} extrapolated`,
        v.sweepCount.medianMs * scale <= r.goal.sweepMsAtMost ? 'yes' : '**no**',
      ]),
    [
      'countDueRecordings, largest subdivision, ≤ the goal',
      ms(base.countLargest.medianMs),
      base.countLargest.medianMs * scale <= r.goal.sweepMsAtMost ? 'yes' : '**no**',
    ],
  ];
  out.push(mdTable(['goal', 'measured', 'met'], goalRows, 'lrl'), '');
  out.push('10M rows extrapolate linearly (the due set, and so the work, grows with the table): ×10 on the 1M figures.', '');

  out.push('## Figures', '');
  const v = r.variants;
  const rows: (string | number)[][] = [
    ['index on recordings', ...v.map((x) => `\`${x.index}\``)],
    ['index size', ...v.map((x) => mib(x.indexBytes))],
    [`countDueRecordings, largest subdivision (${fmt(base.countLargest.due)} due)`, ...v.map((x) => ms(x.countLargest.medianMs))],
    ['listDueRecordings, largest, first page (2,000 rows, what the screen shows)', ...v.map((x) => ms(x.listLargest.medianMs))],
    [`sweep: countDueRecordings × ${r.data.orgs.length} subdivisions (${fmt(due)} due)`, ...v.map((x) => ms(x.sweepCount.medianMs))],
    ['  of which the largest subdivision', ...v.map((x) => ms(x.sweepCount.perOrgMs[0]!))],
    ['  a small subdivision (median of the others)', ...v.map((x) => ms(medianOf(x.sweepCount.perOrgMs.slice(1))))],
    [
      '  server time of the 20 counts: planning + execution (EXPLAIN ANALYZE)',
      ...v.map((x) => `${ms(x.sweepCount.serverPlanningMs)} + ${ms(x.sweepCount.serverExecutionMs)}`),
    ],
    ['prototype (not server code): the same 20 counts as one grouped statement', ...v.map((x) => ms(x.groupedSweep.medianMs))],
    ['listUpcomingDeletions(…, 30) × every subdivision', ...v.map((x) => ms(x.upcomingLists.medianMs))],
    ['reviewRetention(deps), the whole daily job (counts, upcoming lists, notifications)', ...v.map((x) => ms(x.reviewRetention.medianMs))],
    ['reference: seq scan `SELECT count(*)` of recordings', ...v.map((x) => ms(x.seqScan.medianMs))],
    ['sweep ÷ seq scan', ...v.map((x) => `${round(x.sweepCount.medianMs / x.seqScan.medianMs, 2)}×`)],
    ['count (largest): access path, pages touched (EXPLAIN)', ...v.map((x) => pathText(x.explain.countLargest))],
    ['count (largest): server execution time (EXPLAIN ANALYZE)', ...v.map((x) => ms(accessPath(x.explain.countLargest).execMs))],
    ['other work on the machine during the figures (busy cores)', ...v.map((x) => x.busyCores.busy)],
  ];
  out.push(mdTable(['figure', ...v.map((x) => x.name)], rows), '');
  const pgb = r.reference.pgbench.runs;
  out.push(
    `Reference, same server, same run: \`pgbench -S -c 1\` (select-only, one client, scale ${r.reference.pgbench.scale}): ` +
      pgb.map((p) => `${fmt(p.tps)} tps (${p.latencyMs} ms per query, ${p.label})`).join(', ') +
      `. So one indexed point query with its round trip costs ~${round(1000 / meanOf(pgb.map((p) => p.tps)), 3)} ms here: ` +
      `the ${r.data.orgs.length} round trips of the sweep are not what costs.`,
    '',
  );
  out.push(...reading(r), '');
  const u = r.upcoming;
  out.push(
    '## reviewRetention\'s "upcoming" figure',
    '',
    `In its notification for the largest subdivision reviewRetention reported upcoming = ${u.reportedUpcoming ?? '—'}; ` +
      `recordings that really fall due within 30 days there (live, unheld): ${fmt(u.actualUpcoming)}.` +
      (u.reportedUpcoming !== null && u.reportedUpcoming < u.actualUpcoming
        ? ' The figure is capped: it is counted from listUpcomingDeletions, which returns at most 2,000 rows (and fetches them all, with joins, only to count them).'
        : ''),
    '',
  );

  out.push('## Plans', '');
  for (const x of v) {
    out.push(`### ${x.name}: \`${x.index}\``, '');
    for (const [label, plan] of [
      ['countDueRecordings, largest subdivision', x.explain.countLargest],
      ['countDueRecordings, smallest subdivision', x.explain.countSmallest],
      ['listDueRecordings, largest subdivision', x.explain.listLargest],
      ['prototype: one grouped count for every subdivision', x.explain.groupedSweep],
    ] as const) {
      out.push(`${label} — EXPLAIN (ANALYZE, BUFFERS):`, '', '```', plan, '```', '');
    }
  }
  return out.join('\n');
}

function medianOf(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : NaN;
}
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** What the figures say, computed from them (so a re-run says what that run saw). */
function reading(r: RetentionReport): string[] {
  const v = r.variants;
  const first = v[0]!;
  const again = v.find((x, i) => i > 0 && x.name.startsWith('as migrated'));
  const migratedSweep = meanOf([first, ...(again ? [again] : [])].map((x) => x.sweepCount.medianMs));
  const alts = v.filter((x) => !x.name.startsWith('as migrated'));
  const scale = r.goal.forRows / r.rows;
  const goal = r.goal.sweepMsAtMost;
  const lines = ['## Reading', ''];
  lines.push(
    `- The migrated index puts the date first, so one subdivision's count walks the due entries of every subdivision, ` +
      `and then fetches a heap page for nearly every due recording (capture order interleaves the subdivisions): for the largest, ` +
      `${pathText(first.explain.countLargest)} in the first pass (the index as the inserts grew it, ${mib(first.indexBytes)})` +
      (again
        ? `, ${pathText(again.explain.countLargest)} in the last (the same index rebuilt, ${mib(again.indexBytes)}, and re-ANALYZEd)`
        : '') +
      `. An index path that visits a page per row costs the planner about as much as a full scan (random_page_cost=` +
      `${r.machine.postgresqlSettings.random_page_cost}), so it may choose either.`,
  );
  if (alts.length) {
    const best = alts.reduce((a, b) => (a.sweepCount.medianMs <= b.sweepCount.medianMs ? a : b));
    const bestGrouped = alts.reduce((a, b) => (a.groupedSweep.medianMs <= b.groupedSweep.medianMs ? a : b));
    lines.push(
      `- Fastest per-subdivision sweep: \`${best.index}\`: ${pathText(best.explain.countLargest)} for the largest count, ` +
        `sweep ${ms(best.sweepCount.medianMs)} (${round(migratedSweep / best.sweepCount.medianMs, 1)}× faster than the migrated index's ` +
        `mean in this run; ${best.sweepCount.medianMs * scale <= goal ? 'meets' : 'misses'} the ${goal} ms goal` +
        (scale !== 1 ? ` extrapolated to ${fmt(r.goal.forRows)} rows` : '') +
        `; ~${ms(best.sweepCount.medianMs * scale * 10)} at ${fmt(r.goal.forRows * 10)} rows, linearly).`,
      `- Each of the ${r.data.orgs.length} counts hashes all ${fmt(r.data.counts.holdsActive!)} active legal holds of every subdivision for ` +
        `its anti-join, and is its own round trip. The grouped prototype does both once: ${ms(bestGrouped.groupedSweep.medianMs)} with ` +
        `\`${bestGrouped.index}\` (${bestGrouped.groupedSweep.medianMs * scale <= goal ? 'meets' : 'misses'} the goal; ~` +
        `${ms(bestGrouped.groupedSweep.medianMs * scale * 10)} at ${fmt(r.goal.forRows * 10)} rows), ` +
        `${ms(first.groupedSweep.medianMs)} with the migrated index (a date-first index does not serve it).`,
    );
  }
  lines.push(
    `- listDueRecordings stops after the first page (incremental sort over the index order), so its cost does not grow with the due set.`,
  );
  return lines;
}
