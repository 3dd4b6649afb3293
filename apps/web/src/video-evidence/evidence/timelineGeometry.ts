import type { EntryTimeline, TimelineRecording } from './evidence.types.ts';

export interface Span {
  left: number;
  width: number;
}

export interface Geometry {
  start: number;
  end: number;
  /** Still out: the band runs to now. */
  open: boolean;
  bars: (Span & { rec: TimelineRecording })[];
  gaps: (Span & { findingId: string })[];
  /** Late start and early end: the stretch of the issue without recording. */
  uncovered: (Span & { findingId: string })[];
  missing: { at: number; sequence: number; findingId: string }[];
  ticks: { at: number; time: number }[];
}

const ms = (iso: unknown) => (typeof iso === 'string' ? Date.parse(iso) : NaN);
type Placed = TimelineRecording & { startedAt: string };
const endOf = (r: Placed) => Date.parse(r.startedAt) + (r.durationMs ?? 0);

/**
 * Positions (percent of the band) of one issue's picture: the band from issue to return (or now), the
 * recordings at their corrected times, the gaps and uncovered stretches, and the missing file numbers.
 */
export function timelineGeometry(item: EntryTimeline, now: number): Geometry {
  // A recording without a capture time (unreadable, attached by hand) has no place on the band.
  const recs = item.recordings
    .filter((r): r is Placed => r.startedAt !== null)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const issued = Date.parse(item.entry.issuedAt);
  const returned = item.entry.returnedAt ? Date.parse(item.entry.returnedAt) : null;
  // Recordings outside the issue (a clock that was not corrected) widen the band rather than fall off it.
  const start = Math.min(issued, ...recs.map((r) => Date.parse(r.startedAt)));
  const end = Math.max(returned ?? now, ...recs.map(endOf), start + 1000);
  const pct = (t: number) => ((t - start) / (end - start)) * 100;
  const span = (from: number, to: number): Span => ({ left: pct(from), width: Math.max(0, pct(to) - pct(from)) });

  const bars = recs.map((rec) => ({ rec, ...span(Date.parse(rec.startedAt), endOf(rec)) }));
  const gaps = item.findings
    .filter((f) => f.kind === 'gap')
    .map((f) => ({ findingId: f.id, ...span(ms(f.details.from), ms(f.details.to)) }));
  const uncovered = item.findings
    .filter((f) => f.kind === 'late_start' || f.kind === 'early_end')
    .map((f) =>
      f.kind === 'late_start'
        ? { findingId: f.id, ...span(ms(f.details.issuedAt), ms(f.details.firstStartedAt)) }
        : { findingId: f.id, ...span(ms(f.details.lastEndedAt), ms(f.details.returnedAt)) },
    )
    .filter((s) => Number.isFinite(s.left) && Number.isFinite(s.width));
  const bySeq = new Map(recs.filter((r) => r.fileSequence !== null).map((r) => [r.fileSequence!, r]));
  const missing = item.findings
    .filter((f) => f.kind === 'missing_sequence')
    .flatMap((f) => {
      const after = bySeq.get(f.details.after as number);
      const before = bySeq.get(f.details.before as number);
      if (!after || !before) return [];
      return [{ findingId: f.id, sequence: f.details.sequence as number, at: pct((endOf(after) + Date.parse(before.startedAt)) / 2) }];
    });
  // Intermediate times only when they differ by at least a second.
  const steps = end - start >= 4000 ? [0, 0.25, 0.5, 0.75, 1] : [0, 1];
  const ticks = steps.map((k) => ({ at: k * 100, time: start + k * (end - start) }));
  return { start, end, open: returned === null, bars, gaps: gaps.filter((g) => Number.isFinite(g.left)), uncovered, missing, ticks };
}
