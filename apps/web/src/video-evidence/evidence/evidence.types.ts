import type { MediaFacts } from '@baqylau/contracts';
import type { JournalEntry } from '../journal/journal.types.ts';
import type { Activity } from '../activities/activities.queries.ts';

/** R444-21: the service purposes a person states before viewing or downloading recordings. */
export const ACCESS_PURPOSES = [
  'court_or_authority_request',
  'activity_review',
  'disciplinary_review',
  'complaint_handling',
  'retention_review',
  'other',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export type UploadState = 'waiting_for_dock' | 'uploading' | 'all_verified' | 'files_missing';
export type FindingKind = 'gap' | 'missing_sequence' | 'late_start' | 'early_end' | 'clock_offset' | 'integrity';
export const FINDING_DECISIONS = ['explained', 'disciplinary_referral'] as const;
export type FindingDecision = (typeof FINDING_DECISIONS)[number];

/** A stored original: device time, the clock offset measured at docking and the corrected time (R444-17). */
export interface Recording {
  id: string;
  recorderId: string;
  sha256: string;
  size: number;
  originalName: string;
  fileSequence: number | null;
  /** Null when unknown: an unreadable file (never its file time), or one waiting for its docking's report. */
  deviceStartedAt: string | null;
  clockOffsetSeconds: number | null;
  startedAt: string | null;
  ingestedAt: string;
  state: 'stored' | 'unreadable';
  durationMs: number | null;
  journalEntryId: string | null;
  /** R444-13: damaged once a check found the stored bytes no longer match the SHA-256. */
  integrity: 'intact' | 'damaged';
  damage: { detectedAt: string; detectedBy: string; foundSha256: string | null } | null;
}

/** What ffprobe said about the file (issue 19); null for an unreadable one. */
export type { MediaFacts };

/** The recording page's extra facts: ffprobe's, why a file is unreadable, whether it waits for its docking. */
export interface RecordingMedia {
  media: MediaFacts | null;
  probeFailure: { code: string; message: string } | null;
  awaitingDocking: boolean;
}

/** What the state badge says: a damaged original is "damaged", whatever ffprobe once read. */
export const stateOf = (r: Pick<Recording, 'state' | 'integrity'>) => (r.integrity === 'damaged' ? 'damaged' : r.state);
export const stateColor = (r: Pick<Recording, 'state' | 'integrity'>) =>
  r.integrity === 'damaged' ? 'red' : r.state === 'stored' ? 'teal' : 'orange';

export interface Annotation {
  decision: FindingDecision;
  note: string;
  annotatedBy: string;
  annotatedAt: string;
}

/** R444-19: where recording stopped that should not have; it stays, the head's annotations are added beside it. */
export interface Finding {
  id: string;
  journalEntryId: string | null;
  recordingId: string | null;
  kind: FindingKind;
  details: Record<string, unknown>;
  detectedAt: string;
  annotations: Annotation[];
}

export type TimelineRecording = Omit<Recording, 'recorderId' | 'ingestedAt' | 'damage'>;

/** One issue of a recorder for the activity, from issue to return (R444-17/18). */
export interface EntryTimeline {
  entry: JournalEntry;
  uploadState: UploadState;
  recordings: TimelineRecording[];
  findings: Finding[];
}

/** R444-12: the retention of one recording, set once when it is linked to an issue (null while unattributed). */
export interface RecordingRetention {
  inventoryNumber: string;
  attributionReason: string | null;
  /** Last day kept, yyyy-mm-dd in the organisation's calendar. */
  retainUntil: string | null;
  retentionYears: number | null;
  retentionCoveredByPoint12: boolean | null;
  /** Set when the retention process deleted the original: the row stays as a tombstone. */
  deletedAt: string | null;
}

/** What the player page shows beside the video. */
export interface RecordingDetail {
  recording: Recording & RecordingRetention & RecordingMedia;
  entry: JournalEntry | null;
  activity: Omit<Activity, 'retention' | 'inspectors'> | null;
  findings: Finding[];
  purposeStated: boolean;
}

export interface JournalRules {
  batteryMinPercent: number;
  gapThresholdSeconds: number;
  clockOffsetThresholdSeconds: number;
}
