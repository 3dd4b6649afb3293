/**
 * Where verifyChain's time goes on a big PostgreSQL chain, and what a hashing worker thread would
 * gain on top of it. Not run by `npm run bench`: it times prototypes next to the real verifyChain,
 * on one chain, in interleaved rounds (so machine load affects all variants alike).
 *
 *   node --import tsx bench/ledger-verify.profile.ts      PROFILE_ENTRIES=1000000 PROFILE_ROUNDS=2
 *
 * verifyChain reads pages with readChainPage (lean raw SQL, next page prefetched) and hashes the
 * stored payload text on the main thread. The prototypes send readChainPage's own SQL (captured from
 * Drizzle) with the ORDER BY in index order, then move the hashing to worker threads, or drop it to
 * show what remains (the fetch). Every prototype that hashes
 * checks the full chain (sequence, previous hash, payload hash, entry hash) against the stored hashes,
 * so a wrong shortcut fails loudly. Results: bench/results/ledger-verify-profile.json and .md.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/database.ts';
import { instanceKeyFrom } from '../apps/server/src/platform/keys/instance-key.ts';
import { GENESIS_HASH, hashEntry, sha256Hex } from '../apps/server/src/platform/ledger/ledger.hash.ts';
import { readChainPage, type ChainRow } from '../apps/server/src/platform/ledger/ledger.repository.ts';
import { verifyChain } from '../apps/server/src/platform/ledger/verifyChain.ts';
import { captureStatements } from './lib/capture.ts';
import { RESULTS_DIR, createTempDatabase, fmt, loadAverage, log, machineInfo, mdTable, median, round, table, timed } from './lib/common.ts';
import { buildChain } from './lib/workload.ts';

const N = Number(process.env.PROFILE_ENTRIES ?? 1_000_000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 2);
/** verifyChain's page size. */
const PAGE = 10_000;
/** Rows held in memory for the hash-only variant (checked in turn until N entries are done). */
const HASH_ONLY_ROWS = Math.min(N, 100_000);

/** A worker thread running the hashing half of checkEntry (bench/lib/verify-worker.mjs); replies matched by id. */
class HashWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 0;
  constructor(organisationId: string) {
    this.worker = new Worker(new URL('./lib/verify-worker.mjs', import.meta.url), { workerData: { organisationId } });
    this.worker.on('message', (m: { id: number; bad: number | null; fault?: string }) => {
      const p = this.pending.get(m.id)!;
      this.pending.delete(m.id);
      if (m.bad === null) p.resolve();
      else p.reject(new Error(`${m.fault} at ${m.bad}`));
    });
    this.worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }
  /** Resolves once the worker answered (started once, outside the timings, as a server would keep it). */
  ready() {
    return this.check('noop', []);
  }
  check(mode: 'objects' | 'arrays' | 'noop', rows: unknown[]): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, mode, rows });
    });
  }
  terminate() {
    return this.worker.terminate();
  }
}

async function main() {
  const machine = machineInfo();
  log(`verify profile: ${fmt(N)} entries, ${ROUNDS} rounds; load ${machine.loadAverage.start}`);
  const key = instanceKeyFrom(generateKeyPairSync('ed25519').privateKey);
  const temp = await createTempDatabase(`baqylau_bench_profile_${process.pid}`);
  const database = await openPostgres(temp.url, 2);
  const db = database.db;
  // Text in, text out: no type parsing, rows as arrays.
  const raw = new pg.Client({ connectionString: temp.url, types: { getTypeParser: () => (v: string) => v } });
  await raw.connect();
  const workers: HashWorker[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  try {
    await database.migrate();
    const org = randomUUID();
    log(`building a chain of ${fmt(N)} entries`);
    const built = await buildChain((t, p) => raw.query(t, p), org, N, key);
    log(`  built in ${(built.buildMs / 1000).toFixed(1)} s`);
    const publicKeys = new Map([[key.fingerprint, key.publicKeyPem]]);

    /** Pages in order, the next one requested before the caller works on the current one (as verifyChain does). */
    async function pages<R>(
      fetchPage: (after: number) => Promise<R[]>,
      seqOf: (r: R) => number,
      onPage: (rows: R[]) => void | Promise<void>,
    ) {
      let next: Promise<R[]> | undefined = fetchPage(0);
      let n = 0;
      while (next) {
        const rows: R[] = await next;
        next = rows.length === PAGE ? fetchPage(seqOf(rows.at(-1)!)) : undefined;
        await onPage(rows);
        n += rows.length;
      }
      return n;
    }
    /** The link checks of checkEntry (sequence, previous hash): cheap, kept on the main thread. */
    const links = () => {
      let expected = 1;
      let prev = GENESIS_HASH;
      return (r: Pick<ChainRow, 'seq' | 'prevHash' | 'entryHash'>) => {
        if (r.seq !== expected || r.prevHash !== prev) throw new Error(`chain broken at ${expected}`);
        prev = r.entryHash;
        expected++;
      };
    };
    /** The hash checks of checkEntry, as verifyChain makes them. */
    const hashes = (r: ChainRow) => {
      if (sha256Hex(r.payload) !== r.payloadHash) throw new Error(`payload hash at ${r.seq}`);
      if (hashEntry({ ...r, organisationId: org }) !== r.entryHash) throw new Error(`entry hash at ${r.seq}`);
    };

    // readChainPage's exact SQL. Its ORDER BY names "seq", which PostgreSQL resolves to the output column
    // `seq::float8 AS "seq"`, not to the indexed column: every page becomes a scan + sort of the rest of the
    // chain. The index-order variants send the same SQL with the ORDER BY qualified (ledger_entries.seq).
    const [pageSql] = await captureStatements(temp.url, (d) => readChainPage(d, org, 0, 1));
    const orderedSql = pageSql!.text.replace(/ORDER BY seq\b/i, 'ORDER BY ledger_entries.seq');
    const patched = orderedSql !== pageSql!.text;
    log(
      patched
        ? 'readChainPage orders by its float8 output column; index-order variants qualify it'
        : 'readChainPage already orders by the column',
    );
    const orderNote = patched
      ? "readChainPage's SQL with ORDER BY ledger_entries.seq instead of the float8 output column (index order, no sort)"
      : "readChainPage's SQL (already in index order)";
    // Same parsing as readChainPage through Drizzle: pg's default parsers (float8 → number), rows as objects.
    const objects = new pg.Client({ connectionString: temp.url });
    await objects.connect();
    cleanups.push(() => objects.end());
    const fetchOrdered = async (after: number) => (await objects.query<ChainRow>(orderedSql, [org, after, PAGE])).rows;
    const fetchOrderedRaw = async (after: number) =>
      (await raw.query<string[]>({ text: orderedSql, values: [org, after, PAGE], rowMode: 'array' })).rows;
    const orderedPages = (onPage: (rows: ChainRow[]) => void | Promise<void>) => pages(fetchOrdered, (r) => r.seq, onPage);

    for (let k = 0; k < 2; k++) workers.push(new HashWorker(org));
    await Promise.all(workers.map((w) => w.ready()));
    /** Pages fetched on the main thread, links checked there, each page handed to the next worker. */
    const inWorkers = (count: number, mode: 'objects' | 'arrays' | 'noop') => async () => {
      const pool = workers.slice(0, count);
      const inFlight: Promise<void>[] = [];
      const link = links();
      let k = 0;
      const onPage = async (rows: unknown[], linkRows: () => void) => {
        linkRows();
        inFlight.push(pool[k++ % pool.length]!.check(mode, rows));
        // At most two pages queued per worker: memory stays bounded, the workers never wait for the fetch.
        if (inFlight.length >= 2 * pool.length) await inFlight.shift();
      };
      const n =
        mode === 'arrays'
          ? await pages(
              fetchOrderedRaw,
              (r) => Number(r[1]),
              (rows) =>
                onPage(rows, () => {
                  for (const r of rows) link({ seq: Number(r[1]), prevHash: r[10]!, entryHash: r[11]! });
                }),
            )
          : await orderedPages((rows) =>
              onPage(rows, () => {
                for (const r of rows) link(r);
              }),
            );
      await Promise.all(inFlight);
      return n;
    };

    // Rows held in memory for hash-only, loaded just before it (untimed) and dropped after it, so the
    // other variants run with the same small heap as verifyChain in the server.
    let cached: ChainRow[] = [];
    const loadCached = async () => {
      for (let after = 0; cached.length < HASH_ONLY_ROWS;) {
        const rows = await readChainPage(db, org, after, Math.min(PAGE, HASH_ONLY_ROWS - cached.length));
        cached.push(...rows);
        after = rows.at(-1)!.seq;
      }
    };

    const variants: { id: string; description: string; setup?: () => Promise<void>; teardown?: () => void; run: () => Promise<number> }[] =
      [
        {
          id: 'verifyChain',
          description:
            'verifyChain as it is: readChainPage (raw SQL through Drizzle, page 10,000), next page prefetched, sha256 of stored payload text + hashEntry on the main thread',
          run: async () => {
            const r = await verifyChain(db, org, publicKeys);
            if (!r.ok) throw new Error(JSON.stringify(r));
            return r.entries;
          },
        },
        {
          id: 'index-order-main',
          description: `verifyChain's loop (prefetch, all checks on the main thread) over ${orderNote}`,
          run: async () => {
            const link = links();
            return orderedPages((rows) => {
              for (const r of rows) {
                link(r);
                hashes(r);
              }
            });
          },
        },
        {
          id: 'index-order-worker-1',
          description:
            'as index-order-main, links checked on the main thread, payload and entry hashes in 1 worker thread (pages posted as row objects)',
          run: inWorkers(1, 'objects'),
        },
        {
          id: 'index-order-worker-2',
          description: 'as index-order-worker-1 with 2 worker threads, pages dealt in turn',
          run: inWorkers(2, 'objects'),
        },
        {
          id: 'index-order-worker-1-arrays',
          description:
            'as index-order-worker-1, pages fetched and posted as text arrays (pg rowMode array, no type parsing, cheaper to copy)',
          run: inWorkers(1, 'arrays'),
        },
        {
          id: 'index-order-transfer-only',
          description: 'as index-order-worker-1, but the worker answers without hashing: fetch + handing row objects to a thread',
          run: inWorkers(1, 'noop'),
        },
        {
          id: 'index-order-fetch-only',
          description: 'index-order pages as row objects, prefetch, no checks: what remains if hashing cost nothing',
          run: () => orderedPages(() => undefined),
        },
        {
          id: 'index-order-fetch-raw',
          description:
            'index-order pages through pg as text arrays (no type parsing, no row objects), prefetch, no checks: server + wire floor',
          run: () =>
            pages(
              fetchOrderedRaw,
              (r) => Number(r[1]),
              () => undefined,
            ),
        },
        {
          id: 'hash-only',
          description: `hashing only, main thread, no fetch: ${fmt(HASH_ONLY_ROWS)} rows held in memory, checked in turn until ${fmt(N)} entries are done`,
          setup: loadCached,
          teardown: () => {
            cached = [];
          },
          run: async () => {
            for (let i = 0; i < N; i++) hashes(cached[i % HASH_ONLY_ROWS]!);
            return N;
          },
        },
      ];
    const times = new Map<string, number[]>(variants.map((v) => [v.id, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of variants) {
        await v.setup?.();
        const { ms, value } = await timed(v.run);
        v.teardown?.();
        if (value !== N) throw new Error(`${v.id}: ${value} entries, expected ${N}`);
        times.get(v.id)!.push(ms);
        log(`round ${r + 1} ${v.id.padEnd(12)} ${(ms / 1000).toFixed(2)} s (load ${loadAverage()})`);
      }
    }
    const base = median(times.get('verifyChain')!);
    const rows = variants.map((v) => {
      const m = median(times.get(v.id)!);
      return {
        id: v.id,
        description: v.description,
        runsMs: times.get(v.id)!.map((x) => round(x)),
        medianMs: round(m),
        vsVerifyChain: round(base / m, 2),
      };
    });
    const header = ['variant', 'median', 'runs (s)', 'vs verifyChain', 'what'];
    const cells = rows.map((r) => [
      r.id,
      `${(r.medianMs / 1000).toFixed(2)} s`,
      r.runsMs.map((x) => (x / 1000).toFixed(2)).join(' / '),
      `${r.vsVerifyChain.toFixed(2)}×`,
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
      readChainPageSql: pageSql!.text,
      indexOrderSql: patched ? orderedSql : undefined,
      variants: rows,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'ledger-verify-profile.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(
      path.join(RESULTS_DIR, 'ledger-verify-profile.md'),
      [
        `# verifyChain on ${fmt(N)} PostgreSQL entries: as it is, with the page query in index order, with a hashing worker thread, and what remains`,
        '',
        `Run ${report.date} on ${machine.nproc} cores (${machine.cpuModel}), Node ${machine.node}; load average ${machine.loadAverage.start} → ${machine.loadAverage.end}. ` +
          `Command: \`node --import tsx bench/ledger-verify.profile.ts\` (PROFILE_ENTRIES=${N}, PROFILE_ROUNDS=${ROUNDS}); variants interleaved, median of ${ROUNDS}.`,
        '',
        mdTable(header, cells, 'lrrrl'),
        '',
        'Prototypes only (bench/ledger-verify.profile.ts, bench/lib/verify-worker.mjs); the workers run the server’s own sha256Hex and hashEntry. ' +
          'The fetch-only and fetch-raw variants make no checks; every other variant checks the whole chain.',
        '',
        ...(patched
          ? [
              'readChainPage orders by `seq`, which PostgreSQL resolves to the output column `seq::float8 AS "seq"`, so no index provides the order: each page scans and sorts the rest of the chain. The index-order variants send the same SQL with `ORDER BY ledger_entries.seq`.',
              '',
            ]
          : []),
      ].join('\n'),
    );
  } finally {
    for (const c of cleanups) await c();
    await Promise.all(workers.map((w) => w.terminate()));
    await raw.end();
    await database.close();
    await temp.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
