/**
 * `Content-Disposition: attachment` for a file name in any script (RFC 6266): `filename*` carries
 * the name in UTF-8 for every current browser, and a plain ASCII `filename` beside it serves the
 * clients that read only that (old mail and download tools, some proxies). The ASCII name keeps
 * the extension; a letter it cannot spell becomes "_".
 */
export function attachmentDisposition(name: string, ascii = asciiFileName(name)): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

export const asciiFileName = (name: string) => name.replace(/[^\w.-]/g, '_') || 'download';

// encodeURIComponent leaves ' ( ) * ! as they are; RFC 5987's attr-char does not allow the first four.
const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
