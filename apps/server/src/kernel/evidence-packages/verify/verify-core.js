// @ts-check
// The checks of docs/court-package.md §"What verifies means", shared unchanged by
// verify.html (inlined, WebCrypto host) and `baqylau verify` (Node host), so the two
// can never disagree. Plain JavaScript with no imports and no Node or DOM APIs:
// every file, hash and signature operation goes through the injected host.

/** @typedef {import('./verify-core.js').VerifyHost} VerifyHost */
/** @typedef {import('./verify-core.js').VerifyReport} VerifyReport */
/** @typedef {import('./verify-core.js').FileResult} FileResult */
/** @typedef {import('./verify-core.js').CustodyResult} CustodyResult */
/** @typedef {import('./verify-core.js').CustodyFailure} CustodyFailure */
/** @typedef {import('./verify-core.js').SegmentResult} SegmentResult */
/** @typedef {import('./verify-core.js').RecordingBinding} RecordingBinding */
/** @typedef {import('./verify-core.js').FileBinding} FileBinding */
/** @typedef {import('./verify-core.js').SubjectCustody} SubjectCustody */
/** @typedef {import('./verify-core.js').VerifyProgress} VerifyProgress */
/** @typedef {Record<string, any>} Json */

export const FORMAT = 'baqylau-package-v1';
export const CUSTODY_FORMAT = 'baqylau-custody-v1';
/** The three files every package has and the manifest does not list. */
export const ALWAYS_PRESENT = Object.freeze(['verify.html', 'manifest.json', 'manifest.json.sig']);
/** Largest file a browser is asked to read into memory at once (1.5 GiB). */
export const BROWSER_MAX_BYTES = 1.5 * 2 ** 30;

/** Files an operating system drops into a folder the recipient merely opened: listed, never a failure. */
const OS_JUNK = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$|^__MACOSX\/|(^|\/)\._/i;
const HEX64 = /^[0-9a-f]{64}$/;

/** @param {unknown} v @returns {v is Json} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v */
const str = (v) => (typeof v === 'string' ? v : null);
/** @param {string} p */
const nfc = (p) => p.normalize('NFC');

/**
 * The upper halves (bytes 0x80–0xFF) of the code pages unzip tools read a ZIP name in when the
 * name is not marked UTF-8: CP437 (the ZIP default: yauzl, Python, Windows in most languages)
 * and CP866 (Windows in Russian and Kazakh). A package re-zipped by a tool that does not mark
 * its UTF-8 names (Debian's `zip`) and unzipped by one of those shows "Акт.pdf" as "╨Р╨║╤В.pdf".
 */
const CODE_PAGES = Object.freeze({
  cp437:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp866:
    'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u00a0',
});

/** Strict UTF-8 (no overlongs, surrogates or truncation) to a string; null when the bytes are not UTF-8. @param {number[]} b */
export function decodeUtf8Strict(b) {
  let out = '';
  for (let i = 0; i < b.length;) {
    const c = /** @type {number} */ (b[i]);
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n > b.length - 1) return null;
    let cp = n ? c & (0x3f >> n) : c;
    for (let k = 1; k <= n; k++) {
      const x = /** @type {number} */ (b[i + k]);
      if ((x & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (x & 0x3f);
    }
    if ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

/** Bytes read in a code page (ASCII below 0x80), as an unzip tool shows a name not marked UTF-8. @param {number[]} b @param {'cp437' | 'cp866'} encoding */
export function decodeCodePage(b, encoding) {
  return b.map((x) => (x < 0x80 ? String.fromCharCode(x) : CODE_PAGES[encoding][x - 0x80])).join('');
}

/**
 * The names a garbled name stood for: each code page in which its characters are the bytes of a
 * UTF-8 name (a plain ASCII name, or one that is no such misreading, stands for nothing else).
 * @param {string} name @returns {{ name: string, encoding: 'cp437' | 'cp866' }[]}
 */
export function utf8NamesMisreadAs(name) {
  /** @type {{ name: string, encoding: 'cp437' | 'cp866' }[]} */
  const found = [];
  for (const [encoding, upper] of /** @type {['cp437' | 'cp866', string][]} */ (Object.entries(CODE_PAGES))) {
    const bytes = [];
    for (const ch of name) {
      const code = /** @type {number} */ (ch.codePointAt(0));
      const hi = upper.indexOf(ch);
      if (code < 0x80) bytes.push(code);
      else if (hi >= 0) bytes.push(0x80 + hi);
      else break;
    }
    const utf8 = bytes.length === [...name].length ? decodeUtf8Strict(bytes) : null;
    if (utf8 !== null && utf8 !== name) found.push({ name: utf8.normalize('NFC'), encoding });
  }
  return found;
}

/** A manifest path must stay inside the package folder: relative, forward slashes, no "." or ".." parts. */
export function isSafePath(/** @type {unknown} */ p) {
  if (typeof p !== 'string' || p === '' || p.includes('\\') || p.includes('\0') || p.startsWith('/')) return false;
  if (/^[a-zA-Z]:/.test(p)) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Lower-case hex with spaces, colons and dashes removed, so a fingerprint copied from a letter compares. */
export function normaliseFingerprint(/** @type {string} */ s) {
  return s.toLowerCase().replace(/[\s:-]/g, '');
}

/** 64 hex digits in groups of four, as people read them aloud. */
export function formatFingerprint(/** @type {string} */ hex) {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard or URL-safe base64 (padding optional) to bytes; null when it is not base64. */
export function base64ToBytes(/** @type {unknown} */ b64) {
  if (typeof b64 !== 'string') return null;
  const s = b64.replace(/\s/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (s.length % 4 === 1 || !/^[A-Za-z0-9+/]*$/.test(s)) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const ch of s) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Runs every check and returns the whole report; never throws for a bad package.
 * @param {VerifyHost} host
 * @param {{ onProgress?: (p: VerifyProgress) => void }} [opts]
 * @returns {Promise<VerifyReport>}
 */
export async function verifyPackage(host, opts = {}) {
  /** @type {VerifyReport} */
  const report = {
    ok: false,
    complete: true,
    fingerprint: null,
    package: { number: null, packageId: null, createdAt: null, organisation: null, recipient: null, caseNumber: null },
    signature: { ok: false },
    custody: { ok: false, failures: [], segments: [], recordings: [], files: [], subjects: [] },
    files: [],
  };
  const manifestBytes = await host.readBytes('manifest.json');
  if (!manifestBytes) return { ...report, fatal: 'manifest_missing' };
  /** @type {unknown} */
  let manifest;
  try {
    manifest = JSON.parse((await host.readText('manifest.json')) ?? '');
  } catch {
    return { ...report, fatal: 'manifest_invalid' };
  }
  if (!isObject(manifest) || !Array.isArray(manifest.files)) return { ...report, fatal: 'manifest_invalid' };
  if (manifest.format !== FORMAT) return { ...report, fatal: 'format_unknown' };
  const m = manifest;
  report.package = {
    number: str(m.number),
    packageId: str(m.packageId),
    createdAt: str(m.createdAt),
    organisation: isObject(m.organisation) ? str(m.organisation.name) : null,
    recipient: isObject(m.recipient) ? str(m.recipient.name) : null,
    caseNumber: isObject(m.recipient) ? str(m.recipient.caseNumber) : null,
  };

  // 1. Signature over the exact bytes, and the fingerprint computed here (never the claimed one).
  const key = isObject(m.instanceKey) ? m.instanceKey : {};
  const raw = base64ToBytes(key.publicKeyRaw);
  const publicKeyRaw = raw && raw.length === 32 ? /** @type {string} */ (key.publicKeyRaw) : null;
  if (publicKeyRaw && raw) report.fingerprint = await host.sha256(raw);
  const sig = await host.readText('manifest.json.sig');
  if (!publicKeyRaw) report.signature = { ok: false, reason: 'public_key_invalid' };
  else if (sig === null) report.signature = { ok: false, reason: 'signature_missing' };
  else if (!(await safeVerify(host, publicKeyRaw, manifestBytes, sig.trim())))
    report.signature = { ok: false, reason: 'signature_invalid' };
  else if (key.algorithm !== 'Ed25519' || key.fingerprint !== report.fingerprint)
    report.signature = { ok: false, reason: 'fingerprint_mismatch' };
  else report.signature = { ok: true };

  // 2. Files.
  report.files = await checkFiles(host, m, opts.onProgress);
  report.complete = !report.files.some((f) => f.reason === 'too_large_for_browser');

  // 3 and 4. Chain of custody and the binding of each file to it.
  report.custody = await checkCustody(host, m, publicKeyRaw, report.fingerprint);

  report.ok = report.signature.ok && report.custody.ok && report.files.every((f) => f.ok);
  return report;
}

/** @param {VerifyHost} host @param {string} keyB64 @param {string | Uint8Array} message @param {unknown} sigB64 */
async function safeVerify(host, keyB64, message, sigB64) {
  if (typeof sigB64 !== 'string' || !base64ToBytes(sigB64)) return false;
  try {
    return (await host.ed25519Verify(keyB64, message, sigB64)) === true;
  } catch {
    return false;
  }
}

/**
 * @param {VerifyHost} host @param {Json} m @param {((p: VerifyProgress) => void) | undefined} onProgress
 * @returns {Promise<FileResult[]>}
 */
async function checkFiles(host, m, onProgress) {
  /** @type {{ path: string, kind: any, sha256: unknown, size: unknown }[]} */
  const wanted = m.files.map((/** @type {unknown} */ f) => {
    const e = isObject(f) ? f : {};
    return { path: String(e.path), kind: str(e.kind) ?? 'original', sha256: e.sha256, size: e.size };
  });
  const custody = isObject(m.custody) ? m.custody : {};
  wanted.push({ path: String(custody.path), kind: 'custody', sha256: custody.sha256, size: custody.size });

  /** @type {FileResult[]} */
  const results = [];
  const seen = new Set(ALWAYS_PRESENT);
  const toHash = [];
  for (const w of wanted) {
    const expected = { sha256: String(w.sha256), size: Number(w.size) };
    if (!isSafePath(w.path)) results.push({ path: w.path, kind: w.kind, ok: false, reason: 'bad_path', expected });
    else if (seen.has(nfc(w.path))) results.push({ path: w.path, kind: w.kind, ok: false, reason: 'duplicate_path', expected });
    else {
      seen.add(nfc(w.path));
      const r = { path: w.path, kind: w.kind, ok: false, expected };
      results.push(r);
      toHash.push(r);
    }
  }

  // A listed file missing under its name may be there under the name an unzip tool garbled
  // (UTF-8 read as CP437 or CP866): found so, it is checked and the report says how it was stored,
  // rather than calling it missing and its garbled twin an extra file.
  const listed = await host.listFiles();
  const present = new Set(listed.map(nfc));
  for (const r of toHash) {
    if (present.has(nfc(r.path))) continue;
    const twin = listed.find((n) => !seen.has(nfc(n)) && utf8NamesMisreadAs(n).some((m) => m.name === nfc(r.path)));
    if (!twin) continue;
    seen.add(nfc(twin));
    Object.assign(r, { foundAs: twin, nameEncoding: utf8NamesMisreadAs(twin).find((m) => m.name === nfc(r.path))?.encoding });
  }

  const bytesTotal = toHash.reduce((s, r) => s + (Number.isFinite(r.expected.size) ? r.expected.size : 0), 0);
  let before = 0;
  for (const [i, r] of toHash.entries()) {
    /** @param {number} done */
    const progress = (done) => onProgress?.({ path: r.path, index: i + 1, count: toHash.length, bytesDone: before + done, bytesTotal });
    progress(0);
    Object.assign(r, await hashOne(host, /** @type {{ foundAs?: string }} */ (r).foundAs ?? r.path, r.expected, progress));
    before += Number.isFinite(r.expected.size) ? r.expected.size : 0;
  }

  for (const p of listed) {
    if (seen.has(nfc(p))) continue;
    if (OS_JUNK.test(p)) results.push({ path: p, kind: 'ignored', ok: true });
    else results.push({ path: p, kind: 'extra', ok: false, reason: 'not_in_manifest' });
  }
  return results;
}

/** @param {VerifyHost} host @param {string} path @param {{ sha256: string, size: number }} expected @param {(n: number) => void} progress */
async function hashOne(host, path, expected, progress) {
  let got;
  try {
    got = await host.hashFile(nfc(path), progress);
  } catch {
    return { ok: false, reason: /** @type {const} */ ('unreadable') };
  }
  if (!got) return { ok: false, reason: /** @type {const} */ ('missing') };
  if ('skipped' in got)
    return { ok: false, reason: /** @type {const} */ ('too_large_for_browser'), actual: { sha256: null, size: got.size } };
  const actual = { sha256: got.sha256, size: got.size };
  if (got.size !== expected.size) return { ok: false, reason: /** @type {const} */ ('size_mismatch'), actual };
  if (got.sha256 !== expected.sha256.toLowerCase() || !HEX64.test(got.sha256))
    return { ok: false, reason: /** @type {const} */ ('hash_mismatch'), actual };
  return { ok: true, actual };
}

/**
 * @param {VerifyHost} host @param {Json} m @param {string | null} publicKeyRaw @param {string | null} fingerprint
 * @returns {Promise<CustodyResult>}
 */
async function checkCustody(host, m, publicKeyRaw, fingerprint) {
  /** @type {CustodyResult} */
  const result = { ok: false, failures: [], segments: [], recordings: [], files: [], subjects: [] };
  const path = isObject(m.custody) ? m.custody.path : undefined;
  const text = isSafePath(path) ? await host.readText(nfc(/** @type {string} */ (path))) : null;
  if (text === null) return { ...result, failures: [{ seq: null, reason: 'custody_unreadable' }] };
  /** @type {unknown} */
  let c;
  try {
    c = JSON.parse(text);
  } catch {
    c = null;
  }
  if (!isObject(c) || c.format !== CUSTODY_FORMAT || typeof c.organisationId !== 'string' || !Array.isArray(c.segments))
    return { ...result, failures: [{ seq: null, reason: 'custody_format' }] };
  const checkpoints = Array.isArray(c.checkpoints) ? c.checkpoints.filter(isObject) : [];

  /** Entries of verified segments by seq: the only ones a recording may be bound to. */
  const verified = new Map();
  for (const seg of c.segments) {
    const s = isObject(seg) ? seg : {};
    const entries = Array.isArray(s.entries) ? s.entries.filter(isObject) : [];
    const cp = checkpoints.find((x) => x.seq === s.checkpointSeq);
    const failures = await checkSegment(host, c.organisationId, s.checkpointSeq, entries, cp, publicKeyRaw, fingerprint);
    result.segments.push({ checkpointSeq: Number(s.checkpointSeq), ok: failures.length === 0, entries: entries.length, failures });
    if (failures.length === 0) for (const e of entries) verified.set(e.seq, e);
  }

  const bound = isObject(c.recordings) ? c.recordings : {};
  for (const f of m.files) {
    if (!isObject(f)) continue;
    if (f.kind === 'original') result.recordings.push(bindRecording(f, bound[String(f.recordingId)], verified));
    if (f.ledgerEntry !== undefined) result.files.push(bindFile(f, verified));
  }
  const subjects = isObject(c.subjects) ? c.subjects : {};
  for (const [subjectType, ids] of Object.entries(subjects)) {
    for (const [subjectId, seqs] of Object.entries(isObject(ids) ? ids : {})) {
      result.subjects.push(checkSubject(subjectType, subjectId, seqs, verified));
    }
  }
  result.ok = [result.segments, result.recordings, result.files, result.subjects].every((list) => list.every((x) => x.ok));
  return result;
}

/**
 * @param {VerifyHost} host @param {string} orgId @param {unknown} checkpointSeq @param {Json[]} entries
 * @param {Json | undefined} cp @param {string | null} publicKeyRaw @param {string | null} fingerprint
 * @returns {Promise<CustodyFailure[]>}
 */
async function checkSegment(host, orgId, checkpointSeq, entries, cp, publicKeyRaw, fingerprint) {
  /** @type {CustodyFailure[]} */
  const failures = [];
  const cpSeq = typeof checkpointSeq === 'number' ? checkpointSeq : null;
  /** @param {unknown} seq @param {CustodyFailure['reason']} reason */
  const fail = (seq, reason) => failures.push({ seq: typeof seq === 'number' ? seq : null, reason });
  if (entries.length === 0) fail(cpSeq, 'empty_segment');
  /** @type {Json | null} */
  let prev = null;
  for (const e of entries) {
    if (prev && e.seq !== prev.seq + 1) fail(e.seq, 'seq_not_consecutive');
    if (prev && e.prevHash !== prev.entryHash) fail(e.seq, 'prev_hash_mismatch');
    const fields = ['baqylau-ledger-v1', orgId, e.seq, e.recordedAt, e.actorKind, e.actorId, e.action, e.subjectType];
    const hash = await host.sha256(JSON.stringify([...fields, e.subjectId, e.payloadHash, e.prevHash]));
    if (hash !== e.entryHash) fail(e.seq, 'entry_hash_mismatch');
    if (e.payload !== undefined && (typeof e.payload !== 'string' || (await host.sha256(e.payload)) !== e.payloadHash))
      fail(e.seq, 'payload_hash_mismatch');
    prev = e;
  }
  if (!cp) {
    fail(cpSeq, 'checkpoint_missing');
    return failures;
  }
  const last = entries.at(-1);
  if (last && last.seq !== cpSeq) fail(last.seq, 'checkpoint_seq_mismatch');
  if (last && last.entryHash !== cp.entryHash) fail(cpSeq, 'checkpoint_hash_mismatch');
  if (!fingerprint || cp.keyFingerprint !== fingerprint) fail(cpSeq, 'checkpoint_key_mismatch');
  const message = JSON.stringify(['baqylau-checkpoint-v1', orgId, cp.seq, cp.entryHash, cp.signedAt]);
  if (!publicKeyRaw || !(await safeVerify(host, publicKeyRaw, message, cp.signature))) fail(cpSeq, 'checkpoint_signature_invalid');
  return failures;
}

/**
 * @param {Json} f a manifest file of kind "original" @param {unknown} seqsIn custody.recordings[recordingId]
 * @param {Map<unknown, Json>} verified
 * @returns {RecordingBinding}
 */
function bindRecording(f, seqsIn, verified) {
  const recordingId = String(f.recordingId);
  const seqs = Array.isArray(seqsIn) ? seqsIn.filter((s) => typeof s === 'number') : [];
  const base = { recordingId, path: String(f.path), seqs };
  /** @param {RecordingBinding['reason']} reason @param {number} [seq] @returns {RecordingBinding} */
  const fail = (reason, seq) => ({ ...base, ok: false, reason, ...(seq === undefined ? {} : { seq }) });
  if (seqs.length === 0) return fail('no_custody_entries');
  for (const seq of seqs) {
    const e = verified.get(seq);
    if (!e) return fail('seq_not_verified', seq);
    if (typeof e.payload !== 'string') return fail('payload_missing', seq);
  }
  const ingest = seqs
    .map((s) => /** @type {Json} */ (verified.get(s)))
    .find((e) => e.action === 'recording.ingested' && e.subjectId === recordingId);
  if (!ingest) return fail('ingest_entry_missing');
  /** @type {unknown} */
  let payload;
  try {
    payload = JSON.parse(ingest.payload);
  } catch {
    return fail('payload_unreadable', ingest.seq);
  }
  if (!isObject(payload) || payload.sha256 !== f.sha256) return fail('ingest_sha256_mismatch', ingest.seq);
  if (payload.size !== f.size) return fail('ingest_size_mismatch', ingest.seq);
  return { ...base, ok: true, seq: ingest.seq };
}

/**
 * A file bound to the ledger entry that recorded it (`ledgerEntry` in the manifest): that entry is
 * in a verified segment with its payload, is the action on the subject the manifest names, and its
 * payload records the file's SHA-256 and size.
 * @param {Json} f a manifest file with `ledgerEntry`
 * @param {Map<unknown, Json>} verified
 * @returns {FileBinding}
 */
function bindFile(f, verified) {
  const b = isObject(f.ledgerEntry) ? f.ledgerEntry : {};
  const seq = typeof b.seq === 'number' ? b.seq : null;
  const base = { path: String(f.path), seq };
  /** @param {FileBinding['reason']} reason @returns {FileBinding} */
  const fail = (reason) => ({ ...base, ok: false, reason });
  const e = verified.get(seq);
  if (seq === null || !e) return fail('seq_not_verified');
  if (typeof e.payload !== 'string') return fail('payload_missing');
  if (e.action !== b.action || e.subjectType !== b.subjectType || e.subjectId !== b.subjectId) return fail('binding_entry_mismatch');
  /** @type {unknown} */
  let payload;
  try {
    payload = JSON.parse(e.payload);
  } catch {
    return fail('payload_unreadable');
  }
  if (!isObject(payload) || payload.sha256 !== f.sha256) return fail('entry_sha256_mismatch');
  if (payload.size !== f.size) return fail('entry_size_mismatch');
  return { ...base, ok: true };
}

/**
 * A ledger subject whose custody the package carries (custody.subjects): every listed entry is in a
 * verified segment, with its payload, and is about that subject.
 * @param {string} subjectType @param {string} subjectId @param {unknown} seqsIn @param {Map<unknown, Json>} verified
 * @returns {SubjectCustody}
 */
function checkSubject(subjectType, subjectId, seqsIn, verified) {
  const seqs = Array.isArray(seqsIn) ? seqsIn.filter((s) => typeof s === 'number') : [];
  const base = { subjectType, subjectId, seqs };
  /** @param {SubjectCustody['reason']} reason @param {number} [seq] @returns {SubjectCustody} */
  const fail = (reason, seq) => ({ ...base, ok: false, reason, ...(seq === undefined ? {} : { seq }) });
  if (seqs.length === 0) return fail('no_custody_entries');
  for (const seq of seqs) {
    const e = verified.get(seq);
    if (!e) return fail('seq_not_verified', seq);
    if (typeof e.payload !== 'string') return fail('payload_missing', seq);
    if (e.subjectType !== subjectType || e.subjectId !== subjectId) return fail('subject_mismatch', seq);
  }
  return { ...base, ok: true };
}
