/**
 * Where an append's time goes on PostgreSQL: appendLedgerEntry (Drizzle) next to the same three
 * statements sent as prepared statements through `pg`, and the bare costs of a round trip and a
 * commit. Not run by `npm run bench`; interleaved rounds, median.
 *
 *   node --import tsx bench/ledger-append.profile.ts      PROFILE_APPENDS=2000 PROFILE_ROUNDS=3
 *
 * Results: bench/results/ledger-append-profile.{json,md}.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/database.ts';
import { appendLedgerEntry } from '../apps/server/src/platform/ledger/appendLedgerEntry.ts';
import { verifyChain } from '../apps/server/src/platform/ledger/verifyChain.ts';
import { hashEntry, hashPayload } from '../apps/server/src/platform/ledger/ledger.hash.ts';
import { RESULTS_DIR, createTempDatabase, loadAverage, log, machineInfo, mdTable, median, round, table, timed } from './lib/common.ts';
import { makeEvent } from './lib/workload.ts';

const N = Number(process.env.PROFILE_APPENDS ?? 2_000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 3);

async function main() {
  const machine = machineInfo();
  const temp = await createTempDatabase(`baqylau_bench_append_${process.pid}`);
  const database = await openPostgres(temp.url, 2);
  const c = new pg.Client({ connectionString: temp.url });
  await c.connect();
  try {
    await database.migrate();
    await c.query('CREATE TABLE probe_commit (x int)');
    const db = database.db;
    let i = 0;
    const orgs: string[] = [];
    const newOrg = () => {
      const o = randomUUID();
      orgs.push(o);
      return o;
    };

    /** The three statements of appendLedgerEntry, as named (prepared) statements. */
    async function rawAppend(org: string) {
      const e = makeEvent(org, ++i);
      const { rows } = await c.query({
        name: 'lock',
        text: `INSERT INTO ledger_heads (organisation_id, seq, entry_hash) VALUES ($1, 0, $2)
               ON CONFLICT (organisation_id) DO UPDATE SET seq = ledger_heads.seq RETURNING seq, entry_hash`,
        values: [org, '0'.repeat(64)],
      });
      const recordedAt = new Date(Math.floor(Date.now()));
      const payloadHash = hashPayload(e.payload);
      const f = {
        organisationId: org,
        seq: Number(rows[0].seq) + 1,
        recordedAt,
        actorKind: e.actor.kind,
        actorId: e.actor.id,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        payloadHash,
        prevHash: rows[0].entry_hash as string,
      };
      const entryHash = hashEntry(f);
      await c.query({
        name: 'insert',
        text: `INSERT INTO ledger_entries (organisation_id, seq, recorded_at, actor_kind, actor_id, action, subject_type, subject_id, payload, payload_hash, prev_hash, entry_hash)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        values: [
          org,
          f.seq,
          recordedAt,
          f.actorKind,
          f.actorId,
          f.action,
          f.subjectType,
          f.subjectId,
          e.payload,
          payloadHash,
          f.prevHash,
          entryHash,
        ],
      });
      await c.query({
        name: 'move',
        text: 'UPDATE ledger_heads SET seq = $2, entry_hash = $3 WHERE organisation_id = $1',
        values: [org, f.seq, entryHash],
      });
    }

    const variants: { id: string; what: string; n: number; run: () => Promise<void> }[] = [
      {
        id: 'round-trip',
        what: '`SELECT 1` through pg (one network round trip)',
        n: N,
        run: async () => {
          for (let k = 0; k < N; k++) await c.query('SELECT 1');
        },
      },
      {
        id: 'commit',
        what: 'one-row INSERT, autocommit (round trip + WAL flush)',
        n: N / 4,
        run: async () => {
          for (let k = 0; k < N / 4; k++) await c.query({ name: 'c', text: 'INSERT INTO probe_commit VALUES (1)' });
        },
      },
      {
        id: 'drizzle-batched',
        what: 'appendLedgerEntry, 100 per transaction (per append: 3 statements, no commit)',
        n: N,
        run: async () => {
          const org = newOrg();
          for (let b = 0; b < N / 100; b++)
            await db.transaction(async (tx) => {
              for (let k = 0; k < 100; k++) await appendLedgerEntry(tx, makeEvent(org, ++i), new Date());
            });
        },
      },
      {
        id: 'raw-prepared-batched',
        what: 'same 3 statements as prepared statements via pg, 100 per transaction',
        n: N,
        run: async () => {
          const org = newOrg();
          for (let b = 0; b < N / 100; b++) {
            await c.query('BEGIN');
            for (let k = 0; k < 100; k++) await rawAppend(org);
            await c.query('COMMIT');
          }
        },
      },
      {
        id: 'drizzle-tx-each',
        what: 'appendLedgerEntry, one transaction each (BEGIN, 3 statements, COMMIT)',
        n: N / 4,
        run: async () => {
          const org = newOrg();
          for (let k = 0; k < N / 4; k++) await db.transaction((tx) => appendLedgerEntry(tx, makeEvent(org, ++i), new Date()));
        },
      },
      {
        id: 'raw-prepared-tx-each',
        what: 'same, prepared statements via pg, one transaction each',
        n: N / 4,
        run: async () => {
          const org = newOrg();
          for (let k = 0; k < N / 4; k++) {
            await c.query('BEGIN');
            await rawAppend(org);
            await c.query('COMMIT');
          }
        },
      },
    ];
    const us = new Map<string, number[]>(variants.map((v) => [v.id, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of variants) {
        const { ms } = await timed(v.run);
        us.get(v.id)!.push((ms * 1000) / v.n);
        log(`round ${r + 1} ${v.id.padEnd(22)} ${((ms * 1000) / v.n).toFixed(0)} µs each (load ${loadAverage()})`);
      }
    }
    // Both ways of appending must leave valid chains.
    for (const org of orgs) {
      const v = await verifyChain(db, org, new Map());
      if (!v.ok) throw new Error(`chain ${org} does not verify: ${JSON.stringify(v)}`);
    }
    const rows = variants.map((v) => ({
      id: v.id,
      what: v.what,
      medianUs: round(median(us.get(v.id)!)),
      runsUs: us.get(v.id)!.map((x) => round(x)),
    }));
    const header = ['variant', 'median µs', 'per second', 'runs (µs)', 'what'];
    const cells = rows.map((r) => [r.id, r.medianUs, Math.round(1e6 / r.medianUs), r.runsUs.join(' / '), r.what]);
    console.log(table(header, cells));
    machine.loadAverage.end = loadAverage();
    const report = {
      benchmark: 'ledger-append-profile',
      date: new Date().toISOString(),
      appends: N,
      rounds: ROUNDS,
      machine,
      variants: rows,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'ledger-append-profile.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(
      path.join(RESULTS_DIR, 'ledger-append-profile.md'),
      [
        '# One ledger append on PostgreSQL: where the time goes',
        '',
        `Run ${report.date} on ${machine.nproc} cores, Node ${machine.node}, PostgreSQL on localhost (TCP); load average ${machine.loadAverage.start} → ${machine.loadAverage.end}. ` +
          `Command: \`node --import tsx bench/ledger-append.profile.ts\` (PROFILE_APPENDS=${N}, PROFILE_ROUNDS=${ROUNDS}); variants interleaved, median. All chains verified afterwards.`,
        '',
        mdTable(header, cells, 'lrrrl'),
        '',
      ].join('\n'),
    );
  } finally {
    await c.end();
    await database.close();
    await temp.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
