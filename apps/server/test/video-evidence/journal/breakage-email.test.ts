import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker } from '../../../src/composition/runtime.ts';
import { updateUser } from '../../../src/kernel/users/users.repository.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';

let ctx: TestContext;
let smtp: SMTPServer;
const received: { to: string[]; raw: string }[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  ctx = await createTestContext();
  const port = (smtp.server.address() as { port: number }).port;
  ctx.deps.config.smtpUrl = `smtp://127.0.0.1:${port}`;
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('R444-20 breakage notice by e-mail when SMTP is configured', () => {
  it('the head and the responsible person get an e-mail in their language', async () => {
    const w = await seedJournalWorld(ctx);
    await updateUser(ctx.deps.db, w.world.userIds.get('head')!, { email: 'head@kgd.example.kz', locale: 'kk' });
    await updateUser(ctx.deps.db, w.world.userIds.get('responsible')!, { email: 'resp@kgd.example.kz', locale: 'ru' });
    await w.issue(w.resp, w.recorders[0]!, 'inspector1');
    const res = await w.resp.post(w.api(`/recorders/${w.recorders[0]!.id}/breakage`), { description: 'Объектив сынды' });
    expect(res.statusCode).toBe(201);
    const { worker } = buildWorker(ctx.deps);
    await worker.drain(() => ctx.clock.now);
    const to = received.flatMap((m) => m.to).sort();
    expect(to).toEqual(['head@kgd.example.kz', 'resp@kgd.example.kz']);
    const decoded = received.map((m) => decodeSubject(m.raw));
    expect(decoded).toEqual(expect.arrayContaining(['ВР-001 бейнетіркеуіші істен шықты', 'Поломка видеорегистратора ВР-001']));
  });
});

/** The Subject header, RFC 2047 encoded-words decoded. */
function decodeSubject(raw: string): string {
  const header = /^Subject: ((?:.*\r?\n[ \t].*)*.*)$/m.exec(raw)![1]!.replace(/\r?\n[ \t]/g, ' ');
  return header
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQ(text),
    )
    .trim();
}

function decodeQ(text: string) {
  const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
