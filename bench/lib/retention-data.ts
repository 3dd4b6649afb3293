/**
 * Synthetic recordings for the retention sweep benchmark, generated inside PostgreSQL
 * (INSERT … SELECT generate_series) so a million rows load in seconds, not minutes.
 *
 * Shape: 20 territorial subdivisions, one holding 30 % of the recordings; capture times
 * evenly spread over the 4 years before `now`, inserted in capture order (as ingestion
 * writes them), every org interleaved. Every recording but 2 % (unattributed: no journal
 * entry, no expiry) belongs to a journal entry (~10 recordings each) of an activity
 * (~5 entries each) and is kept 3 years, so the oldest quarter has expired. Tombstones:
 * expired more than 292 days ago, i.e. the oldest 5 % of the captures (earlier sweeps),
 * written with deleted_at already set (the trigger restricts UPDATE, not INSERT). Holds: 1 % active, 0.5 % lifted (0.1 % of
 * rows have both). What is left due is ≈ 20 % of the rows.
 */
import type pg from 'pg';

export const ORGS = 20;
const LARGE_SHARE = 0.3;
const SPAN_SEC = 4 * 365.25 * 86400;
const PER_ENTRY = 10;
const ENTRIES_PER_ACTIVITY = 5;
const RECORDERS_PER_ORG = 30;

export interface LoadedData {
  rows: number;
  orgs: { id: string; zone: string; share: number; recordings: number }[];
  largestOrgId: string;
  counts: Record<string, number>;
}

const share = (k: number) => (k === 0 ? LARGE_SHARE : (1 - LARGE_SHARE) / (ORGS - 1));
// Two subdivisions in the west, on their own zone name (the same offset since 2024).
const zone = (k: number) => (k === 5 || k === 12 ? 'Asia/Aqtau' : 'Asia/Almaty');

/**
 * Loads `n` recordings and everything they point to into a migrated database, then VACUUM (ANALYZE)s
 * it, as autovacuum would leave an insert-mostly table (visibility map set, statistics fresh).
 */
export async function loadRetentionData(c: pg.Client, n: number, now: Date, log: (m: string) => void): Promise<LoadedData> {
  const started = performance.now();
  await c.query(`CREATE TABLE bench_orgs (k int PRIMARY KEY, id uuid, zone text, entries int, slot_sec float8, head uuid, inspector uuid)`);
  for (let k = 0; k < ORGS; k++) {
    const entries = Math.ceil((n * share(k)) / PER_ENTRY);
    await c.query(
      `INSERT INTO bench_orgs VALUES ($1::int, md5('org:' || $1::int)::uuid, $2, $3, $4, md5('head:' || $1::int)::uuid, md5('insp:' || $1::int)::uuid)`,
      [k, zone(k), entries, SPAN_SEC / entries],
    );
  }
  // Activity type of activity `a` of org `k`: 10 % investigations, the rest the four point-12 types.
  await c.query(`CREATE FUNCTION bench_activity_type(k int, a bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN m < 2 THEN 'investigation' WHEN m < 6 THEN 'preventive_control_visit' WHEN m < 11 THEN 'permit_compliance_check'
                WHEN m < 16 THEN 'unscheduled_inspection' ELSE 'administrative_offence' END
      FROM (SELECT ((a * 7 + k) % 20)::int AS m) x $$`);
  const t0 = new Date(now.getTime() - SPAN_SEC * 1000).toISOString();

  await c.query(`INSERT INTO organisations (id, type, name_kk, name_ru, bin, time_zone)
    SELECT id, 'territorial_subdivision', 'Бөлімше ' || k, 'Подразделение ' || k, lpad((100000000000 + k)::text, 12, '0'), zone FROM bench_orgs`);
  await c.query(`INSERT INTO users (id, login, full_name, password_hash)
    SELECT head, 'head' || k, 'Басшы ' || k, 'x' FROM bench_orgs UNION ALL SELECT inspector, 'insp' || k, 'Инспектор ' || k, 'x' FROM bench_orgs`);
  await c.query(`INSERT INTO memberships (user_id, organisation_id, role)
    SELECT head, id, 'head' FROM bench_orgs UNION ALL SELECT inspector, id, 'inspector' FROM bench_orgs`);
  await c.query(
    `INSERT INTO journals (id, organisation_id, registration_number, registration_date, started_on)
    SELECT md5('jr:' || k)::uuid, id, '04-12/' || k, $1::timestamptz::date, $1::timestamptz::date FROM bench_orgs`,
    [t0],
  );
  await c.query(`INSERT INTO recorders (id, organisation_id, inventory_number, serial_number, model, status)
    SELECT md5('rc:' || k || ':' || r)::uuid, id, 'ВР-' || lpad(r::text, 3, '0'), 'SN' || k || '-' || r, 'BWC-X', 'in_storage'
      FROM bench_orgs, generate_series(0, ${RECORDERS_PER_ORG - 1}) r`);
  await c.query(
    `INSERT INTO activities (id, organisation_id, type, reference_number, subject_bin, subject_name, object_name,
                                         object_address, planned_start, planned_end, created_by)
    SELECT md5('act:' || k || ':' || a)::uuid, id, bench_activity_type(k, a), k || '-' || a, '123456789012', 'ТОО «Нысан»',
           'Кеніш ' || a, 'Қарағанды', $1::timestamptz + a * ${ENTRIES_PER_ACTIVITY} * slot_sec * interval '1 second',
           $1::timestamptz + (a + 1) * ${ENTRIES_PER_ACTIVITY} * slot_sec * interval '1 second', head
      FROM bench_orgs, generate_series(0, ceil(entries::float8 / ${ENTRIES_PER_ACTIVITY})::int - 1) a`,
    [t0],
  );
  await c.query(
    `INSERT INTO journal_entries (id, organisation_id, journal_id, number, recorder_id, inventory_number, inspector_id,
                                              inspector_name, activity_id, issued_at, issued_by, issued_by_name, signature_method,
                                              battery_percent, clock_confirmed, returned_at)
    SELECT md5('je:' || k || ':' || s)::uuid, id, md5('jr:' || k)::uuid, s + 1, md5('rc:' || k || ':' || s % ${RECORDERS_PER_ORG})::uuid,
           'ВР-' || lpad((s % ${RECORDERS_PER_ORG})::text, 3, '0'), inspector, 'Инспектор ' || k,
           md5('act:' || k || ':' || s / ${ENTRIES_PER_ACTIVITY})::uuid, $1::timestamptz + s * slot_sec * interval '1 second', head,
           'Басшы ' || k, 'credentials_at_counter', 95, true, $1::timestamptz + (s + 1) * slot_sec * interval '1 second'
      FROM bench_orgs, generate_series(0, entries - 1) s`,
    [t0],
  );
  log(`retention data: ${ORGS} orgs, recorders, activities and journal entries loaded`);

  const chunk = 100_000;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk) - 1;
    await c.query(
      `INSERT INTO recordings (id, organisation_id, recorder_id, sha256, size, original_name, file_sequence, device_started_at,
                               clock_offset_seconds, started_at, ingested_at, upload_id, state, duration_ms, probe, journal_entry_id,
                               attribution_reason, retain_until, retention_years, retention_covered_by_point12, deleted_at)
       SELECT md5('r:' || i)::uuid, o.id, md5('rc:' || o.k || ':' || x.s % ${RECORDERS_PER_ORG})::uuid,
              encode(sha256(convert_to('r:' || i, 'UTF8')), 'hex'), 52428800 + (i * 7919 % 2000) * 1000000,
              'VID_' || to_char(x.t AT TIME ZONE o.zone, 'YYYYMMDD_HH24MISS') || '.MP4', i % 10000, x.t - (i % 7 - 3) * interval '1 second',
              i % 7 - 3, x.t, x.t + interval '8 hours', 'bench-' || i, 'stored', 60000 + i % 1800000,
              jsonb_build_object('format', 'mov,mp4,m4a,3gp,3g2,mj2', 'video', jsonb_build_object('codec', 'h264', 'width', 1920,
                'height', 1080, 'fps', 30), 'audio', jsonb_build_object('codec', 'aac', 'channels', 1), 'durationMs', 60000 + i % 1800000),
              CASE WHEN x.unattributed THEN NULL ELSE md5('je:' || o.k || ':' || x.s)::uuid END,
              NULL, y.retain_until, CASE WHEN x.unattributed THEN NULL ELSE 3 END,
              CASE WHEN x.unattributed THEN NULL ELSE bench_activity_type(o.k, x.s / ${ENTRIES_PER_ACTIVITY}) <> 'investigation' END,
              CASE WHEN y.retain_until < ($1::timestamptz AT TIME ZONE o.zone)::date - 292 AND i % 100 <> 3
                   THEN (y.retain_until + 1)::timestamp AT TIME ZONE o.zone + interval '10 hours' END
         FROM generate_series($2::bigint, $3::bigint) i
        CROSS JOIN LATERAL (SELECT CASE WHEN h < 300 THEN 0 ELSE 1 + (h - 300) % ${ORGS - 1} END AS k
                              FROM (SELECT (i * 2654435761) % 1000 AS h) z) pick
         JOIN bench_orgs o ON o.k = pick.k
        CROSS JOIN LATERAL (SELECT $4::timestamptz + (i + 0.5) * $5::float8 * interval '1 second' AS t,
                                   least(o.entries - 1, floor((i + 0.5) * $5::float8 / o.slot_sec))::int AS s,
                                   (i * 40503) % 50 = 7 AS unattributed) x
        CROSS JOIN LATERAL (SELECT CASE WHEN x.unattributed THEN NULL
                                        ELSE ((x.t AT TIME ZONE o.zone)::date + interval '3 years')::date END AS retain_until) y
        ORDER BY i`,
      [now.toISOString(), from, to, t0, SPAN_SEC / n],
    );
    log(`retention data: recordings ${to + 1} / ${n}`);
  }
  // Holds placed by the head 10 days after capture (never in the future); lifted ones 60 days later.
  const holds = (cond: string, lifted: boolean, tag: string) =>
    c.query(
      `INSERT INTO legal_holds (id, organisation_id, recording_id, source, reason, reference, placed_by, placed_at, lifted_by, lifted_at, lift_reason)
       SELECT md5('${tag}:' || r.id)::uuid, r.organisation_id, r.id, 'head', 'Сот ісі', 'АӘ-' || substr(r.upload_id, 7), o.head,
              least(r.started_at + interval '10 days', $1::timestamptz - interval '2 days'),
              ${lifted ? `o.head, least(r.started_at + interval '70 days', $1::timestamptz - interval '1 day'), 'Іс жабылды'` : 'NULL, NULL, NULL'}
         FROM recordings r JOIN bench_orgs o ON o.id = r.organisation_id
        WHERE r.journal_entry_id IS NOT NULL AND ${cond}`,
      [now.toISOString()],
    );
  await holds(`substr(r.upload_id, 7)::bigint % 100 = 3`, false, 'hold');
  await holds(`(substr(r.upload_id, 7)::bigint % 200 = 11 OR substr(r.upload_id, 7)::bigint % 1000 = 3)`, true, 'lifted');
  log('retention data: legal holds loaded; VACUUM (ANALYZE)');
  const orgs = (await c.query<{ id: string; zone: string; k: number }>(`SELECT id, zone, k FROM bench_orgs ORDER BY k`)).rows;
  await c.query('DROP TABLE bench_orgs');
  await c.query('DROP FUNCTION bench_activity_type');
  for (const t of ['recordings', 'legal_holds', 'journal_entries', 'activities', 'recorders', 'organisations', 'users', 'memberships'])
    await c.query(`VACUUM (ANALYZE) ${t}`);

  const counts: Record<string, number> = {};
  const count = async (name: string, q: string) => {
    counts[name] = Number((await c.query<{ n: string }>(q)).rows[0]!.n);
  };
  await count('recordings', 'SELECT count(*) AS n FROM recordings');
  await count('tombstones', 'SELECT count(*) AS n FROM recordings WHERE deleted_at IS NOT NULL');
  await count('unattributed', 'SELECT count(*) AS n FROM recordings WHERE retain_until IS NULL');
  await count('expired', `SELECT count(*) AS n FROM recordings WHERE retain_until < '${now.toISOString()}'::timestamptz::date`);
  await count('holdsActive', 'SELECT count(*) AS n FROM legal_holds WHERE lifted_at IS NULL');
  await count('holdsLifted', 'SELECT count(*) AS n FROM legal_holds WHERE lifted_at IS NOT NULL');
  await count('journalEntries', 'SELECT count(*) AS n FROM journal_entries');
  await count('activities', 'SELECT count(*) AS n FROM activities');
  const perOrg = new Map(
    (await c.query<{ org: string; n: string }>('SELECT organisation_id AS org, count(*) AS n FROM recordings GROUP BY 1')).rows.map((r) => [
      r.org,
      Number(r.n),
    ]),
  );
  await count('recordingsTableBytes', `SELECT pg_table_size('recordings') AS n`);
  await count('recordingsIndexesBytes', `SELECT pg_indexes_size('recordings') AS n`);
  await count('recordingsDueOrgIndexBytes', `SELECT pg_relation_size('recordings_due_org') AS n`);
  const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;
  log(
    `retention data: ${n} recordings in ${((performance.now() - started) / 1000).toFixed(1)} s; table ${mib(counts.recordingsTableBytes!)}, indexes ${mib(counts.recordingsIndexesBytes!)}`,
  );
  return {
    rows: n,
    orgs: orgs.map((o) => ({ id: o.id, zone: o.zone, share: share(o.k), recordings: perOrg.get(o.id) ?? 0 })),
    largestOrgId: orgs[0]!.id,
    counts,
  };
}
