/**
 * Where an append's time goes on PostgreSQL, and what prepared statements would give:
 * appendLedgerEntry (Drizzle: BEGIN, lock head, insert entry + move head in one statement, COMMIT)
 * next to the same two statements sent through `pg`, unnamed (as Drizzle sends them) and as named
 * (prepared) statements, plus the bare
 * costs of a round trip and a commit. Not run by `npm run bench`; interleaved rounds, median.
 *
 *   node --import tsx bench/ledger-append.profile.ts      PROFILE_APPENDS=2000 PROFILE_ROUNDS=5
 *
 * The prepared statements use the SQL text Drizzle generates for the server's appendLedgerEntry
 * (captured from its query logger), so they cannot drift from it; the hashes are computed with the
 * server's functions. Every chain written is verified with verifyChain afterwards.
 * Results: bench/results/ledger-append-profile.{json,md}.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/database.ts';
import { appendLedgerEntry } from '../apps/server/src/platform/ledger/appendLedgerEntry.ts';
import { GENESIS_HASH, canonicalJson, hashEntry, sha256Hex } from '../apps/server/src/platform/ledger/ledger.hash.ts';
import type { LedgerEvent } from '../apps/server/src/platform/ledger/ledger.types.ts';
import { verifyChain } from '../apps/server/src/platform/ledger/verifyChain.ts';
import { captureStatements } from './lib/capture.ts';
import { RESULTS_DIR, createTempDatabase, loadAverage, log, machineInfo, mdTable, median, round, table, timed } from './lib/common.ts';
import { makeEvent } from './lib/workload.ts';

const N = Number(process.env.PROFILE_APPENDS ?? 2_000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 5);
const CLIENTS = 8;

async function main() {
  const machine = machineInfo();
  log(`append profile: ${N} appends, ${ROUNDS} rounds; load ${machine.loadAverage.start}`);
  const temp = await createTempDatabase(`baqylau_bench_append_${process.pid}`);
  const database = await openPostgres(temp.url, CLIENTS);
  const clients = Array.from({ length: CLIENTS }, () => new pg.Client({ connectionString: temp.url }));
  await Promise.all(clients.map((x) => x.connect()));
  const c = clients[0]!;
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

    // The two statements appendLedgerEntry sends, exactly as Drizzle generates them.
    const probeOrg = newOrg();
    const captured = await captureStatements(temp.url, (d) =>
      d.transaction((tx) => appendLedgerEntry(tx, makeEvent(probeOrg, ++i), new Date())),
    );
    if (captured.length !== 2)
      throw new Error(`appendLedgerEntry sent ${captured.length} statements, expected 2:\n${captured.map((s) => s.text).join('\n')}`);
    const [lockSql, insertSql] = captured.map((s) => s.text) as [string, string];
    log(`appendLedgerEntry statements:\n  ${lockSql}\n  ${insertSql}`);

    /**
     * appendLedgerEntry's steps with its two statements sent straight through `pg` on `client`: as named
     * (prepared: parsed and planned once per connection) statements, or unnamed (parsed and planned
     * every time, as Drizzle sends them) to separate what preparing gives from what skipping Drizzle gives.
     */
    async function pgAppend(named: boolean, client: pg.Client, event: LedgerEvent, now = new Date()) {
      const { rows } = await client.query<{ seq: string; entry_hash: string }>({
        name: named ? 'ledger-lock-head' : undefined,
        text: lockSql,
        values: [event.organisationId, 0, GENESIS_HASH],
      });
      const recordedAt = new Date(Math.floor(now.getTime()));
      const payload = canonicalJson(event.payload);
      const payloadHash = sha256Hex(payload);
      const f = {
        organisationId: event.organisationId,
        seq: Number(rows[0]!.seq) + 1,
        recordedAt,
        actorKind: event.actor.kind,
        actorId: event.actor.id,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        payloadHash,
        prevHash: rows[0]!.entry_hash,
      };
      const entryHash = hashEntry(f);
      // Parameter order of Drizzle's statement: the entry's columns in table order, then the head's seq, hash, organisation.
      await client.query({
        name: named ? 'ledger-insert-entry-move-head' : undefined,
        text: insertSql,
        values: [
          f.organisationId,
          f.seq,
          recordedAt.toISOString(),
          f.actorKind,
          f.actorId,
          f.action,
          f.subjectType,
          f.subjectId,
          payload,
          payloadHash,
          f.prevHash,
          entryHash,
          f.seq,
          entryHash,
          f.organisationId,
        ],
      });
    }
    const inTx = async (client: pg.Client, fn: () => Promise<void>) => {
      await client.query('BEGIN');
      try {
        await fn();
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    };
    /** CLIENTS clients, each appending to its own organisation, `N / CLIENTS` transactions each. */
    const concurrently = async (one: (k: number, org: string) => Promise<unknown>) => {
      const own = Array.from({ length: CLIENTS }, () => newOrg());
      await Promise.all(
        own.map(async (org, k) => {
          for (let j = 0; j < N / CLIENTS; j++) await one(k, org);
        }),
      );
    };

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
        what: 'appendLedgerEntry, 100 per transaction (per append: 2 statements, no commit)',
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
        id: 'unprepared-batched',
        what: 'same 2 statements via pg, unnamed (parsed and planned each time, as Drizzle sends them), 100 per transaction',
        n: N,
        run: async () => {
          const org = newOrg();
          for (let b = 0; b < N / 100; b++)
            await inTx(c, async () => {
              for (let k = 0; k < 100; k++) await pgAppend(false, c, makeEvent(org, ++i));
            });
        },
      },
      {
        id: 'prepared-batched',
        what: 'same 2 statements as named prepared statements via pg, 100 per transaction',
        n: N,
        run: async () => {
          const org = newOrg();
          for (let b = 0; b < N / 100; b++)
            await inTx(c, async () => {
              for (let k = 0; k < 100; k++) await pgAppend(true, c, makeEvent(org, ++i));
            });
        },
      },
      {
        id: 'drizzle-tx-each',
        what: 'appendLedgerEntry, one transaction each (BEGIN, 2 statements, COMMIT), 1 client',
        n: N / 4,
        run: async () => {
          const org = newOrg();
          for (let k = 0; k < N / 4; k++) await db.transaction((tx) => appendLedgerEntry(tx, makeEvent(org, ++i), new Date()));
        },
      },
      {
        id: 'unprepared-tx-each',
        what: 'same, unnamed statements via pg, one transaction each, 1 client',
        n: N / 4,
        run: async () => {
          const org = newOrg();
          for (let k = 0; k < N / 4; k++) await inTx(c, () => pgAppend(false, c, makeEvent(org, ++i)));
        },
      },
      {
        id: 'prepared-tx-each',
        what: 'same, prepared statements via pg, one transaction each, 1 client',
        n: N / 4,
        run: async () => {
          const org = newOrg();
          for (let k = 0; k < N / 4; k++) await inTx(c, () => pgAppend(true, c, makeEvent(org, ++i)));
        },
      },
      {
        id: 'drizzle-concurrent',
        what: `appendLedgerEntry, one transaction each, ${CLIENTS} clients (pool of ${CLIENTS}), ${CLIENTS} organisations`,
        n: N,
        run: () => concurrently((_, org) => db.transaction((tx) => appendLedgerEntry(tx, makeEvent(org, ++i), new Date()))),
      },
      {
        id: 'unprepared-concurrent',
        what: `same, unnamed statements via pg, ${CLIENTS} connections, ${CLIENTS} organisations`,
        n: N,
        run: () => concurrently((k, org) => inTx(clients[k]!, () => pgAppend(false, clients[k]!, makeEvent(org, ++i)))),
      },
      {
        id: 'prepared-concurrent',
        what: `same, prepared statements via pg, ${CLIENTS} connections, ${CLIENTS} organisations`,
        n: N,
        run: () => concurrently((k, org) => inTx(clients[k]!, () => pgAppend(true, clients[k]!, makeEvent(org, ++i)))),
      },
    ];
    const us = new Map<string, number[]>(variants.map((v) => [v.id, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of variants) {
        const { ms } = await timed(v.run);
        us.get(v.id)!.push((ms * 1000) / v.n);
        log(`round ${r + 1} ${v.id.padEnd(20)} ${((ms * 1000) / v.n).toFixed(0)} µs each (load ${loadAverage()})`);
      }
    }
    // Both ways of appending must leave valid chains.
    for (const org of orgs) {
      const v = await verifyChain(db, org, new Map());
      if (!v.ok || v.entries === 0) throw new Error(`chain ${org} does not verify: ${JSON.stringify(v)}`);
    }
    log(`${orgs.length} chains verify`);
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
      statements: { lockHead: lockSql, insertEntryAndMoveHead: insertSql },
      variants: rows,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'ledger-append-profile.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(
      path.join(RESULTS_DIR, 'ledger-append-profile.md'),
      [
        '# One ledger append on PostgreSQL: where the time goes, and prepared statements',
        '',
        `Run ${report.date} on ${machine.nproc} cores, Node ${machine.node}, PostgreSQL on localhost (TCP); load average ${machine.loadAverage.start} → ${machine.loadAverage.end}. ` +
          `Command: \`node --import tsx bench/ledger-append.profile.ts\` (PROFILE_APPENDS=${N}, PROFILE_ROUNDS=${ROUNDS}); variants interleaved, median. ` +
          `µs = wall time per append (for ${CLIENTS} clients: elapsed ÷ appends). All chains verified afterwards.`,
        '',
        mdTable(header, cells, 'lrrrl'),
        '',
        "The unprepared and prepared variants send appendLedgerEntry's two statements with the SQL text Drizzle generates for it (captured from its query logger) through `pg`, unnamed or as named statements:",
        '',
        '```sql',
        lockSql,
        insertSql,
        '```',
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.all(clients.map((x) => x.end()));
    await database.close();
    await temp.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
