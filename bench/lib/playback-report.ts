/**
 * results/playback.md from results/playback.json (playback.bench.ts): every figure is read from the JSON, so
 * `--report-only` re-renders a recorded run.
 */
import { mdTable, round } from './common.ts';
import { MiB } from './procs.ts';
import { describeHeadMove } from './code-state.ts';
import { REPO_ROOT } from './demo.ts';

export const NGINX_1 = 'nginx (1 worker)';
export const NGINX_AUTO = 'nginx (auto)';
export const NODE_ALONE = 'Baqylau (Node alone)';
export const FRONTED = 'Baqylau behind nginx (x-accel)';
export const BAQYLAU = [NODE_ALONE, FRONTED];

export interface WrkResult {
  target: string;
  chunk: number;
  requests: number;
  bytes: number;
  durationUs: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyUs: { p50: number; p90: number; p99: number; max: number; mean: number };
  rps: number;
  mbps: number;
  bytesPerRequest: number;
  /** CPU seconds: the server under test (all its processes; by part: nginx's master + workers, the Node server), wrk. */
  cpuSec: { server: number; wrk: number; parts: { nginx?: number; node?: number } };
  /** Cores busy on the whole machine, by processes other than the server and wrk, and stolen by the hypervisor. */
  machine: { busyCores: number; othersCores: number; stealCores: number };
  serverRssMiB?: { before: number; peak: number };
  command: string;
}

type Result = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Summary = Record<string, number | undefined>;

const other = (name: string) => (name === NGINX_AUTO ? NGINX_1 : NGINX_AUTO);
const yes = (b: boolean | undefined) => (b === undefined ? 'n/a' : b ? '**yes**' : '**no**');
const n = (x: number | undefined, digits = 0) =>
  x === undefined || x === null || !Number.isFinite(x) ? 'n/a' : round(x, digits).toLocaleString('en-US');
/** MB/s (10^6 bytes) of 1 MiB ranges that `ms` of CPU per range allows on one core. */
const mbpsPerCore = (ms: number) => n((1000 / ms) * (MiB / 1e6));

export function renderMarkdown(r: Result): string {
  if (!r.summary?.[FRONTED])
    throw new Error(`this playback.json (${r.date}) is from before "${FRONTED}" was measured: run the benchmark again`);
  const m = r.machine;
  const S = r.summary as Record<string, Summary>;
  const node = S[NODE_ALONE]!;
  const front = S[FRONTED]!;
  const ng1 = S[NGINX_1]!;
  const ngA = S[NGINX_AUTO]!;
  const ref = S[r.reference]!;
  const w = r.setup.wrk;
  const g = r.goal;
  const lines: string[] = [];
  const para = (s: string) => lines.push(s, '');
  lines.push(`# Playback: Range requests on the media route, against nginx`, '');
  para(
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (BENCH_QUICK: small sizes, short runs)' : ''}, ${r.durationSec} s. ` +
      `Machine: ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}; ${r.tools.nginx} (Debian ${r.tools.nginxPackage}), ` +
      `${r.tools.wrk} (Debian ${r.tools.wrkPackage}). 1-minute load average: ${m.loads.map((x: { at: string; load1: number }) => `${x.at} ${x.load1}`).join(', ')}.`,
  );
  if (r.code) {
    const c = r.code;
    para(
      `Code measured: ${c.atStart.commit} (${c.atStart.subject})${c.atStart.uncommitted.length ? `, uncommitted: ${c.atStart.uncommitted.join(', ')}` : ''}` +
        `${describeHeadMove(REPO_ROOT, c.atStart.commit, c.atEnd.commit)}.`,
    );
  }
  para(
    `One original of ${n(r.setup.fileBytes / MiB)} MiB (uploaded by the dock agent) lies in the server's object store. wrk ${w.threads} ` +
      `threads, ${w.connections} connections, ${w.durationS} s per run, ${w.rounds} round${w.rounds > 1 ? 's' : ''} with the four targets ` +
      `in rotating order; every request is \`Range: bytes=a-(a+1 MiB-1)\` at a random offset, the same sequence for every target ` +
      `(Lua script below):`,
  );
  lines.push(
    `- **${NGINX_1}** and **${NGINX_AUTO}** (\`worker_processes auto\`): nginx serving the object file directly with sendfile, ` +
      `no authorisation at all. These are the references.`,
    `- **${NODE_ALONE}**: the media route straight on the Baqylau server (\`baqylau demo\`, one Node process). It authorises, logs ` +
      `and sends the bytes itself, as every server does without nginx in front: a request that did not come through the nginx site ` +
      `gets the bytes from Node even with MEDIA_OFFLOAD=x-accel.`,
    `- **${FRONTED}**: nginx (\`worker_processes auto\`) with the site \`baqylau nginx-site\` prints, in front of the same server ` +
      `(started with \`MEDIA_OFFLOAD=x-accel\`). This is the deployment the README recommends for many viewers. Its server CPU is ` +
      `nginx's master and workers plus the Node server.`,
    '',
  );
  para(
    `Both Baqylau targets send the same session cookie (the \`responsible\` account, purpose stated once). wrk runs on the same ` +
      `${m.nproc} cores as the servers; the "other processes" column below is how many cores the rest of this shared machine kept ` +
      'busy during its runs (median, from /proc/stat).',
  );

  lines.push('## Goal', '');
  const ranges = Object.values(r.correctness).flat() as string[];
  const refAndOther = (b: string) =>
    `${r.ratios[b][r.reference].mbps} of ${r.reference} (${other(r.reference)}: ${r.ratios[b][other(r.reference)].mbps}); non-2xx ${S[b]!.non2xx}`;
  const o = r.offload;
  para(
    mdTable(
      ['goal', 'measured', 'met'],
      [
        [`${g.goal}; for ${FRONTED}: the deployment the README recommends for many viewers`, refAndOther(FRONTED), yes(g.met)],
        [
          `the same ratio for ${NODE_ALONE}, for comparison (not the judged deployment)`,
          refAndOther(NODE_ALONE),
          g.nodeAlone.met ? '**yes**' : '**no** (not required of it)',
        ],
        [
          'one "recording.viewed" ledger entry per session, not one per request (both Baqylau targets, one session)',
          `${r.ledger.viewedBefore} entry after the first checks, ${r.ledger.viewedAfter} after ${n(r.ledger.baqylauRequests)} more requests`,
          yes(r.ledger.oneEntryPerSession),
        ],
        [
          'every checked range right (206, Content-Range, bytes equal to the file), on every target before and after the runs',
          ranges.length ? ranges.join('; ') : `${Object.keys(r.correctness).length} × 5 ranges, all right`,
          yes(ranges.length === 0),
        ],
        [
          'behind nginx the bytes come from nginx; straight on Node from Node',
          o.problems.length
            ? o.problems.join('; ')
            : `through the site: nginx's ETag \`${o.frontEtag}\`, no X-Accel-Redirect reaching the client; straight on Node: the content-hash ` +
              `ETag; a request with the site's header straight on Node: an empty answer with \`X-Accel-Redirect: ${o.redirect}\``,
          yes(o.problems.length === 0),
        ],
      ],
      'lll',
    ),
  );

  lines.push(`## Figures (median of ${w.rounds} run${w.rounds > 1 ? 's' : ''} each)`, '');
  const row = (name: string, x: Summary) => [
    name,
    n(x.rps, 1),
    n(x.mbps, 1),
    n(x.p50Ms, 1),
    n(x.p99Ms, 1),
    `${x.non2xx} / ${x.socketErrors}`,
    n(x.serverCpuMsPerRequest, 2),
    x.nodeCpuMsPerRequest === undefined ? '–' : n(x.nodeCpuMsPerRequest, 2),
    n(x.serverCores, 2),
    n(x.wrkCores, 2),
    n(x.othersCores, 2),
  ];
  para(
    mdTable(
      [
        '1 MiB ranges',
        'req/s',
        'MB/s',
        'p50 ms',
        'p99 ms',
        'non-2xx / socket errors',
        'server CPU ms per request',
        'of it Node',
        'server cores',
        'wrk cores',
        'other processes, cores',
      ],
      [
        row('nginx, 1 worker', ng1),
        row('nginx, worker_processes auto', ngA),
        row('Baqylau, Node alone', node),
        row('Baqylau behind nginx (x-accel)', front),
      ],
    ),
  );
  const bpr = (t: string) => r.runs.find((x: WrkResult) => x.target === t)?.bytesPerRequest as number | undefined;
  const allMiB = (r.targets as string[]).every((t) => {
    const b = bpr(t);
    return b !== undefined && b >= r.setup.rangeBytes && b < r.setup.rangeBytes + 4096;
  });
  para(
    `Ratio to nginx (MB/s): behind nginx ${r.ratios[FRONTED][NGINX_AUTO].mbps} against \`worker_processes auto\` and ` +
      `${r.ratios[FRONTED][NGINX_1].mbps} against 1 worker; Node alone ${r.ratios[NODE_ALONE][NGINX_AUTO].mbps} and ` +
      `${r.ratios[NODE_ALONE][NGINX_1].mbps}. Bytes per request (first run): ` +
      (r.targets as string[]).map((t) => `${t} ${n(bpr(t))}`).join(', ') +
      (allMiB ? ': every target answered each range with 1 MiB plus headers.' : '.'),
  );

  lines.push('## Where the time goes', '');
  const tinyRow = (name: string, x: Summary) => [
    name,
    n(x.tinyRps, 1),
    n(x.tinyServerCpuMsPerRequest, 3),
    x.tinyNodeCpuMsPerRequest === undefined ? '–' : n(x.tinyNodeCpuMsPerRequest, 3),
    x.tinyNon2xx ?? 'n/a',
  ];
  para(
    mdTable(
      ['1-byte ranges (fixed cost of a request)', 'req/s', 'server CPU ms per request', 'of it Node', 'non-2xx'],
      [
        tinyRow('nginx, 1 worker', ng1),
        tinyRow('nginx, auto', ngA),
        tinyRow('Baqylau, Node alone', node),
        tinyRow('Baqylau behind nginx (x-accel)', front),
      ],
    ),
  );
  const A = node.serverCpuMsPerRequest!;
  const fixed = node.tinyServerCpuMsPerRequest!;
  const perMiB = A - fixed;
  const R = ref.serverCpuMsPerRequest!;
  para(
    `**Node alone.** A 1 MiB range costs the server ${n(A, 2)} ms of CPU: about ${n(fixed, 2)} ms whatever its size (the 1-byte run, which ` +
      `still opens, reads and closes the file) ` +
      `and ${n(perMiB, 2)} ms for moving the MiB through user space (\`fs.createReadStream\` reads it into a buffer, then a socket ` +
      `write). ${r.reference} spends ${n(R, 2)} ms per 1 MiB request in all (sendfile copies in the kernel) and ` +
      `${n(ref.tinyServerCpuMsPerRequest, 3)} ms per 1-byte request. Per byte served, Node alone needs ${n(A / R, 1)} × nginx's CPU, ` +
      `so with equal CPU its ratio would be about ${n(R / A, 2)}. It is one Node process: its main ` +
      `thread caps it at about ${n(1000 / A)} requests/s per core, and it got ${n(node.serverCores, 2)} cores here.`,
  );
  const T = front.serverCpuMsPerRequest!;
  const fNode = front.nodeCpuMsPerRequest!;
  const fNginx = front.nginxCpuMsPerRequest!;
  para(
    `**Behind nginx.** A 1 MiB range costs ${n(T, 2)} ms of CPU in all: ${n(fNode, 2)} ms in Node and ${n(fNginx, 2)} ms in nginx. ` +
      `Node's part is the request without its bytes, the same work as in the 1-byte run through the site, where it cost ` +
      `${n(front.tinyNodeCpuMsPerRequest, 2)} ms per request at ${n(front.tinyRps)} req/s (straight on Node, where the 1-byte answer ` +
      `still opens and reads the file: ${n(fixed, 2)} ms). nginx's part is the request proxied to Node ` +
      `and the answer read back (keep-alive upstream), then the file sent with sendfile: ${n(fNginx, 2)} ms against the ` +
      `${n(R, 2)} ms of ${r.reference} serving the file alone. Per byte served this deployment needs ${n(T / R, 1)} × the reference's ` +
      `CPU, so with equal CPU its ratio would be about ${n(R / T, 2)}. Node's main thread caps one instance at about ` +
      `${n(1000 / fNode)} ranges/s per core (≈ ${mbpsPerCore(fNode)} MB/s of 1 MiB ranges); it used ${n(front.nodeCores, 2)} cores here.`,
  );
  const wrkMs = (r.targets as string[]).map((t) => {
    const xs = r.runs.filter((x: WrkResult) => x.target === t).map((x: WrkResult) => (1000 * x.cpuSec.wrk) / x.requests);
    return [t, xs.sort((a: number, b: number) => a - b)[Math.floor(xs.length / 2)]] as [string, number];
  });
  para(
    'CPU is user + system time of the processes named, from /proc. On loopback the kernel work of a transfer lands partly on the ' +
      'sender and partly on wrk, and not the same way for sendfile and for writes from Node: wrk does the same work against every ' +
      `target, yet was charged per 1 MiB range ${wrkMs.map(([t, ms]) => `${n(ms, 2)} ms against ${t}`).join(', ')}. Per-request CPU ` +
      'figures are therefore approximate; the throughput ratios are the measurement.',
  );
  const p = r.profile;
  if (p && !p.error) {
    para(
      `CPU profile of the server's main thread, straight on Node (as ${NODE_ALONE}), during a ` +
        `${p.wrk.durationUs ? n(p.wrk.durationUs / 1e6) : '?'} s wrk run of 1 MiB ranges (${n(p.wrk.rps, 1)} req/s while profiled; ` +
        `busy ${n(p.busyMs)} of ${n(p.durationMs)} ms; the profiled server runs the TypeScript sources through tsx, so the ` +
        `profile names the repository's files), self time charged to the nearest package or own code:`,
    );
    para(
      mdTable(
        ['owner', 'ms', '% of busy'],
        (p.byOwner ?? p.byCategory)
          .slice(0, 10)
          .map((x: { name: string; ms: number; pctOfBusy: number }) => [x.name, n(x.ms), n(x.pctOfBusy, 1)]),
      ),
    );
    para(
      'Top functions: ' +
        p.byFunction
          .slice(0, 6)
          .map((f: { name: string; ms: number }) => `\`${f.name}\` ${n(f.ms)} ms`)
          .join(', ') +
        '.',
    );
  } else para(`No profile: ${p?.error ?? 'not run'}.`);
  const ttl = r.setup.hotReadCacheMs;
  para(
    `What runs for each media request (apps/server/src at ${r.code?.atStart?.commit ?? 'the measured commit'}: guard.ts, ` +
      'auth.resolver.ts, hot-read-cache.ts, recordings.routes.ts, evidence-access.ts, send-object.ts), in both Baqylau targets: ' +
      `the session cookie is hashed and its principal taken from an in-process cache, and so is the recording row. ` +
      (ttl > 0
        ? `On a hit no database statement runs. A miss reads the session, user and roles (and extends the session at most every few ` +
          `minutes) and the recording row from the database; ` +
          `misses happen at the first request, once an entry is ${n(ttl)} ms old (HOT_READ_CACHE_MS), and after any state-changing ` +
          `request to this server. `
        : `HOT_READ_CACHE_MS was 0 in this run, so every request read the session, user, roles and the recording row from the database. `) +
      'The first request of a (session, recording) viewing also reads the stated purpose and inserts into `media_views` and the ' +
      'ledger in one transaction; later ones are skipped by an in-memory set. Then, straight on Node, the object is streamed with ' +
      '`fs.createReadStream` (1 MiB buffers). Through the nginx site, the request carries `X-Baqylau-Offload: x-accel`, so the ' +
      `server answers an empty 200 with \`X-Accel-Redirect: ${r.setup.offloadPrefix}aa/bb/<sha256>\`; nginx serves that \`internal\` ` +
      'location from the data folder with sendfile and handles the Range (206, Content-Range) and the ETag itself. Fastify logs ' +
      'every request (pino, LOG_LEVEL=info) in both targets; nginx also writes an access-log line. On PGlite the statements run on ' +
      'its one connection, in the same thread as the HTTP server.',
  );

  lines.push('## Next steps', '');
  const nodeShare = fNode / T;
  const busyOthers = `other processes kept ${n(front.othersCores, 2)} cores busy during its runs, ${n(ref.othersCores, 2)} during the reference's`;
  lines.push(
    g.met
      ? `- **Behind nginx the goal is met** (${g.ratio} of ${r.reference}). What each range still costs on top of nginx is Node's ` +
          `${n(fNode, 2)} ms (${n(100 * nodeShare)} % of the deployment's CPU per request): one instance tops out near ` +
          `${n(1000 / fNode)} ranges/s per core. Past that, more instances on the same data folder (the site takes several ` +
          '`--upstream`), or a short-lived signed URL per playback session checked by nginx (`secure_link`), which would leave ' +
          'Node only the first request of a viewing, where it is logged.'
      : `- **Behind nginx the goal is not met** (${g.ratio} of ${r.reference}; ${busyOthers}): ${n(T, 2)} ms of CPU per range ` +
          `against ${n(R, 2)} ms, of it ${n(fNode, 2)} ms (${n(100 * nodeShare)} %) in Node. ` +
          (nodeShare > 0.5
            ? 'Node is most of it: a short-lived signed URL per playback session checked by nginx (`secure_link`) would leave Node ' +
              'only the first request of a viewing, where it is logged.'
            : 'nginx is most of it: passing each range through Node and back is what the reference does not pay; compare the ' +
              '1-byte runs above.'),
  );
  const bound = R / Math.max(perMiB, 0.01);
  lines.push(
    `- **Node alone is bound by copying the bytes in user space.** Even with no fixed cost, user-space streaming ` +
      `costs ${n(perMiB, 2)} ms per MiB (≈ ${mbpsPerCore(Math.max(perMiB, 0.01))} MB/s per core) against ${n(R, 2)} ms per request for ` +
      `nginx with sendfile: a Node-only route would reach about ${n(bound, 2)} × nginx on the same CPU. Servers without nginx are ` +
      'fine for a subdivision (the README says so); many viewers need the nginx site.',
  );
  const fileOps = p && !p.error ? p.byFunction.filter((f: { name: string }) => ['open', 'close', 'fstat'].includes(f.name)) : [];
  if (fileOps.length)
    lines.push(
      `- **Node alone opens and closes the file for every range**: ${fileOps.map((f: { name: string }) => `\`${f.name}\``).join(', ')} ` +
        `took ${n(
          fileOps.reduce((a: number, f: { pctOfBusy: number }) => a + f.pctOfBusy, 0),
          1,
        )} % of the busy main thread in the profile above. Keeping a viewing's file handle open for a few seconds would save ` +
        'that part of the fixed cost; it does not change the bound above.',
    );
  const logging = p && !p.error ? (p.byOwner ?? []).filter((x: { name: string }) => /^(pino|sonic-boom)/.test(x.name)) : [];
  lines.push(
    `- **Request logging.** Fastify writes its request lines at LOG_LEVEL=info (the default) for every Range request` +
      (logging.length
        ? `: ${logging.map((x: { name: string }) => x.name).join(' and ')} took ` +
          `${n(
            logging.reduce((a: number, x: { pctOfBusy: number }) => a + x.pctOfBusy, 0),
            1,
          )} % of the busy main thread in the profile above`
        : '') +
      `. With the database off the hot path this is part of Node's ${n(fixed, 2)} ms fixed cost; a media route could log at debug ` +
      'and rely on the ledger entry of the viewing.',
  );
  lines.push('');

  lines.push('## Setup', '');
  lines.push(
    `- Baqylau: \`${r.setup.server}\`; URL \`${r.setup.mediaUrl}\`; HOT_READ_CACHE_MS ${r.setup.hotReadCacheMs}, ` +
      `MEDIA_OFFLOAD_PREFIX \`${r.setup.offloadPrefix}\`.`,
  );
  lines.push(`- wrk: \`${r.setup.wrkCommand}\` (the cookie goes as the third script argument; empty for the nginx references).`);
  lines.push(
    '- nginx references (run as `nginx -p $TMP -c $TMP/nginx.conf -e $TMP/error.log`, our child; `worker_processes auto` for the second one):',
    '',
  );
  lines.push('```nginx', r.setup.nginxConf.trimEnd(), '```', '');
  lines.push(
    `- ${FRONTED}: \`renderNginxSite\` (what \`baqylau nginx-site\` prints) wrapped by \`standaloneNginxConf\` ` +
      '(apps/server/src/platform/http/nginx-config.ts), run the same way:',
    '',
  );
  lines.push('```nginx', r.setup.frontConf.trimEnd(), '```', '');
  lines.push('- wrk script (`range.lua`):', '');
  lines.push('```lua', r.setup.luaScript.trimEnd(), '```', '');
  lines.push('Every run is in `playback.json`.');
  return lines.join('\n') + '\n';
}
