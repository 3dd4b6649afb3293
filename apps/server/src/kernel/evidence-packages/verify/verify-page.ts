import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { resources } from '@baqylau/i18n';
import { serverPath } from '../../../platform/server-root.ts';

const LANGS = ['kk', 'ru', 'en'] as const;
const LANGUAGE_NAMES = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The script of the page: verify-core.js then verify-ui.js as one module, without their import/export syntax. */
function pageScript() {
  const read = (name: string) => fs.readFileSync(serverPath('src/kernel/evidence-packages/verify', name), 'utf8');
  const core = read('verify-core.js').replace(/^export /gm, '');
  const ui = read('verify-ui.js').replace(/^import [^;]+;\n/gm, '');
  return `${core}\n${ui}`;
}

/** The verifyPage.* words of every language, as JSON safe inside a <script> element. */
function pageStrings() {
  const pick = (catalog: Record<string, string>) =>
    Object.fromEntries(Object.entries(catalog).filter(([k]) => k.startsWith('verifyPage.')));
  const strings = Object.fromEntries(LANGS.map((l) => [l, pick(resources[l].common)]));
  return JSON.stringify(strings).replace(/</g, '\\u003c');
}

const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1b1e; background: #f8f9fa; }
body { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
h1 { font-size: 1.6rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.langs button { font: inherit; border: 1px solid #adb5bd; background: #fff; padding: .3rem .7rem; border-radius: .3rem; cursor: pointer; }
.langs button[aria-pressed="true"] { background: #1c7ed6; color: #fff; border-color: #1c7ed6; }
.drop { position: relative; display: block; border: 2px dashed #74c0fc; border-radius: .6rem; padding: 1.5rem; text-align: center; background: #fff; cursor: pointer; }
.drop.over { background: #e7f5ff; }
.drop input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.drop:focus-within { outline: 3px solid #74c0fc; }
.drop small { display: block; color: #495057; margin-top: .5rem; }
progress { width: 100%; height: 1rem; }
.verdict { font-size: 1.25rem; font-weight: 600; padding: 1rem; border-radius: .5rem; margin-top: 1.5rem; }
.verdict.ok { background: #d3f9d8; color: #2b8a3e; border: 2px solid #2b8a3e; }
.verdict.fail { background: #ffe3e3; color: #c92a2a; border: 2px solid #c92a2a; }
.verdict.incomplete { background: #fff3bf; color: #8f5e00; border: 2px solid #f59f00; }
.fp { background: #fff; border: 2px solid #1c7ed6; border-radius: .5rem; padding: 1rem; margin-top: 1rem; }
.fp h2 { margin-top: 0; }
#fingerprint { display: block; font: 600 1.3rem/1.6 ui-monospace, "DejaVu Sans Mono", monospace; word-spacing: .3rem; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { color: #495057; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dee2e6; vertical-align: top; }
td.path { font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: break-word; }
td.num { white-space: nowrap; }
.ok { color: #2b8a3e; font-weight: 600; }
.bad { color: #c92a2a; font-weight: 600; }
.warn { color: #8f5e00; font-weight: 600; }
tr.row-bad { background: #fff5f5; }
.detail { font: .85rem ui-monospace, "DejaVu Sans Mono", monospace; color: #495057; }
#error { color: #c92a2a; font-weight: 600; }
`;

let cached: string | undefined;

/**
 * verify.html of a court package: one self-contained file (inline CSS and script, the words of
 * kk/ru/en) that checks the unzipped package in the browser. Its Content-Security-Policy allows
 * only its own script by hash and forbids every connection, so nothing can leave the page.
 */
export function renderVerifyHtml(): string {
  if (cached) return cached;
  const script = pageScript();
  const scriptHash = createHash('sha256').update(script).digest('base64');
  const styleHash = createHash('sha256').update(CSS).digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    `style-src 'sha256-${styleHash}'`,
    "connect-src 'none'",
    "img-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const langButtons = LANGS.map((l) => `<button type="button" data-lang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</button>`).join('');
  cached = `<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baqylau — verify.html</title>
<style>${CSS}</style>
</head>
<body>
<header><h1 data-t="title"></h1><nav class="langs" aria-label="Language">${langButtons}</nav></header>
<p data-t="intro"></p>
<label class="drop" id="drop"><strong data-t="choose"></strong><small data-t="drop"></small><input type="file" id="pick" webkitdirectory multiple></label>
<section id="progress" hidden><progress id="bar" max="1" value="0"></progress><p id="progressText"></p></section>
<p id="error" role="alert" hidden></p>
<section id="result" hidden>
<div id="verdict" class="verdict" role="status"></div>
<div class="fp"><h2 data-t="fingerprint"></h2><code id="fingerprint"></code><p data-t="fingerprintHint"></p></div>
<h2 data-t="package"></h2><dl id="pkg"></dl>
<h2 data-t="signature"></h2><div id="signature"></div>
<h2 data-t="custody"></h2><div id="custody"></div>
<h2 data-t="files"></h2><table id="files"></table>
</section>
<script type="application/json" id="strings">${pageStrings()}</script>
<script type="module">${script}</script>
</body>
</html>
`;
  return cached;
}
