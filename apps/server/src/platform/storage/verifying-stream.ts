import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * A read-time check for a whole object on its way out (R444-13): hashes the bytes and holds back the
 * last chunk until the end. When the bytes do not hash to the object's address the stream fails
 * instead of sending that chunk, so the client gets a broken transfer, never a complete damaged
 * file under the recorded hash, and `onDamaged` learns what was found and gives the error to fail
 * with (answered as such when no byte was sent yet, e.g. a small object read in one chunk).
 */
export function verifyingStream(expected: { sha256: string; size: number }, onDamaged: (found: { sha256: string; size: number }) => Error) {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      const out = held;
      held = chunk;
      done(null, out);
    },
    flush(done) {
      const found = { sha256: hash.digest('hex'), size };
      if (found.sha256 !== expected.sha256 || found.size !== expected.size) {
        return done(onDamaged(found));
      }
      done(null, held);
    },
  });
}
