import type { MachineInfo } from './common.ts';
import { mdTable } from './common.ts';

export interface S3Result {
  ranAt: string;
  seconds: number;
  machine: MachineInfo;
  command: string;
  sizeMiB: number;
  playbackObjectMiB: number;
  rounds: number;
  ranges: number;
  ingestMBps: { baqylau: number; leanPipeline: number; plainSdk: number; openssl: number };
  ingestRatios: { toLeanPipeline: number; toPlainSdk: number; toOpenssl: number };
  playbackRangesPerSecond: { proxied: number; presignedNginx: number; plainSdk: number };
  playbackRatios: { proxiedToPlainSdk: number; presignedNginxToPlainSdk: number; proxiedToPresignedNginx: number };
  raw: unknown;
}

/** results/s3.md from one run's figures: the primary ingest ratio first, then playback and the decision it supports. */
export function renderS3Report(result: S3Result) {
  const load = result.machine.loadAverage;
  return `# S3: ingest and playback through Baqylau on a Ceph RGW, against references in the same run

Run ${result.ranAt.slice(0, 16).replace('T', ' ')} UTC, ${result.seconds} s: \`${result.command}\`. Machine: ${result.machine.nproc} × ${result.machine.cpuModel}, Node ${result.machine.node}; Ceph RGW 16 (radosgw, one memstore OSD, auth none) on 127.0.0.1, started by scripts/with-ceph.mjs on the same 2 cores. Ratios are what carries over to other machines; the absolute figures share two cores with the S3 server. 1-minute load average ${load.start} at the start, ${load.end ?? '—'} at the end (other work on the machine: the figures are noisy, the ratios less so).

## Ingest (${result.sizeMiB} MiB staged file, ${result.rounds} rounds, order rotating, median)

**Primary figure: Baqylau S3 ingest ÷ lean pipeline = ${result.ingestRatios.toLeanPipeline}.**

- Baqylau: \`commitStaged\` — HEAD for an existing copy, multipart upload (16 MiB parts, 2 in flight) while hashing every byte, compare with the expected SHA-256, HEAD the stored version, place the legal hold and read it back.
- Lean pipeline (the reference, as in the fs ingest bench): \`node bench/lib/lean-receiver.mjs DIR --direct; node bench/lib/lean-sender.mjs FILE http://127.0.0.1:PORT/upload\` — read once, SHA-256, loopback HTTP, SHA-256, O_DIRECT write, fsync: the work a verified ingest cannot avoid.
- Context: plain SDK — lib-storage \`Upload\` of the same file, same part size and queue, nothing else (what S3 itself costs here); \`openssl dgst -sha256 FILE\`.

${mdTable(
  ['', 'MB/s', 'Baqylau ÷ this'],
  [
    ['Baqylau S3 ingest', result.ingestMBps.baqylau, 1],
    ['**lean pipeline (reference)**', result.ingestMBps.leanPipeline, `**${result.ingestRatios.toLeanPipeline}**`],
    ['plain SDK multipart upload', result.ingestMBps.plainSdk, result.ingestRatios.toPlainSdk],
    ['openssl dgst -sha256', result.ingestMBps.openssl, result.ingestRatios.toOpenssl],
  ],
)}

## Playback (${result.ranges} sequential 1 MiB GETs at random offsets of one ${result.playbackObjectMiB} MiB recording, ${result.rounds} rounds, order rotating, median)

- proxied: Baqylau's media route on a demo server with STORAGE=s3 (\`GET /api/v1/organisations/:orgId/recordings/:id/media\`, the responsible person's session after a stated purpose; the driver's ranged GetObject streamed out).
- presigned via nginx: a presigned GetObject URL (\`@aws-sdk/s3-request-presigner\`, 1 h) through nginx (\`worker_processes auto\`, keep-alive upstream, Host passed through) in front of the RGW.
- plain SDK: \`GetObject\` with \`Range\` from the benchmark process.

${mdTable(
  ['', 'ranges/s', '÷ plain SDK'],
  [
    ['proxied through Baqylau', result.playbackRangesPerSecond.proxied, result.playbackRatios.proxiedToPlainSdk],
    ['presigned URL via nginx', result.playbackRangesPerSecond.presignedNginx, result.playbackRatios.presignedNginxToPlainSdk],
    ['plain SDK ranged GET', result.playbackRangesPerSecond.plainSdk, 1],
  ],
)}

Proxied ÷ presigned via nginx: ${result.playbackRatios.proxiedToPresignedNginx}.

## Decision: playback is proxied through Baqylau

Range GETs go through the media route, which streams the driver's ranged GetObject; no presigned URLs. A presigned
URL is a bearer capability to the original for its whole lifetime: it keeps working after sign-out, a revoked role or
a lifted purpose, anyone it is forwarded to can use it, and the ledger would record that a URL was handed out, not
that (or how often) the evidence was viewed (R444-13, R444-21). It also needs the bucket's endpoint reachable from
every browser, where an in-country object store usually sits on a private network. What proxying costs was measured
above: ${result.playbackRatios.proxiedToPresignedNginx} of the presigned path's rate for the same ranges — well above what one
player needs (a body-worn camera's 1080p stream is ~1 MB/s, so one instance at the rate above serves
${Math.floor(result.playbackRangesPerSecond.proxied)} such players at once even on this loaded machine), and more instances behind
nginx add to it. Re-run with the command above when the store or the machine changes.
`;
}
