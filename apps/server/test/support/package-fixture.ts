import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { instanceKeyFrom, type InstanceKey } from '../../src/platform/keys/instance-key.ts';
import { canonicalJson, GENESIS_HASH, hashEntry, sha256Hex } from '../../src/platform/ledger/ledger.hash.ts';
import { checkpointMessage } from '../../src/platform/ledger/checkpoints.ts';
import { renderVerifyHtml } from '../../src/kernel/evidence-packages/verify/verify-page.ts';

/**
 * A court package built by hand from docs/court-package.md (not by the package builder), so the
 * verifiers are tested against the format itself: real files, a real Ed25519 key, ledger entries
 * hashed by hashEntry and checkpoints signed over checkpointMessage.
 */
export interface PackageFixture {
  /** Temporary folder holding `folder` and `zip`; removed by cleanup(). */
  dir: string;
  /** The unzipped package folder, `<dir>/<number>`. */
  folder: string;
  zip: string;
  number: string;
  key: InstanceKey;
  organisationId: string;
  recordings: { id: string; path: string; ingestSeq: number }[];
  /** With `disclosedClip`: the clip, the ledger subject it was added to and the entry that recorded it. */
  clip?: { path: string; subjectId: string; seq: number };
  /** Rewrites `zip` from `folder` (after a test changed a file). */
  rezip(): Promise<void>;
  cleanup(): void;
}

export interface FixtureOptions {
  /** The ingest entry of the first recording records this SHA-256 instead of the file's (then signed as usual). */
  ingestSha256Override?: string;
  /** Size of each video in bytes (default 300 KiB and 1 MiB). */
  videoSizes?: number[];
  /**
   * Adds excerpts/01-large.mp4, a sparse file of this many zero bytes listed (and signed) with an unchecked
   * hash: for the browser's "too large" path, which never reads it. No ZIP is made then.
   */
  largeExcerptBytes?: number;
  /**
   * Adds clips/01-clip.mp4 the way another rule set hands over a file (DSM-335): bound by
   * `ledgerEntry` to the entry that recorded it on an application, whose custody is listed under
   * `subjects`. `recordedSha256` makes that entry record another hash; `action` makes the manifest
   * name another action than the entry's (both signed as usual).
   */
  disclosedClip?: { recordedSha256?: string; action?: string };
  /** The material's file name under materials/ (default 01-act.pdf): a Kazakh name tests how ZIP names are read. */
  materialName?: string;
}

interface Entry {
  seq: number;
  recordedAt: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payloadHash: string;
  prevHash: string;
  entryHash: string;
  payload?: string;
}

const MINIMAL_PDF = (title: string) =>
  `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${title}\ntrailer <</Root 1 0 R>>\n%%EOF\n`;

export async function buildPackageFixture(opts: FixtureOptions = {}): Promise<PackageFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-package-'));
  const number = 'П-2026-0007';
  const folder = path.join(dir, number);
  const key = instanceKeyFrom(generateKeyPairSync('ed25519').privateKey);
  const organisationId = randomUUID();
  const inspector = { id: randomUUID(), name: 'Нұрланов Данияр Асқарұлы' };
  const sparse = (rel: string, size: number) => {
    fs.mkdirSync(path.join(folder, 'excerpts'), { recursive: true });
    fs.writeFileSync(path.join(folder, rel), '');
    fs.truncateSync(path.join(folder, rel), size);
    return { path: rel, sha256: '0'.repeat(64), size };
  };
  const write = (rel: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    fs.writeFileSync(path.join(folder, rel), data);
    return { path: rel, sha256: sha256Hex(data), size: Buffer.byteLength(data) };
  };

  const sizes = opts.videoSizes ?? [300 * 1024, 1024 * 1024];
  const videos = sizes.map((size, i) => {
    const originalName = `FILE000${i + 1}.MP4`;
    return { id: randomUUID(), originalName, ...write(`recordings/0${i + 1}-${originalName}`, randomBytes(size)) };
  });
  const material = write(`materials/${opts.materialName ?? '01-act.pdf'}`, MINIMAL_PDF('Тексеру актісі'));
  const large = opts.largeExcerptBytes ? sparse('excerpts/01-large.mp4', opts.largeExcerptBytes) : undefined;
  const letters = ['kk', 'ru'].map((l) => write(`cover-letter-${l}.pdf`, MINIMAL_PDF(`cover letter ${l}`)));

  // The ledger: org creation, one ingest per video, a view of the first one, then packaging.
  const t0 = Date.parse('2026-11-20T05:00:00.000Z');
  const entries: Entry[] = [];
  const append = (action: string, subjectType: string, subjectId: string | null, payload: unknown, withPayload: boolean) => {
    const prev = entries.at(-1);
    const payloadText = canonicalJson(payload);
    const fields = {
      organisationId,
      seq: entries.length + 1,
      recordedAt: new Date(t0 + entries.length * 60_000).toISOString(),
      actorKind: 'user',
      actorId: inspector.id,
      action,
      subjectType,
      subjectId,
      payloadHash: sha256Hex(payloadText),
      prevHash: prev?.entryHash ?? GENESIS_HASH,
    };
    const { organisationId: _org, ...rest } = fields;
    entries.push({ ...rest, entryHash: hashEntry(fields), ...(withPayload ? { payload: payloadText } : {}) });
    return fields.seq;
  };
  append('organisation.created', 'organisation', organisationId, { nameKk: 'Бөлімше' }, false);
  const ingestSeqs = videos.map((v, i) =>
    append(
      'recording.ingested',
      'recording',
      v.id,
      { sha256: i === 0 && opts.ingestSha256Override ? opts.ingestSha256Override : v.sha256, size: v.size, originalName: v.originalName },
      true,
    ),
  );
  const viewSeq = append('recording.viewed', 'recording', videos[0]!.id, { purpose: 'court_or_authority_request' }, true);
  const clip = opts.disclosedClip
    ? { requestId: randomUUID(), id: randomUUID(), ...write('clips/01-clip.mp4', randomBytes(200 * 1024)) }
    : undefined;
  const clipSeqs = clip
    ? [
        append('cctv.request_received', 'cctv_access_request', clip.requestId, { number: '2026-1' }, true),
        append(
          'cctv.request_clip_added',
          'cctv_access_request',
          clip.requestId,
          { id: clip.id, sha256: opts.disclosedClip?.recordedSha256 ?? clip.sha256, size: clip.size, fileName: 'clip.mp4' },
          true,
        ),
      ]
    : [];
  const packageSeq = append('package.created', 'package', randomUUID(), { number }, true);

  // Two segments, each ending exactly at a signed checkpoint.
  const cut = ingestSeqs.at(-1)!;
  const checkpoints = [cut, packageSeq].map((seq) => {
    const entryHash = entries[seq - 1]!.entryHash;
    const signedAt = new Date(t0 + seq * 60_000 + 30_000);
    const signature = key.sign(checkpointMessage({ organisationId, seq, entryHash, signedAt }));
    return { seq, entryHash, signedAt: signedAt.toISOString(), keyFingerprint: key.fingerprint, signature };
  });
  const recordingSeqs = Object.fromEntries(
    videos.map((v, i) => [v.id, i === 0 ? [ingestSeqs[i]!, viewSeq, packageSeq] : [ingestSeqs[i]!, packageSeq]]),
  );
  const custodyDoc = {
    format: 'baqylau-custody-v1',
    organisationId,
    checkpoints,
    segments: [
      { checkpointSeq: cut, entries: entries.slice(0, cut) },
      { checkpointSeq: packageSeq, entries: entries.slice(cut) },
    ],
    recordings: recordingSeqs,
    ...(clip ? { subjects: { cctv_access_request: { [clip.requestId]: clipSeqs } } } : {}),
  };
  const custody = write('custody.json', JSON.stringify(custodyDoc, null, 2));

  const manifest = {
    format: 'baqylau-package-v1',
    packageId: randomUUID(),
    number,
    createdAt: new Date(t0 + packageSeq * 60_000).toISOString(),
    createdBy: { id: randomUUID(), name: 'Сәрсенбаева Әйгерім Қайратқызы', role: 'responsible' },
    organisation: { id: organisationId, name: 'ҚР ТЖМ ӨҚК Қарағанды облысы бойынша департаменті', bin: '990340001230' },
    recipient: { kind: 'court', name: 'Қарағанды қаласының мамандандырылған әкімшілік соты', caseNumber: '2-1234/2026' },
    purpose: 'Әкімшілік іс бойынша дәлелдеме',
    instanceKey: { algorithm: 'Ed25519', publicKeyRaw: key.publicKeyRaw, fingerprint: key.fingerprint },
    custody,
    files: [
      ...videos.map((v) => ({
        path: v.path,
        kind: 'original',
        sha256: v.sha256,
        size: v.size,
        recordingId: v.id,
        originalName: v.originalName,
        capture: {
          deviceStartedAt: '2026-11-20T05:01:20.000Z',
          startedAt: '2026-11-20T05:01:00.000Z',
          clockOffsetSeconds: 20,
          durationMs: 1000,
        },
        recorder: { inventoryNumber: 'ВР-001' },
        inspector,
        journalEntry: { id: randomUUID(), number: 12 },
        activity: null,
        ingestedAt: '2026-11-20T06:00:00.000Z',
      })),
      ...(large
        ? [
            {
              ...large,
              kind: 'excerpt',
              excerptOf: { recordingId: videos[0]!.id, sha256: videos[0]!.sha256, fromSeconds: 0, toSeconds: 1 },
            },
          ]
        : []),
      { ...material, kind: 'material', materialId: randomUUID(), title: 'Тексеру актісі' },
      ...(clip
        ? [
            {
              path: clip.path,
              kind: 'clip',
              sha256: clip.sha256,
              size: clip.size,
              fileId: clip.id,
              ledgerEntry: {
                seq: clipSeqs[1]!,
                action: opts.disclosedClip?.action ?? 'cctv.request_clip_added',
                subjectType: 'cctv_access_request',
                subjectId: clip.requestId,
              },
            },
          ]
        : []),
      ...letters.map((l) => ({ ...l, kind: 'cover_letter' })),
    ],
  };
  const manifestText = JSON.stringify(manifest, null, 2);
  write('manifest.json', manifestText);
  write('manifest.json.sig', key.sign(manifestText));
  write('verify.html', renderVerifyHtml());

  const zip = path.join(dir, `${number}.zip`);
  const fixture: PackageFixture = {
    dir,
    folder,
    zip,
    number,
    key,
    organisationId,
    recordings: videos.map((v, i) => ({ id: v.id, path: v.path, ingestSeq: ingestSeqs[i]! })),
    ...(clip ? { clip: { path: clip.path, subjectId: clip.requestId, seq: clipSeqs[1]! } } : {}),
    rezip: () => zipFolder(folder, number, zip),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  if (!large) await fixture.rezip();
  return fixture;
}

/** Zips `folder` under one top-level `<name>/`, videos stored (method 0) as the format asks. */
export async function zipFolder(folder: string, name: string, zipFile: string, opts: { zip64?: boolean } = {}) {
  const zip = new yazl.ZipFile();
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(folder, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(r);
      else
        zip.addFile(path.join(folder, r), `${name}/${r}`, {
          compress: !/\.(mp4|mov|avi)$/i.test(r),
          forceZip64Format: opts.zip64 ?? false,
        });
    }
  };
  walk('');
  zip.end({ forceZip64Format: opts.zip64 ?? false, comment: '' });
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(zipFile);
    out.on('close', resolve).on('error', reject);
    zip.outputStream.pipe(out);
  });
}

/** Flips one byte in the middle of a file, in place. */
export function flipByte(file: string) {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, Math.floor(size / 2));
    b[0] = b[0]! ^ 0xff;
    fs.writeSync(fd, b, 0, 1, Math.floor(size / 2));
  } finally {
    fs.closeSync(fd);
  }
}

/** Unzips a package as a recipient would, streaming each entry to `dir` (entries outside `dir` are refused). */
export async function unzipTo(zipFile: string, dir: string) {
  const zip = await yauzl.openPromise(zipFile, { lazyEntries: true, autoClose: false });
  try {
    for await (const e of zip.eachEntry()) {
      const target = path.resolve(dir, e.fileName);
      if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${e.fileName} leaves the folder`);
      if (e.fileName.endsWith('/')) {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(e), fs.createWriteStream(target));
    }
  } finally {
    zip.close();
  }
}
