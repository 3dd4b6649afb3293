// @ts-check
// The page of verify.html: a WebCrypto host for verify-core.js and the report on screen.
// verify-page.ts inlines this file after verify-core.js, dropping the import line below.
import { BROWSER_MAX_BYTES, base64ToBytes, formatFingerprint, verifyPackage } from './verify-core.js';

/** @typedef {import('./verify-core.js').VerifyHost} VerifyHost */
/** @typedef {import('./verify-core.js').VerifyReport} VerifyReport */
/** @typedef {{ path: string, file: File }} Picked */

/** @type {Record<string, Record<string, string>>} */
const STRINGS = JSON.parse(document.getElementById('strings')?.textContent ?? '{}');
let lang = 'kk';
/** @type {VerifyReport | null} */
let lastReport = null;

/** @param {string} key @param {Record<string, string | number>} [vars] */
function t(key, vars = {}) {
  const text = STRINGS[lang]?.[`verifyPage.${key}`] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars[name] ?? ''));
}

/**
 * Builds an element; text is always set as text, never parsed as HTML (file names come from the package).
 * @param {string} tag @param {Record<string, string>} [attrs] @param {(Node | string | null)[]} children
 */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {ArrayBuffer} buf */
const toHex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** @param {number} bytes */
function size(bytes) {
  if (!Number.isFinite(bytes)) return '—';
  // Decimal units, as Intl labels them (kB, MB, GB); the exact byte count is in the cell's title.
  const [unit, div] = bytes >= 1e9 ? ['gigabyte', 1e9] : bytes >= 1e6 ? ['megabyte', 1e6] : ['kilobyte', 1e3];
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / div);
  } catch {
    return `${(bytes / div).toFixed(1)} ${unit}`;
  }
}

/**
 * A host over the picked files. The package folder is where the shallowest manifest.json is,
 * so choosing the folder the ZIP was unzipped into works as well as the package folder itself.
 * @param {Picked[]} picked @returns {VerifyHost}
 */
function browserHost(picked) {
  const manifests = picked.filter((p) => p.path === 'manifest.json' || p.path.endsWith('/manifest.json'));
  manifests.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  const prefix = manifests[0] ? manifests[0].path.slice(0, -'manifest.json'.length) : '';
  /** @type {Map<string, File>} */
  const files = new Map();
  for (const p of picked) {
    const rel = p.path.startsWith(prefix) ? p.path.slice(prefix.length) : `../${p.path}`;
    files.set(rel.normalize('NFC'), p.file);
  }
  /** @param {string | Uint8Array} data */
  const bytes = (data) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
  return {
    async readBytes(path) {
      const f = files.get(path);
      return f ? new Uint8Array(await f.arrayBuffer()) : null;
    },
    async readText(path) {
      const f = files.get(path);
      return f ? f.text() : null;
    },
    async hashFile(path, onProgress) {
      const f = files.get(path);
      if (!f) return null;
      // WebCrypto has no incremental digest: a file is read whole, so very large ones are left to the CLI.
      if (f.size > BROWSER_MAX_BYTES) return { skipped: 'too_large', size: f.size };
      const buf = await f.arrayBuffer();
      const sha256 = toHex(await crypto.subtle.digest('SHA-256', buf));
      onProgress?.(buf.byteLength);
      return { sha256, size: buf.byteLength };
    },
    listFiles: async () => [...files.keys()],
    sha256: async (data) => toHex(await crypto.subtle.digest('SHA-256', /** @type {BufferSource} */ (bytes(data)))),
    async ed25519Verify(keyB64, message, sigB64) {
      const raw = base64ToBytes(keyB64);
      const sig = base64ToBytes(sigB64);
      if (!raw || !sig) return false;
      const key = await crypto.subtle.importKey('raw', /** @type {BufferSource} */ (raw), { name: 'Ed25519' }, false, ['verify']);
      return crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        /** @type {BufferSource} */ (sig),
        /** @type {BufferSource} */ (bytes(message)),
      );
    },
  };
}

/** Every file under a dropped folder, with its path from the dropped item. @param {FileSystemEntry} entry @returns {Promise<Picked[]>} */
async function walkEntry(entry) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, reject));
    return [{ path: entry.fullPath.replace(/^\//, ''), file }];
  }
  const reader = /** @type {FileSystemDirectoryEntry} */ (entry).createReader();
  /** @type {Picked[]} */
  const out = [];
  for (;;) {
    /** @type {FileSystemEntry[]} */
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    for (const e of batch) out.push(...(await walkEntry(e)));
  }
}

/** @param {Picked[]} picked */
async function check(picked) {
  $('result').hidden = true;
  $('error').hidden = true;
  $('progress').hidden = false;
  const bar = /** @type {HTMLProgressElement} */ ($('bar'));
  try {
    if (!crypto?.subtle) throw new Error(t('noCrypto'));
    lastReport = await verifyPackage(browserHost(picked), {
      onProgress: (p) => {
        bar.value = p.bytesTotal ? p.bytesDone / p.bytesTotal : 0;
        $('progressText').textContent =
          `${t('progress', { index: p.index, count: p.count, path: p.path })} — ${t('progressBytes', { done: size(p.bytesDone), total: size(p.bytesTotal) })}`;
      },
    });
    renderReport();
  } catch (e) {
    $('error').textContent = t('readError', { message: e instanceof Error ? e.message : String(e) });
    $('error').hidden = false;
  } finally {
    $('progress').hidden = true;
  }
}

/** @param {boolean} ok @param {string} [reason] */
const status = (ok, reason) =>
  el(
    'span',
    { class: ok ? 'ok' : 'bad', 'data-ok': String(ok) },
    ok ? t('ok') : reason ? `${t('fail')}: ${t(`reason.${reason}`)}` : t('fail'),
  );

function renderReport() {
  const r = lastReport;
  if (!r) return;
  const verdict = r.ok ? 'ok' : !r.complete && !r.fatal ? 'incomplete' : 'fail';
  const v = $('verdict');
  v.className = `verdict ${verdict}`;
  v.dataset.verdict = verdict;
  v.textContent = r.fatal ? `${t('verdict.fail')} ${t(`reason.${r.fatal}`)}` : t(`verdict.${verdict}`);
  $('fingerprint').textContent = r.fingerprint ? formatFingerprint(r.fingerprint) : '—';

  const p = r.package;
  const facts = /** @type {const} */ (['number', 'createdAt', 'organisation', 'recipient', 'caseNumber']);
  $('pkg').replaceChildren(...facts.flatMap((k) => (p[k] ? [el('dt', {}, t(k)), el('dd', {}, p[k])] : [])));

  const sig = $('signature');
  sig.replaceChildren(status(r.signature.ok, r.signature.reason));
  sig.dataset.ok = String(r.signature.ok);

  const c = r.custody;
  const entries = c.segments.reduce((s, x) => s + x.entries, 0);
  const problems = [
    ...c.failures.map((f) => el('li', { 'data-reason': f.reason }, t(`reason.${f.reason}`))),
    ...c.segments.flatMap((s) =>
      s.failures.map((f) =>
        el(
          'li',
          { 'data-seq': String(f.seq), 'data-reason': f.reason },
          `${t('entry', { seq: f.seq ?? '?' })}: ${t(`reason.${f.reason}`)}`,
        ),
      ),
    ),
    ...c.recordings
      .filter((b) => !b.ok)
      .map((b) =>
        el(
          'li',
          { 'data-seq': String(b.seq ?? ''), 'data-reason': b.reason ?? '' },
          `${t('recording', { path: b.path })}${b.seq === undefined ? '' : ` (${t('entry', { seq: b.seq })})`}: ${t(`reason.${b.reason}`)}`,
        ),
      ),
    ...c.files
      .filter((b) => !b.ok)
      .map((b) =>
        el(
          'li',
          { 'data-path': b.path, 'data-seq': String(b.seq ?? ''), 'data-reason': b.reason ?? '' },
          `${t('file', { path: b.path })} (${t('entry', { seq: b.seq ?? '?' })}): ${t(`reason.${b.reason}`)}`,
        ),
      ),
    ...c.subjects
      .filter((x) => !x.ok)
      .map((x) =>
        el(
          'li',
          { 'data-seq': String(x.seq ?? ''), 'data-reason': x.reason ?? '' },
          `${t('subject', { type: x.subjectType, id: x.subjectId })}${x.seq === undefined ? '' : ` (${t('entry', { seq: x.seq })})`}: ${t(`reason.${x.reason}`)}`,
        ),
      ),
  ];
  const custody = $('custody');
  custody.dataset.ok = String(c.ok);
  custody.replaceChildren(
    status(c.ok),
    // Originals bound to their ingest entries and other files bound to the entries that recorded them.
    el('p', {}, t('custodySummary', { segments: c.segments.length, entries, recordings: c.recordings.length + c.files.length })),
    ...(problems.length ? [el('ul', {}, ...problems)] : []),
  );

  const head = el('tr', {}, ...['path', 'kind', 'size', 'result'].map((k) => el('th', {}, t(`col.${k}`))));
  const rows = r.files.map((f) => {
    const detail =
      f.reason === 'hash_mismatch' || f.reason === 'size_mismatch' ? el('div', { class: 'detail' }, t('expectedFound', detailOf(f))) : null;
    // Found under the name the unzip tool garbled (UTF-8 read as CP437/CP866): said, not "missing" and "extra".
    const foundAs = f.foundAs
      ? el(
          'div',
          { class: 'detail', 'data-found-as': f.foundAs },
          t('foundAs', { name: f.foundAs, encoding: (f.nameEncoding ?? '').toUpperCase() }),
        )
      : null;
    const result =
      f.reason === 'too_large_for_browser'
        ? el('span', { class: 'warn', 'data-ok': 'false' }, `${t('notChecked')}: ${t('reason.too_large_for_browser')}`)
        : status(f.ok, f.reason);
    return el(
      'tr',
      { 'data-path': f.path, 'data-ok': String(f.ok), 'data-reason': f.reason ?? '', class: f.ok ? 'row-ok' : 'row-bad' },
      el('td', { class: 'path' }, f.path),
      el('td', {}, STRINGS[lang]?.[`verifyPage.kind.${f.kind}`] ? t(`kind.${f.kind}`) : f.kind),
      el('td', { class: 'num', title: String(f.actual?.size ?? f.expected?.size ?? '') }, size(f.actual?.size ?? f.expected?.size ?? NaN)),
      el('td', {}, result, detail, foundAs),
    );
  });
  $('files').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  $('result').hidden = false;
}

/** @param {import('./verify-core.js').FileResult} f */
function detailOf(f) {
  if (f.reason === 'size_mismatch') return { expected: size(f.expected?.size ?? NaN), found: size(f.actual?.size ?? NaN) };
  return { expected: `${f.expected?.sha256.slice(0, 16)}…`, found: `${f.actual?.sha256?.slice(0, 16)}…` };
}

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(/** @type {string} */ (e.getAttribute('data-t')));
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
  renderReport();
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    lang = b.getAttribute('data-lang') ?? 'kk';
    applyLanguage();
  });
}

const pick = /** @type {HTMLInputElement} */ ($('pick'));
pick.addEventListener('change', () => {
  const picked = [...(pick.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  if (picked.length) void check(picked);
});

const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const entries = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry()).filter((x) => x !== null);
  const picked = (await Promise.all(entries.map(walkEntry))).flat();
  if (picked.length) void check(picked);
});

applyLanguage();
