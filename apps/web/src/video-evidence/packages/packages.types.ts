export const RECIPIENT_KINDS = ['court', 'authority'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export type PackageState = 'building' | 'ready' | 'failed';

export interface Excerpt {
  fromSeconds: number;
  toSeconds: number;
}

/** A court or authority package (R444-14) as the list shows it, with build progress. */
export interface PackageSummary {
  id: string;
  number: string;
  recipient: { kind: RecipientKind; name: string; caseNumber: string };
  purpose: string;
  createdBy: { id: string; fullName: string; role: 'responsible' | 'head' };
  createdAt: string;
  state: PackageState;
  progress: { bytesDone: number; bytesTotal: number };
  /** Why the build failed, already in the user's language. */
  error: { code: string; message: string; details: unknown } | null;
  manifestSha256: string | null;
  builtAt: string | null;
  counts: { recordings: number; excerpts: number; materials: number };
}

export interface PackageLink {
  id: string;
  createdBy: { id: string; fullName: string };
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  usedCount: number;
}

export interface PackageDetail extends PackageSummary {
  keyFingerprint: string;
  recordings: { position: number; recordingId: string; originalName: string; sha256: string; size: number; excerpt: Excerpt | null }[];
  materials: { position: number; materialId: string; title: string; fileName: string; size: number }[];
  links: PackageLink[];
}

export interface NewPackage {
  recipientKind: RecipientKind;
  recipientName: string;
  caseNumber: string;
  purpose: string;
  recordings: { recordingId: string; excerpt?: Excerpt }[];
  materialIds: string[];
}

/** The token is shown once; the address needs the head's or responsible person's session as well. */
export interface NewLink {
  id: string;
  token: string;
  expiresAt: string;
  downloadUrl: string;
}
