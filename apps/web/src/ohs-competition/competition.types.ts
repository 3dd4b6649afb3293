import type {
  ApplicationState,
  CommissionStage,
  AttachmentKind,
  DocumentKind,
  EducationOrganisationType,
  IndicatorId,
  IndicatorRuleKind,
  Questionnaire,
} from '@baqylau/contracts';

/** The API's shapes for the union competition (apps/server/src/ohs-competition). */
export interface Deadline {
  point: string;
  dueOn: string;
  closesAt: string;
  passed: boolean;
}

export interface Year {
  id: string;
  reportingYear: number;
  rules: { id: string; wording: string; places: number; readings: Record<string, string> };
  timeZone: string;
  submission: Deadline;
  results: Deadline;
  openedAt: string;
  publishedAt: string | null;
}

export interface MemberOrganisation {
  id: string;
  nameKk: string;
  nameRu: string;
  coordinators: { userId: string; fullName: string }[];
}

export type Counts = Partial<Record<IndicatorId, { count: number; positive?: number }>>;

export interface ApplicationSummary {
  id: string;
  yearId: string;
  memberOrganisationId: string;
  group: number;
  educationOrganisationType: EducationOrganisationType;
  candidate: string;
  state: ApplicationState;
  submittedAt: string | null;
  receiptSha256: string | null;
  excludedPoint: string | null;
  fatalAccidentOn: string | null;
}

export interface CompetitionDocument {
  id: string;
  kind: DocumentKind;
  indicatorId: IndicatorId | null;
  eventDate: string | null;
  title: string;
  fileName: string;
  mime: string;
  sha256: string;
  size: number;
  uploadedAt: string;
}

export interface EvidenceFlag {
  flag: 'outside_year' | 'same_document' | 'unbacked';
  indicatorId: IndicatorId;
  documentId?: string;
  eventDate?: string;
  alsoIn?: { applicationId: string; documentId: string }[];
}

export interface ScoreSheet {
  indicators: {
    id: IndicatorId;
    section: 'main' | 'additional';
    number: string;
    rule: { kind: IndicatorRuleKind; points: number; size?: number; positiveBonus?: number };
    count: number;
    positive: number;
    points: number;
  }[];
  mainTotal: number;
  additionalTotal: number;
  total: number;
  readings: Record<string, string>;
}

export interface ApplicationDetail extends ApplicationSummary {
  questionnaire: Partial<Questionnaire>;
  characteristic: string;
  explanatoryNote: string;
  counts: Counts;
  fatalAccidentNote: string | null;
  documents: CompetitionDocument[];
  flags: EvidenceFlag[];
  missingAttachments: AttachmentKind[];
  missingForSubmission: string[];
  claimed: ScoreSheet;
}

export interface Review {
  id: string;
  indicatorId: IndicatorId;
  commissionId: string;
  memberId: string;
  memberName: string;
  claimedCount: number;
  acceptedCount: number;
  acceptedPositive: number;
  reason: string;
  createdAt: string;
}

export interface Commission {
  id: string;
  level: 'regional' | 'republican';
  stage: CommissionStage;
  memberOrganisationId: string | null;
  formedBy: string;
  members: { userId: string; fullName: string; memberOrganisationId: string | null; chair: boolean }[];
}

type Name = { nameKk: string; nameRu: string };
export interface Tie {
  key: string;
  total: number;
  applicationIds: string[];
  from: number;
  to: number;
  decision: { order: string[]; reason: string } | null;
}

export interface Results {
  protocol: {
    reportingYear: number;
    commission: {
      formedBy: string;
      members: { userId: string; fullName: string; chair: boolean; memberOrganisation: Name | null }[];
    } | null;
    groups: {
      group: number;
      ranking: {
        applicationId: string;
        candidate: string;
        memberOrganisation: Name;
        total: number;
        position: number;
        place: number | null;
        tie: string | null;
      }[];
      ties: Tie[];
      excluded: {
        applicationId: string;
        candidate: string;
        memberOrganisation: Name;
        point: string | null;
        fatalAccidentOn: string | null;
      }[];
    }[];
  };
  protocolSha256: string;
  undecidedTies: (Tie & { group: number })[];
  signatures: { userId: string; fullName: string; signedAt: string }[];
  unsigned: string[];
  publishedAt: string | null;
  late: boolean;
}

export interface PublishedResults {
  reportingYear: number;
  publishedAt: string;
  late: boolean;
  protocolSha256: string;
  groups: {
    group: number;
    ranking: { position: number; place: number | null; candidate: string; memberOrganisation: Name; total: number }[];
    tieDecisions: { candidates: string[]; reason: string }[];
  }[];
  materials: { documentId: string; candidate: string; kind: string; title: string }[];
}

/** One of the union's people the organisers may place (coordinator, commission member). */
export interface CompetitionPerson {
  userId: string;
  fullName: string;
  roles: ('member_coordinator' | 'commission_member')[];
}
