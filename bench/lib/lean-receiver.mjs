// A prototype, not Baqylau: the least a Node server must do per upload (receive over HTTP, SHA-256 while
// writing to a file, fsync, answer with the digest), to show what the byte path of an upload can cost in Node
// on this machine. Usage: node lean-receiver.mjs DIR; prints the port; PUT /<name> stores DIR/<name>.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2];
const server = http.createServer(async (req, res) => {
  const file = path.join(dir, path.basename(req.url || 'upload'));
  const hash = createHash('sha256');
  req.on('data', (c) => hash.update(c));
  try {
    await pipeline(req, fs.createWriteStream(file, { highWaterMark: 1 << 20 }));
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
