import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition.ts';

describe('issue 13 downloads name the file in UTF-8 and, beside it, in plain ASCII', () => {
  it('a Cyrillic name: filename* in UTF-8, filename in ASCII with the extension kept', () => {
    expect(attachmentDisposition('Акт жою 2026-001.pdf')).toBe(
      `attachment; filename="________2026-001.pdf"; filename*=UTF-8''${encodeURIComponent('Акт жою 2026-001.pdf')}`,
    );
  });

  it('an ASCII name is the same in both; quotes and other specials cannot break out of the header', () => {
    expect(attachmentDisposition('20260302_101000_0001.mp4')).toBe(
      `attachment; filename="20260302_101000_0001.mp4"; filename*=UTF-8''20260302_101000_0001.mp4`,
    );
    const tricky = attachmentDisposition('a"; filename=evil.exe\r\n(1)*.mp4');
    expect(tricky).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
  });
});
