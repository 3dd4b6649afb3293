import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { hashPayload } from '../../platform/ledger/ledger.hash.ts';
import { documentsOf, listApplications } from '../applications/applications.repository.ts';
import { applicationScore } from '../judging/applicationScore.ts';
import { membersOf, republicanCommission, reviewsOf } from '../judging/judging.repository.ts';
import { recusalOf } from '../judging/recusal.ts';
import { listMemberOrganisations } from '../member-organisations/member-organisations.repository.ts';
import { COMPETITION_GROUPS } from '@baqylau/contracts';
import { isLate } from '../regulation/deadlines.ts';
import { rulesOfYear } from '../years/years.usecases.ts';
import type { YearRow } from '../years/years.repository.ts';
import { rankGroup, type TieDecision } from './rankGroup.ts';
import { findPublication, signaturesOf, tieDecisionsOf } from './results.repository.ts';

/**
 * RC-19, RC-22: the commission's protocol as data — the commission, every group's ranking with its
 * places and ties (and the decisions taken on them), the excluded candidates with the point, and
 * every candidate's score sheet by the accepted counts with each reduction and its reason. Nothing
 * in it depends on the moment it is built, so its SHA-256 changes only when its content does:
 * that hash is what members sign and what is published.
 */
export async function buildProtocol(db: DbOrTx, year: YearRow) {
  const rules = rulesOfYear(year);
  const [apps, members, commission, decisionRows] = await Promise.all([
    listApplications(db, year.id, { states: ['submitted', 'excluded'] }),
    listMemberOrganisations(db, year.organisationId),
    republicanCommission(db, year.id),
    tieDecisionsOf(db, year.id),
  ]);
  const ids = apps.map((a) => a.id);
  const [reviews, documents, commissionMembers] = await Promise.all([
    reviewsOf(db, ids, commission?.id),
    documentsOf(db, ids),
    membersOf(db, commission ? [commission.id] : []),
  ]);
  const memberName = new Map(members.map((m) => [m.id, { nameKk: m.nameKk, nameRu: m.nameRu }]));
  const sheets = apps
    .filter((a) => a.state === 'submitted')
    .map((a) => {
      const s = applicationScore(year, a, reviews);
      return {
        applicationId: a.id,
        group: a.group,
        candidate: a.questionnaire.fullName ?? '',
        memberOrganisation: memberName.get(a.memberOrganisationId)!,
        receiptSha256: a.receiptSha256,
        claimedCounts: a.counts,
        claimedTotal: s.claimed.total,
        sheet: s.accepted,
        reductions: s.reviews
          .filter((r) => r.acceptedCount < r.claimedCount || r.reason)
          .map((r) => ({
            indicatorId: r.indicatorId,
            member: r.memberName,
            claimed: r.claimedCount,
            accepted: r.acceptedCount,
            reason: r.reason,
          })),
        recused: commission ? commissionMembers.filter((m) => recusalOf(commission, m, a)).map((m) => m.fullName) : [],
        documents: documents
          .filter((d) => d.applicationId === a.id)
          .map((d) => ({ id: d.id, kind: d.kind, indicatorId: d.indicatorId, title: d.title, sha256: d.sha256 })),
      };
    });
  // A later decision on the same tie replaces an earlier one.
  const decisions = new Map<string, TieDecision & { group: number }>();
  for (const d of decisionRows) decisions.set(d.tieKey, { key: d.tieKey, order: d.applicationOrder, reason: d.reason, group: d.group });
  const groups = COMPETITION_GROUPS.map((group) => {
    const mine = sheets.filter((s) => s.group === group);
    const ranked = rankGroup(
      mine.map((s) => ({ id: s.applicationId, total: s.sheet.total })),
      rules.places,
      [...decisions.values()].filter((d) => d.group === group),
    );
    return {
      group,
      ranking: ranked.ranking.map((e) => {
        const s = mine.find((m) => m.applicationId === e.id)!;
        return {
          applicationId: e.id,
          candidate: s.candidate,
          memberOrganisation: s.memberOrganisation,
          total: e.total,
          position: e.position,
          place: e.place,
          tie: e.tie,
        };
      }),
      ties: ranked.ties,
      excluded: apps
        .filter((a) => a.group === group && a.state === 'excluded')
        .map((a) => ({
          applicationId: a.id,
          candidate: a.questionnaire.fullName ?? '',
          memberOrganisation: memberName.get(a.memberOrganisationId)!,
          point: a.excludedPoint,
          fatalAccidentOn: a.fatalAccidentOn,
        })),
    };
  });
  return {
    reportingYear: year.reportingYear,
    rules: { id: rules.id, wording: rules.wording, readings: rules.pointsTable.readings, places: rules.places },
    resultsDue: { dueOn: year.resultsDueOn, point: rules.deadlines.results.point },
    commission: commission
      ? {
          formedBy: commission.formedBy,
          members: commissionMembers.map((m) => ({
            userId: m.userId,
            fullName: m.fullName,
            chair: m.chair,
            memberOrganisation: m.memberOrganisationId ? memberName.get(m.memberOrganisationId)! : null,
          })),
        }
      : null,
    groups,
    sheets: sheets.map(({ group: _group, ...s }) => s),
  };
}
export type Protocol = Awaited<ReturnType<typeof buildProtocol>>;

/** The protocol as it stands (or as published), its hash, and who has signed that hash. */
export async function buildResults(deps: AppDeps, year: YearRow, db: DbOrTx = deps.db) {
  const published = year.publishedAt ? await findPublication(db, year.id) : undefined;
  const protocol = published ? (published.protocol as Protocol) : await buildProtocol(db, year);
  const protocolSha256 = published?.protocolSha256 ?? hashPayload(protocol);
  const signatures = (await signaturesOf(db, year.id)).filter((s) => s.protocolSha256 === protocolSha256);
  const members = protocol.commission?.members ?? [];
  return {
    protocol,
    protocolSha256,
    undecidedTies: protocol.groups.flatMap((g) => g.ties.filter((t) => !t.decision).map((t) => ({ group: g.group, ...t }))),
    signatures: signatures.map((s) => ({ userId: s.userId, fullName: s.fullName, signedAt: s.signedAt })),
    unsigned: members.filter((m) => !signatures.some((s) => s.userId === m.userId)).map((m) => m.fullName),
    publishedAt: year.publishedAt,
    /** Point 21: published (or, while not, now) after the deadline. */
    late: isLate(year.publishedAt ?? deps.now(), { closesAt: year.resultsClosesAt }),
  };
}
export type Results = Awaited<ReturnType<typeof buildResults>>;
