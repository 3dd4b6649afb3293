/**
 * Order 315 at scale, for bench/production-control.bench.ts: one operator with 50 facilities, 500 units,
 * 20,000 completed inspections (ten checklist items each) and 200,000 violations over three years, in
 * every state a violation can be in. Set-based SQL on the migrated schema, so generation takes seconds.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const SCALE = { facilities: 50, unitsPerFacility: 10, inspections: 20_000, itemsPerInspection: 10 };

export interface PcBenchWorld {
  orgId: string;
  officialId: string;
  /** A facility and unit with a typical history, for the brief. */
  facilityId: string;
  unitId: string;
}

const ORG = '00000000-0000-4000-8000-000000000315';
const OFFICIAL = '00000000-0000-4000-8000-000000000316';

export async function seedPcScale(client: pg.Client, scale = SCALE): Promise<PcBenchWorld> {
  const units = scale.facilities * scale.unitsPerFacility;
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  await q(
    `INSERT INTO organisations (id, type, name_kk, name_ru, bin) VALUES ($1, 'hpf_operator', '«Шахтинск Көмір» ЖШС', 'ТОО «Шахтинск Комир»', '051240004566')`,
    [ORG],
  );
  await q(`INSERT INTO users (id, login, full_name, password_hash) VALUES ($1, 'bench-official', 'Төлеуов Қанат Мұратұлы', 'x')`, [
    OFFICIAL,
  ]);
  await q(
    `INSERT INTO pc_facilities (id, organisation_id, name, registration_number, address, hazard_features, safe_operation_conditions, created_at)
     SELECT md5('f' || i)::uuid, $1, 'Шахта № ' || i, 'ҚӨО-' || lpad(i::text, 5, '0'), 'Қарағанды облысы, Шахтинск қ.',
            ARRAY['mining_operations','lifting_machinery']::text[], 'Газ концентрациясы 1%-дан аспауы тиіс; желдету үздіксіз.', now()
       FROM generate_series(1, $2) i`,
    [ORG, scale.facilities],
  );
  await q(
    `INSERT INTO pc_units (id, organisation_id, facility_id, name, created_at)
     SELECT md5('u' || u)::uuid, $1, md5('f' || ((u - 1) / $3 + 1))::uuid, 'Учаске № ' || u, now() FROM generate_series(1, $2) u`,
    [ORG, units, scale.unitsPerFacility],
  );
  const checklist = md5uuid('checklist');
  const version = md5uuid('checklist-v1');
  await q(`INSERT INTO pc_checklists (id, organisation_id, title, created_at) VALUES ($1, $2, 'Шахтаның жер асты жұмыстары', now())`, [
    checklist,
    ORG,
  ]);
  const questions = Array.from({ length: scale.itemsPerInspection }, (_, i) => ({
    id: `q${i + 1}`,
    text: `Талап № ${i + 1}`,
    reference: { act: 'ҚР ТЖМ № 286 бұйрығы', point: `${100 + i}` },
    severity: i % 5 === 0 ? 'critical' : i % 2 ? 'major' : 'minor',
  }));
  await q(
    `INSERT INTO pc_checklist_versions (id, organisation_id, checklist_id, version, status, questions, published_at, created_at)
     VALUES ($1, $2, $3, 1, 'published', $4, now(), now())`,
    [version, ORG, checklist, JSON.stringify(questions)],
  );
  // Inspections spread over three years, each of one unit; a unit gets ~40.
  await q(
    `INSERT INTO pc_inspections (id, organisation_id, facility_id, unit_id, kind, checklist_version_id, official_id, status, started_at, completed_at, conclusion)
     SELECT md5('i' || n)::uuid, $1, md5('f' || (((n % $3) ) / $4 + 1))::uuid, md5('u' || (n % $3 + 1))::uuid, 'scheduled', $5, $6, 'completed',
            timestamptz '2024-01-01' + (n * interval '1 hour' * (3 * 365 * 24) / $2),
            timestamptz '2024-01-01' + (n * interval '1 hour' * (3 * 365 * 24) / $2) + interval '3 hours', 'Тексеру аяқталды'
       FROM generate_series(1, $2) n`,
    [ORG, scale.inspections, units, scale.unitsPerFacility, version, OFFICIAL],
  );
  await q(
    `INSERT INTO pc_inspection_items (id, organisation_id, inspection_id, position, source, question_id, text, reference, severity, outcome, answered_at, answered_by, has_violation)
     SELECT md5('it' || n || '-' || p)::uuid, $1, md5('i' || n)::uuid, p, 'checklist', 'q' || p, 'Талап № ' || p,
            jsonb_build_object('act', 'ҚР ТЖМ № 286 бұйрығы', 'point', (99 + p)::text),
            CASE WHEN p % 5 = 1 THEN 'critical' WHEN p % 2 = 0 THEN 'major' ELSE 'minor' END, 'violation', now(), $2, true
       FROM generate_series(1, $3) n, generate_series(1, $4) p`,
    [ORG, OFFICIAL, scale.inspections, scale.itemsPerInspection],
  );
  // States: the newest inspections of each unit hold the open, reported and overdue ones.
  await q(
    `INSERT INTO pc_violations (id, organisation_id, inspection_id, item_id, facility_id, unit_id, description, reference, severity, dangerous, status, found_at, due_on, verified_at, verified_by, rechecked_at)
     SELECT md5('v' || it.id)::uuid, $1, i.id, it.id, i.facility_id, i.unit_id, 'Бұзушылық: ' || it.text, it.reference, it.severity,
            it.severity = 'critical' AND it.position = 1 AND (hashtext(it.id::text) % 10 = 0),
            s.status, i.completed_at, (i.completed_at + interval '30 days')::date::text,
            CASE WHEN s.status IN ('verified','rechecked') THEN i.completed_at + interval '20 days' END,
            CASE WHEN s.status IN ('verified','rechecked') THEN $2::uuid END,
            CASE WHEN s.status = 'rechecked' THEN i.completed_at + interval '60 days' END
       FROM pc_inspection_items it JOIN pc_inspections i ON i.id = it.inspection_id
       CROSS JOIN LATERAL (SELECT CASE
            WHEN i.started_at < timestamptz '2026-09-01' THEN 'rechecked'
            WHEN abs(hashtext(it.id::text)) % 4 = 0 THEN 'open'
            WHEN abs(hashtext(it.id::text)) % 4 = 1 THEN 'measure_reported'
            WHEN abs(hashtext(it.id::text)) % 4 = 2 THEN 'verified'
            ELSE 'rechecked' END AS status) s`,
    [ORG, OFFICIAL],
  );
  await q('ANALYZE');
  return { orgId: ORG, officialId: OFFICIAL, facilityId: md5uuid('f1'), unitId: md5uuid('u1') };
}

/** The same uuid PostgreSQL's md5(text)::uuid gives. */
function md5uuid(s: string): string {
  const h = createHash('md5').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
