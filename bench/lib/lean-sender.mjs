// A prototype, not Baqylau: the least a dock agent must do per file (read it once, SHA-256 every byte, send it
// over HTTP), for the lean pipeline the ingest benchmark compares with. Usage: node lean-sender.mjs FILE URL;
// prints "<local sha256> <server's answer>".
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const [file, url] = process.argv.slice(2);
const size = fs.statSync(file).size;
const fh = await fs.promises.open(file, 'r');
const hash = createHash('sha256');
const CHUNK = 1 << 20;
const free = Array.from({ length: 4 }, () => Buffer.allocUnsafeSlow(CHUNK)); // reused once the socket took them
let wake;
const answer = new Promise((resolve, reject) => {
  const req = http.request(url, { method: 'PUT', headers: { 'content-length': size } }, (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => resolve(body.trim()));
  });
  req.on('error', reject);
  (async () => {
    for (let pos = 0; pos < size;) {
      while (free.length === 0) await new Promise((r) => (wake = r));
      const buf = free.pop();
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, size - pos), pos);
      const chunk = buf.subarray(0, bytesRead);
      pos += bytesRead;
      hash.update(chunk);
      const ok = req.write(chunk, () => {
        free.push(buf);
        wake?.();
      });
      if (!ok) await new Promise((r) => req.once('drain', r));
    }
    req.end();
  })().catch(reject);
});
const server = await answer;
await fh.close();
console.log(`${hash.digest('hex')} ${server}`);
