/**
 * Where verifyChain's time goes on a big PostgreSQL chain, and what candidate fixes would gain.
 * Not run by `npm run bench`: it times prototypes next to the real verifyChain, on one chain, in
 * interleaved rounds (so machine load affects all variants alike).
 *
 *   node --import tsx bench/ledger-verify.profile.ts      PROFILE_ENTRIES=1000000 PROFILE_ROUNDS=2
 *
 * Every prototype checks the full chain (sequence, previous hash, entry hash, and — except where
 * marked "simulated" — payload hash) against the stored hashes, so a wrong shortcut fails loudly.
 * Results: bench/results/ledger-verify-profile.json and .md.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/database.ts';
import { instanceKeyFrom } from '../apps/server/src/platform/keys/instance-key.ts';
import { GENESIS_HASH, hashPayload, sha256Hex } from '../apps/server/src/platform/ledger/ledger.hash.ts';
import { verifyChain } from '../apps/server/src/platform/ledger/verifyChain.ts';
import { RESULTS_DIR, createTempDatabase, fmt, loadAverage, log, machineInfo, mdTable, median, round, table, timed } from './lib/common.ts';
import { buildChain } from './lib/workload.ts';

const N = Number(process.env.PROFILE_ENTRIES ?? 1_000_000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 2);
const PAGE = 10_000;

type Row = string[];

async function main() {
  const machine = machineInfo();
  const key = instanceKeyFrom(generateKeyPairSync('ed25519').privateKey);
  const temp = await createTempDatabase(`baqylau_bench_profile_${process.pid}`);
  const database = await openPostgres(temp.url, 2);
  // Text in, text out: no type parsing, rows as arrays.
  const raw = new pg.Client({ connectionString: temp.url, types: { getTypeParser: () => (v: string) => v } });
  await raw.connect();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    await database.migrate();
    const org = randomUUID();
    log(`building a chain of ${fmt(N)} entries`);
    const built = await buildChain((t, p) => raw.query(t, p), org, N, key);
    log(`  built in ${(built.buildMs / 1000).toFixed(1)} s`);
    const publicKeys = new Map([[key.fingerprint, key.publicKeyPem]]);

    // Only the columns the hashes need; the timestamp formatted by PostgreSQL exactly as toISOString() would.
    const Q = `SELECT seq, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), actor_kind, actor_id, action,
      subject_type, subject_id, payload, payload_hash, prev_hash, entry_hash
      FROM ledger_entries WHERE organisation_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`;
    const fetchPage = async (after: number) =>
      (await raw.query<Row>({ name: 'page', text: Q, values: [org, after], rowMode: 'array' })).rows;

    /** Pages in order, the next one requested while the caller works on the current one. */
    async function pages(onPage: (rows: Row[]) => void | Promise<void>) {
      let next = fetchPage(0);
      let n = 0;
      for (;;) {
        const rows = await next;
        if (rows.length === PAGE) next = fetchPage(Number(rows.at(-1)![0]));
        await onPage(rows);
        n += rows.length;
        if (rows.length < PAGE) return n;
      }
    }
    const links = () => {
      let expected = 1;
      let prev = GENESIS_HASH;
      return (r: Row) => {
        if (Number(r[0]) !== expected || r[9] !== prev) throw new Error(`chain broken at ${expected}`);
        prev = r[10]!;
        expected++;
      };
    };
    const entryHash = (r: Row) =>
      sha256Hex(JSON.stringify(['baqylau-ledger-v1', org, Number(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[8], r[9]]));
    const mainThread = (payloadAsStoredText: boolean) => async () => {
      const link = links();
      return pages((rows) => {
        for (const r of rows) {
          link(r);
          if (payloadAsStoredText) sha256Hex(r[7]!);
          else if (hashPayload(JSON.parse(r[7]!)) !== r[8]) throw new Error(`payload hash at ${r[0]}`);
          if (entryHash(r) !== r[10]) throw new Error(`entry hash at ${r[0]}`);
        }
      });
    };
    // Started once, outside the timings (a server would keep its worker).
    const workers = [false, true].map(
      (payloadAsStoredText) =>
        new Worker(new URL('./lib/verify-worker.mjs', import.meta.url), { workerData: { organisationId: org, payloadAsStoredText } }),
    );
    cleanups.push(() => Promise.all(workers.map((w) => w.terminate())).then(() => undefined));
    const inWorker = (payloadAsStoredText: boolean) => async () => {
      const worker = workers[payloadAsStoredText ? 1 : 0]!;
      const inFlight: Promise<void>[] = [];
      const link = links();
      {
        const n = await pages(async (rows) => {
          for (const r of rows) link(r);
          inFlight.push(
            new Promise((resolve, reject) => {
              worker.once('message', (m: { bad: number | null; fault?: string }) =>
                m.bad === null ? resolve() : reject(new Error(`${m.fault} at ${m.bad}`)),
              );
              worker.postMessage(rows);
            }),
          );
          if (inFlight.length >= 2) await inFlight.shift();
        });
        await Promise.all(inFlight);
        return n;
      }
    };

    const variants: { id: string; description: string; run: () => Promise<number> }[] = [
      {
        id: 'as-is',
        description: 'verifyChain as it is (Drizzle, page 10,000, all columns, hashing on the main thread)',
        run: async () => {
          const r = await verifyChain(database.db, org, publicKeys);
          if (!r.ok) throw new Error(JSON.stringify(r));
          return r.entries;
        },
      },
      {
        id: 'fetch-floor',
        description: 'fetch only: raw pg rows as text arrays, 11 needed columns, next page prefetched, no checks',
        run: () => pages(() => undefined),
      },
      { id: 'raw-main', description: 'raw text rows + prefetch, all checks on the main thread', run: mainThread(false) },
      { id: 'raw-worker', description: 'raw text rows + prefetch, payload and entry hashes in one worker thread', run: inWorker(false) },
      {
        id: 'raw-main-text-payload',
        description: 'as raw-main, payload hash = sha256 of stored canonical text (simulated: no parse/canonicalize)',
        run: mainThread(true),
      },
      {
        id: 'raw-worker-text-payload',
        description: 'as raw-worker, payload hash = sha256 of stored canonical text (simulated)',
        run: inWorker(true),
      },
    ];
    const times = new Map<string, number[]>(variants.map((v) => [v.id, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of variants) {
        const { ms, value } = await timed(v.run);
        if (value !== N) throw new Error(`${v.id}: ${value} entries, expected ${N}`);
        times.get(v.id)!.push(ms);
        log(`round ${r + 1} ${v.id.padEnd(24)} ${(ms / 1000).toFixed(2)} s (load ${loadAverage()})`);
      }
    }
    const asIs = median(times.get('as-is')!);
    const rows = variants.map((v) => {
      const m = median(times.get(v.id)!);
      return {
        id: v.id,
        description: v.description,
        runsMs: times.get(v.id)!.map((x) => round(x)),
        medianMs: round(m),
        speedup: round(asIs / m, 2),
      };
    });
    const header = ['variant', 'median', 'runs (s)', 'vs as-is', 'what'];
    const cells = rows.map((r) => [
      r.id,
      `${(r.medianMs / 1000).toFixed(2)} s`,
      r.runsMs.map((x) => (x / 1000).toFixed(2)).join(' / '),
      `${r.speedup.toFixed(2)}×`,
      r.description,
    ]);
    console.log(table(header, cells));
    machine.loadAverage.end = loadAverage();
    const report = {
      benchmark: 'ledger-verify-profile',
      date: new Date().toISOString(),
      entries: N,
      rounds: ROUNDS,
      machine,
      variants: rows,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'ledger-verify-profile.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(
      path.join(RESULTS_DIR, 'ledger-verify-profile.md'),
      [
        `# verifyChain on ${fmt(N)} PostgreSQL entries: as it is vs candidate fixes`,
        '',
        `Run ${report.date} on ${machine.nproc} cores (${machine.cpuModel}), Node ${machine.node}; load average ${machine.loadAverage.start} → ${machine.loadAverage.end}. ` +
          `Command: \`node --import tsx bench/ledger-verify.profile.ts\` (PROFILE_ENTRIES=${N}, PROFILE_ROUNDS=${ROUNDS}); variants interleaved, median of ${ROUNDS}.`,
        '',
        mdTable(header, cells, 'lrrrl'),
        '',
        'Prototypes only (bench/ledger-verify.profile.ts); verifyChain itself is unchanged. "Simulated" rows hash the stored jsonb text instead of the canonical JSON, to show what storing the canonical payload text would cost; their payload hashes are not compared.',
        '',
      ].join('\n'),
    );
  } finally {
    for (const c of cleanups) await c();
    await raw.end();
    await database.close();
    await temp.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
