import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { NoticeAddressees } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { PC_PARTICIPANTS } from '../pc-http.ts';
import { pcNoticeAcknowledgements, pcNoticeAddressees, pcNoticeReminders, pcNotices } from './notices.table.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
/** Raw statements return instants as text on one driver: every *At column becomes a Date. */
const dated = <T extends object>(rows: T[]): T[] =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, k.endsWith('At') && v !== null && v !== undefined ? new Date(v as string) : v]),
    ),
  ) as T[];
const uuids = (ids: string[]) => sql`ARRAY[${sql.join(ids.length ? ids.map((i) => sql`${i}::uuid`) : [sql`NULL::uuid`], sql`, `)}]::uuid[]`;
const roles = sql.join(
  PC_PARTICIPANTS.map((r) => sql`${r}`),
  sql`, `,
);

export type NoticeRow = typeof pcNotices.$inferSelect;

export const insertNotice = (db: DbOrTx, row: typeof pcNotices.$inferInsert) => db.insert(pcNotices).values(row);
export const updateDraft = (db: DbOrTx, id: string, set: Partial<typeof pcNotices.$inferInsert>) =>
  db.update(pcNotices).set(set).where(eq(pcNotices.id, id));
export const insertAddressees = (db: DbOrTx, rows: (typeof pcNoticeAddressees.$inferInsert)[]) =>
  rows.length ? db.insert(pcNoticeAddressees).values(rows) : Promise.resolve();
export const insertAcknowledgement = (db: DbOrTx, row: typeof pcNoticeAcknowledgements.$inferInsert) =>
  db.insert(pcNoticeAcknowledgements).values(row).onConflictDoNothing().returning();
export const insertReminder = (db: DbOrTx, row: typeof pcNoticeReminders.$inferInsert) =>
  db.insert(pcNoticeReminders).values(row).onConflictDoNothing().returning();

export async function findNotice(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select()
    .from(pcNotices)
    .where(and(eq(pcNotices.organisationId, organisationId), eq(pcNotices.id, id)));
  return r;
}

export async function successorOf(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ id: pcNotices.id })
    .from(pcNotices)
    .where(and(eq(pcNotices.supersedesId, id), isNotNull(pcNotices.publishedAt)));
  return r?.id ?? null;
}

/**
 * The people a notice reaches (R315-4, R315-20). There is no staff list per unit, so "the people of
 * a unit" are its head, the performers named in its instructions and the officials whose appointment
 * in force covers it; of a facility, the same over all its units. Disabled accounts are left out.
 * Returns the resolved ids and the ids given that do not belong to the organisation.
 */
export async function resolveAddressees(db: DbOrTx, organisationId: string, a: NoticeAddressees, today: string) {
  const res = await db.execute(sql`
    WITH units AS (
      SELECT u.id, u.facility_id, u.head_id FROM pc_units u
       WHERE u.organisation_id = ${organisationId} AND (u.id = ANY(${uuids(a.unitIds)}) OR u.facility_id = ANY(${uuids(a.facilityIds)}))
    ), people AS (
      SELECT head_id AS user_id FROM units WHERE head_id IS NOT NULL
      UNION SELECT it.performer_id FROM pc_instruction_items it JOIN pc_instructions i ON i.id = it.instruction_id
       WHERE i.organisation_id = ${organisationId}
         AND (i.unit_id IN (SELECT id FROM units) OR (i.unit_id IS NULL AND i.facility_id = ANY(${uuids(a.facilityIds)})))
      UNION SELECT ap.person_id FROM pc_official_appointments ap
       WHERE ap.organisation_id = ${organisationId} AND ap.valid_from <= ${today}::date AND (ap.valid_to IS NULL OR ap.valid_to >= ${today}::date)
         AND (ap.facility_ids && ((SELECT coalesce(array_agg(DISTINCT facility_id), '{}') FROM units) || ${uuids(a.facilityIds)})
              OR ap.unit_ids && (SELECT coalesce(array_agg(id), '{}') FROM units))
      UNION SELECT m.user_id FROM memberships m WHERE m.organisation_id = ${organisationId} AND m.user_id = ANY(${uuids(a.userIds)})
      UNION SELECT m.user_id FROM memberships m WHERE ${a.allMembers} AND m.organisation_id = ${organisationId} AND m.role IN (${roles})
    )
    SELECT 'person' AS what, p.user_id AS id FROM people p JOIN users us ON us.id = p.user_id WHERE us.disabled_at IS NULL
    UNION ALL SELECT 'unknown_unit', x FROM unnest(${uuids(a.unitIds)}) x WHERE x IS NOT NULL AND x NOT IN (SELECT id FROM units)
    UNION ALL SELECT 'unknown_facility', x FROM unnest(${uuids(a.facilityIds)}) x
     WHERE x IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pc_facilities f WHERE f.id = x AND f.organisation_id = ${organisationId})
    UNION ALL SELECT 'unknown_user', x FROM unnest(${uuids(a.userIds)}) x
     WHERE x IS NOT NULL AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = x AND m.organisation_id = ${organisationId})`);
  const rows = rowsOf<{ what: string; id: string }>(res);
  return {
    people: rows.filter((r) => r.what === 'person').map((r) => r.id),
    unknown: rows.filter((r) => r.what !== 'person').map((r) => ({ field: r.what.replace('unknown_', '') + 'Ids', id: r.id })),
  };
}

/** Each addressee of a notice with the time of the acknowledgement and of the reminder (if any). */
export async function addresseeStatus(db: DbOrTx, noticeId: string) {
  const res = await db.execute(sql`
    SELECT a.user_id AS "userId", u.full_name AS "fullName", k.acknowledged_at AS "acknowledgedAt", r.reminded_at AS "remindedAt"
      FROM pc_notice_addressees a JOIN users u ON u.id = a.user_id
      LEFT JOIN pc_notice_acknowledgements k ON k.notice_id = a.notice_id AND k.user_id = a.user_id
      LEFT JOIN pc_notice_reminders r ON r.notice_id = a.notice_id AND r.user_id = a.user_id
     WHERE a.notice_id = ${noticeId}
     ORDER BY k.acknowledged_at IS NOT NULL, u.full_name`);
  return dated(rowsOf<{ userId: string; fullName: string; acknowledgedAt: Date | null; remindedAt: Date | null }>(res));
}

export async function isAddressee(db: DbOrTx, noticeId: string, userId: string) {
  const [r] = await db
    .select({ u: pcNoticeAddressees.userId })
    .from(pcNoticeAddressees)
    .where(and(eq(pcNoticeAddressees.noticeId, noticeId), eq(pcNoticeAddressees.userId, userId)));
  return !!r;
}

const SUMMARY = sql`
  n.id, n.kind, n.subject, n.language, n.author_id AS "authorId", au.full_name AS "authorName", n.created_at AS "createdAt",
  n.published_at AS "publishedAt", n.supersedes_id AS "supersedesId", s.id AS "supersededById", n.analysis_id AS "analysisId",
  n.acknowledge_within_days AS "acknowledgeWithinDays"`;

export interface NoticeSummary {
  id: string;
  kind: NoticeRow['kind'];
  subject: string;
  language: NoticeRow['language'];
  authorId: string;
  authorName: string;
  createdAt: Date | string;
  publishedAt: Date | string | null;
  supersedesId: string | null;
  supersededById: string | null;
  analysisId: string | null;
  acknowledgeWithinDays: number;
}

/** Every notice of the organisation (drafts only the author's own), newest first, with acknowledgement counts. */
export async function listNotices(db: DbOrTx, organisationId: string, viewerId: string) {
  const res = await db.execute(sql`
    SELECT ${SUMMARY},
           (SELECT count(*) FROM pc_notice_addressees a WHERE a.notice_id = n.id)::int AS addressees,
           (SELECT count(*) FROM pc_notice_acknowledgements k WHERE k.notice_id = n.id)::int AS acknowledged
      FROM pc_notices n JOIN users au ON au.id = n.author_id LEFT JOIN pc_notices s ON s.supersedes_id = n.id AND s.published_at IS NOT NULL
     WHERE n.organisation_id = ${organisationId} AND (n.published_at IS NOT NULL OR n.author_id = ${viewerId})
     ORDER BY n.published_at DESC NULLS FIRST, n.created_at DESC`);
  return dated(rowsOf<NoticeSummary & { addressees: number; acknowledged: number }>(res));
}

/** The notices addressed to a person: unacknowledged first, then newest first. */
export async function noticesOf(db: DbOrTx, organisationId: string, userId: string) {
  const res = await db.execute(sql`
    SELECT ${SUMMARY}, k.acknowledged_at AS "acknowledgedAt"
      FROM pc_notice_addressees a JOIN pc_notices n ON n.id = a.notice_id JOIN users au ON au.id = n.author_id
      LEFT JOIN pc_notices s ON s.supersedes_id = n.id AND s.published_at IS NOT NULL
      LEFT JOIN pc_notice_acknowledgements k ON k.notice_id = n.id AND k.user_id = a.user_id
     WHERE a.organisation_id = ${organisationId} AND a.user_id = ${userId}
     ORDER BY k.acknowledged_at IS NOT NULL, n.published_at DESC`);
  return dated(rowsOf<NoticeSummary & { acknowledgedAt: Date | null }>(res));
}

/** Addressees whose acknowledgement is overdue (published more than N days ago, not superseded) and who were not reminded. */
export async function overdueAcknowledgements(db: DbOrTx, now: Date) {
  const res = await db.execute(sql`
    SELECT n.organisation_id AS "organisationId", n.id AS "noticeId", n.subject, n.published_at AS "publishedAt", a.user_id AS "userId"
      FROM pc_notices n JOIN pc_notice_addressees a ON a.notice_id = n.id
     WHERE n.published_at IS NOT NULL
       AND n.published_at + make_interval(days => n.acknowledge_within_days) < ${now.toISOString()}::timestamptz
       AND NOT EXISTS (SELECT 1 FROM pc_notices s WHERE s.supersedes_id = n.id AND s.published_at IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM pc_notice_acknowledgements k WHERE k.notice_id = n.id AND k.user_id = a.user_id)
       AND NOT EXISTS (SELECT 1 FROM pc_notice_reminders r WHERE r.notice_id = n.id AND r.user_id = a.user_id)
     ORDER BY n.published_at, a.user_id`);
  return rowsOf<{ organisationId: string; noticeId: string; subject: string; publishedAt: Date | string; userId: string }>(res);
}
