import { formatDateTimeSeconds, formatTime } from '../../kernel/format/datetime.ts';
import type { Finding } from './evidence.types.ts';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** 45 s, 5 min 2 s, 3 h 10 min. */
export function formatDuration(t: T, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('evidence.duration.s', { s });
  if (s < 3600) return t('evidence.duration.ms', { m: Math.floor(s / 60), s: s % 60 });
  return t('evidence.duration.hm', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** The device clock against server time at docking: positive means the device was ahead. */
export function offsetText(t: T, seconds: number | null): string {
  // Null: no docking offset (yet) — an unreadable file, or a recording waiting for its docking's report.
  if (seconds === null) return t('evidence.offset.unknown');
  if (seconds === 0) return t('evidence.offset.none');
  return t(seconds > 0 ? 'evidence.offset.ahead' : 'evidence.offset.behind', { seconds: Math.abs(seconds) });
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** A finding in words, from its kind and details (R444-17/19). */
export function findingText(t: T, f: Pick<Finding, 'kind' | 'details'>): string {
  const d = f.details ?? {};
  switch (f.kind) {
    case 'gap':
      return t('evidence.finding.gap', {
        duration: formatDuration(t, num(d.seconds)),
        from: formatTime(str(d.from)),
        to: formatTime(str(d.to)),
      });
    case 'missing_sequence':
      return t('evidence.finding.missing_sequence', { sequence: num(d.sequence), after: num(d.after), before: num(d.before) });
    case 'late_start':
      return t('evidence.finding.late_start', {
        duration: formatDuration(t, num(d.seconds)),
        at: formatDateTimeSeconds(str(d.firstStartedAt)),
      });
    case 'early_end':
      return t('evidence.finding.early_end', {
        duration: formatDuration(t, num(d.seconds)),
        at: formatDateTimeSeconds(str(d.lastEndedAt)),
      });
    case 'clock_offset':
      return t('evidence.finding.clock_offset', { offset: offsetText(t, num(d.offsetSeconds)) });
    case 'integrity':
      return t('evidence.finding.integrity', { name: str(d.originalName) });
    default:
      return String(f.kind);
  }
}

export const FINDING_COLOR: Record<string, string> = {
  gap: 'red',
  missing_sequence: 'red',
  late_start: 'orange',
  early_end: 'orange',
  clock_offset: 'yellow',
  integrity: 'red',
};

/** 12.4 MB, 830 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A capture time, or words saying it is unknown (issue 19: never a file time in its place). */
export function captureTimeText(t: T, iso: string | null): string {
  return iso ? formatDateTimeSeconds(iso) : t('evidence.rec.timeUnknown');
}
