import type { Command } from 'commander';
import { resources } from '@baqylau/i18n';
import type { NodeVerifyReport } from '../kernel/evidence-packages/verify/verifyPackage.ts';

const words = resources.en.common as Record<string, string>;
const reason = (code: string) => words[`verifyPage.reason.${code}`] ?? code;
const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
const human = (n: number) =>
  n < 2 ** 10 ? `${n} B` : n < 2 ** 20 ? `${(n / 2 ** 10).toFixed(1)} KiB` : n < 2 ** 30 ? mib(n) : `${(n / 2 ** 30).toFixed(2)} GiB`;

export function registerVerifyCommand(program: Command) {
  program
    .command('verify <zip-or-folder>')
    .description(
      'Verify an evidence package offline (a court package of Order 444, a DSM-335 disclosure): every file, the signature and the chain of custody',
    )
    .option('--key <fingerprint>', 'the signing key fingerprint the package must carry (from the cover letter)')
    .option('--json', 'print the whole report as JSON')
    .action(async (input: string, o: { key?: string; json?: boolean }) => {
      const { verifyPackageAt, UnreadableInputError } = await import('../kernel/evidence-packages/verify/verifyPackage.ts');
      const progress = process.stderr.isTTY && !o.json;
      let report: NodeVerifyReport;
      try {
        report = await verifyPackageAt(input, {
          key: o.key,
          onProgress: progress
            ? (p) => process.stderr.write(`\r\x1b[K${p.index}/${p.count} ${mib(p.bytesDone)} of ${mib(p.bytesTotal)}  ${p.path}`)
            : undefined,
        });
      } catch (e) {
        if (!(e instanceof UnreadableInputError)) throw e;
        if (o.json) console.log(JSON.stringify({ error: e.message }));
        else console.error(`Cannot read ${input}: ${e.message}`);
        process.exitCode = 2;
        return;
      }
      if (progress) process.stderr.write('\r\x1b[K');
      if (o.json) console.log(JSON.stringify(report, null, 2));
      else printReport(report);
      process.exitCode = report.ok ? 0 : 1;
    });
}

function printReport(r: NodeVerifyReport) {
  if (r.fatal) {
    console.log(`FAIL ${reason(r.fatal)}`);
    return;
  }
  const p = r.package;
  console.log(`Package ${p.number ?? '?'} of ${p.createdAt ?? '?'}, ${p.organisation ?? '?'} → ${p.recipient ?? '?'}`);
  if (r.zipNames) console.log(`NOTE ${words[`verifyPage.zipNames.${r.zipNames}`]}`);
  for (const f of r.files) {
    const size = f.expected && Number.isFinite(f.expected.size) ? `, ${human(f.expected.size)}` : '';
    // Found under a name an unzip tool garbled: said exactly, never "missing" plus "extra".
    const foundAs = f.foundAs
      ? ` — ${(words['verifyPage.foundAs'] ?? '').replace('{{name}}', f.foundAs).replace('{{encoding}}', (f.nameEncoding ?? '').toUpperCase())}`
      : '';
    if (f.ok) console.log(`OK   ${f.path}  (${f.kind}${size})${foundAs}`);
    else {
      const detail =
        f.reason === 'hash_mismatch' || f.reason === 'size_mismatch'
          ? ` (expected ${f.expected?.size} bytes sha256 ${f.expected?.sha256}, found ${f.actual?.size} bytes sha256 ${f.actual?.sha256})`
          : '';
      console.log(`FAIL ${f.path}  (${f.kind}) — ${reason(f.reason ?? '')}${detail}${foundAs}`);
    }
  }
  console.log(r.signature.ok ? 'OK   signature of manifest.json' : `FAIL signature — ${reason(r.signature.reason ?? '')}`);
  const c = r.custody;
  const entries = c.segments.reduce((s, x) => s + x.entries, 0);
  if (c.ok) {
    const bound = [
      ...(c.recordings.length || !c.files.length ? [`${c.recordings.length} recordings bound`] : []),
      ...(c.files.length ? [`${c.files.length} ${c.files.length === 1 ? 'file' : 'files'} bound to ledger entries`] : []),
      ...(c.subjects.length ? [`custody of ${c.subjects.length} ${c.subjects.length === 1 ? 'subject' : 'subjects'}`] : []),
    ];
    console.log(`OK   custody  ${c.segments.length} segments, ${entries} entries, ${bound.join(', ')}`);
  }
  for (const f of c.failures) console.log(`FAIL custody — ${reason(f.reason)}`);
  for (const s of c.segments) {
    for (const f of s.failures) console.log(`FAIL custody  entry ${f.seq ?? '?'} (segment to ${s.checkpointSeq}) — ${reason(f.reason)}`);
  }
  for (const b of c.recordings.filter((x) => !x.ok)) {
    console.log(`FAIL custody  recording ${b.path}${b.seq === undefined ? '' : ` entry ${b.seq}`} — ${reason(b.reason ?? '')}`);
  }
  for (const b of c.files.filter((x) => !x.ok))
    console.log(`FAIL custody  file ${b.path} entry ${b.seq ?? '?'} — ${reason(b.reason ?? '')}`);
  for (const x of c.subjects.filter((y) => !y.ok)) {
    console.log(`FAIL custody  ${x.subjectType} ${x.subjectId}${x.seq === undefined ? '' : ` entry ${x.seq}`} — ${reason(x.reason ?? '')}`);
  }
  console.log(`Key fingerprint: ${r.fingerprint ?? 'none'}  (compare with the cover letter)`);
  if (r.keyPinned)
    console.log(r.keyPinned.matches ? 'OK   key matches --key' : `FAIL key is not the one given with --key (${r.keyPinned.expected})`);
  console.log(r.ok ? 'VERIFIED' : 'NOT VERIFIED');
}
