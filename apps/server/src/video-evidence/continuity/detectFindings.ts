import type { FindingKind } from './continuity.table.ts';

export interface Thresholds {
  gapSeconds: number;
  lateStartSeconds: number;
  earlyEndSeconds: number;
  clockOffsetSeconds: number;
}

export interface TimelineRecording {
  id: string;
  startedAt: Date;
  durationMs: number | null;
  fileSequence: number | null;
  clockOffsetSeconds: number;
}

export interface DetectedFinding {
  kind: FindingKind;
  /** Stable across re-runs, so a finding is stored once. */
  key: string;
  recordingId?: string;
  details: Record<string, unknown>;
}

const endOf = (r: TimelineRecording) => new Date(r.startedAt.getTime() + (r.durationMs ?? 0));

/**
 * R444-17/18/19 for one issue of a recorder, from issue to return (or `now`
 * while it is out): gaps between consecutive recordings, missing file numbers,
 * recording that starts well after the issue or ends well before the return,
 * and device clocks off by more than the threshold. Pure: same input, same findings.
 */
export function detectFindings(
  entry: { id: string; issuedAt: Date; returnedAt: Date | null },
  recordings: TimelineRecording[],
  t: Thresholds,
): DetectedFinding[] {
  const out: DetectedFinding[] = [];
  const recs = [...recordings].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  for (let i = 1; i < recs.length; i++) {
    const prevEnd = endOf(recs[i - 1]!);
    const gap = (recs[i]!.startedAt.getTime() - prevEnd.getTime()) / 1000;
    if (gap > t.gapSeconds) {
      out.push({
        kind: 'gap',
        key: `gap:${entry.id}:${recs[i - 1]!.id}:${recs[i]!.id}`,
        details: { from: prevEnd.toISOString(), to: recs[i]!.startedAt.toISOString(), seconds: Math.round(gap) },
      });
    }
  }
  const seqs = recs
    .map((r) => r.fileSequence)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  for (let i = 1; i < seqs.length; i++) {
    for (let missing = seqs[i - 1]! + 1; missing < seqs[i]!; missing++) {
      out.push({
        kind: 'missing_sequence',
        key: `seq:${entry.id}:${missing}`,
        details: { sequence: missing, after: seqs[i - 1], before: seqs[i] },
      });
    }
  }
  if (recs.length > 0) {
    const late = (recs[0]!.startedAt.getTime() - entry.issuedAt.getTime()) / 1000;
    if (late > t.lateStartSeconds)
      out.push({
        kind: 'late_start',
        key: `late:${entry.id}`,
        details: { issuedAt: entry.issuedAt.toISOString(), firstStartedAt: recs[0]!.startedAt.toISOString(), seconds: Math.round(late) },
      });
    if (entry.returnedAt) {
      const lastEnd = endOf(recs.at(-1)!);
      const early = (entry.returnedAt.getTime() - lastEnd.getTime()) / 1000;
      if (early > t.earlyEndSeconds)
        out.push({
          kind: 'early_end',
          key: `early:${entry.id}`,
          details: { lastEndedAt: lastEnd.toISOString(), returnedAt: entry.returnedAt.toISOString(), seconds: Math.round(early) },
        });
    }
  }
  for (const r of recs) {
    if (Math.abs(r.clockOffsetSeconds) > t.clockOffsetSeconds) {
      out.push({ kind: 'clock_offset', key: `clock:${r.id}`, recordingId: r.id, details: { offsetSeconds: r.clockOffsetSeconds } });
    }
  }
  return out;
}
