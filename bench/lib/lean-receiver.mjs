/* global WebAssembly */
// A prototype, not Baqylau: the least a Node server must do per upload (receive over HTTP, SHA-256 while
// writing to a file, fsync, answer with the digest), to show what the byte path of an upload can cost in Node
// on this machine. Usage: node lean-receiver.mjs DIR [--direct]; prints the port; PUT /<name> stores DIR/<name>.
// --direct writes 1 MiB blocks with O_DIRECT from page-aligned buffers (a WebAssembly memory), as the server does.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2];
const direct = process.argv.includes('--direct');
const SLAB = 1 << 20;

/** Copies the body into two page-aligned 1 MiB buffers and writes each with O_DIRECT, one write at a time. */
async function writeDirect(req, file, hash) {
  const mem = new WebAssembly.Memory({ initial: (2 * SLAB) / 65536 });
  const slabs = [Buffer.from(mem.buffer, 0, SLAB), Buffer.from(mem.buffer, SLAB, SLAB)];
  const fh = await fs.promises.open(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_DIRECT);
  let cur = 0;
  let fill = 0;
  let at = 0;
  let writing = Promise.resolve();
  const flush = async (n) => {
    await writing; // one write in flight; the other slab fills meanwhile
    const slab = slabs[cur];
    const pos = at;
    at += n;
    cur ^= 1;
    fill = 0;
    writing = fh.write(slab, 0, n, pos).then(() => undefined);
  };
  for await (const chunk of req) {
    hash.update(chunk);
    for (let off = 0; off < chunk.length;) {
      const n = chunk.copy(slabs[cur], fill, off);
      fill += n;
      off += n;
      if (fill === SLAB) await flush(SLAB);
    }
  }
  await writing;
  await fh.close();
  if (fill > 0) await fs.promises.appendFile(file, slabs[cur].subarray(0, fill)); // the tail, through the page cache
}

const server = http.createServer(async (req, res) => {
  const file = path.join(dir, path.basename(req.url || 'upload'));
  const hash = createHash('sha256');
  try {
    if (direct) await writeDirect(req, file, hash);
    else {
      req.on('data', (c) => hash.update(c));
      await pipeline(req, fs.createWriteStream(file, { highWaterMark: 1 << 20 }));
    }
    const fh = await fs.promises.open(file, 'r');
    await fh.sync();
    await fh.close();
    res.end(hash.digest('hex') + '\n');
  } catch (e) {
    res.statusCode = 500;
    res.end(String(e));
  }
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
