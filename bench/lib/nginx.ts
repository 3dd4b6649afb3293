/**
 * Debian's nginx as our child for the playback benchmark, its own config in a temp folder, in the foreground:
 * either serving one file directly (the reference) or with the site `baqylau nginx-site` prints in front of a
 * Baqylau server (MEDIA_OFFLOAD=x-accel).
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderNginxSite, standaloneNginxConf } from '../../apps/server/src/platform/http/nginx-config.ts';
import { freePort, sleep, spawnProc, type Proc } from './procs.ts';

export interface RunningNginx {
  proc: Proc;
  /** http://127.0.0.1:port */
  base: string;
  /** The nginx.conf it runs, temp folder written as $TMP. */
  conf: string;
  /** The master and its workers (their CPU counts as nginx's). */
  pids(): number[];
}

export function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function launch(
  dir: string,
  port: number,
  conf: string,
  probe: string,
  answered = (r: Response) => r.ok,
): Promise<RunningNginx & { probeUrl: string }> {
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const proc = spawnProc(
    `nginx-${path.basename(dir)}`,
    'nginx',
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
    {
      logFile: path.join(dir, 'stdout.log'),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 10_000; ; await sleep(100)) {
    if (!proc.alive()) throw new Error(`nginx exited:\n${proc.output()}\n${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    const ok = await fetch(url + probe, { method: 'HEAD' }).then(answered, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer ${probe} in 10 s`);
  }
  return { proc, base: url, probeUrl: url + probe, conf: conf.replaceAll(dir, '$TMP'), pids: () => [proc.pid, ...childPids(proc.pid)] };
}

/** nginx serving `object` at /media with sendfile: what the kernel and nginx do with no authorisation at all. */
export async function startNginxReference(dir: string, object: string, workers: '1' | 'auto') {
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const site = `sendfile on;
tcp_nopush on;
default_type video/mp4;
server {
  listen 127.0.0.1:${port};
  location = /media { alias ${object}; }
}`;
  const conf = standaloneNginxConf(dir, site, workers === '1' ? 1 : 'auto');
  const n = await launch(dir, port, conf, '/media');
  return { ...n, url: n.probeUrl };
}

/**
 * nginx (`worker_processes auto`) with the site of `baqylau nginx-site` (renderNginxSite) in front of `upstream`,
 * exactly as the server prints it, wrapped by standaloneNginxConf as the server's tests run it.
 */
export async function startNginxInFront(dir: string, upstream: string, dataDir: string, offloadPrefix: string) {
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const site = renderNginxSite({ listen: `127.0.0.1:${port}`, upstreams: [upstream], dataDir, offloadPrefix });
  const conf = standaloneNginxConf(dir, site, 'auto');
  return launch(dir, port, conf, '/healthz');
}

/**
 * nginx (`worker_processes auto`) passing every request through to an S3 endpoint with the client's Host, so a
 * URL presigned for this nginx verifies at the S3 server: how presigned playback would be served behind nginx.
 */
export async function startNginxInFrontOfS3(dir: string, s3Endpoint: string) {
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const site = `upstream s3 {
  server ${new URL(s3Endpoint).host};
  keepalive 16;
}
server {
  listen 127.0.0.1:${port};
  location / {
    proxy_pass http://s3;
    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header Connection "";
    proxy_buffering off;
  }
}`;
  const conf = standaloneNginxConf(dir, site, 'auto');
  return launch(dir, port, conf, '/', (r) => r.status < 500); // S3 answers an anonymous HEAD / with a refusal: it is up
}
