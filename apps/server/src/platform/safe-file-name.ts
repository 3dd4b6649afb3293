/**
 * A client-supplied file name reduced to one safe path segment: no folders,
 * no control or reserved characters, no leading dots. Names are never trusted
 * as paths (DESIGN §5); they end up inside ZIPs and Content-Disposition headers.
 */
export function safeFileName(raw: string, fallback = 'file'): string {
  const base = (raw.split(/[/\\]/).at(-1) ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"*:<>?|]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 150);
  return base || fallback;
}
