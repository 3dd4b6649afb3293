import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderNginxSite, standaloneNginxConf } from '../../src/platform/http/nginx-config.ts';
import { freePort } from './free-port.ts';

export interface RunningNginx {
  url: string;
  close(): Promise<void>;
}

/** Debian's nginx as our child, in front of a Baqylau server, with the site `baqylau nginx-site` prints. */
export async function startNginxInFront(upstream: string | string[], dataDir: string, offloadPrefix: string): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-nginx-'));
  const port = await freePort();
  const site = renderNginxSite({ listen: `127.0.0.1:${port}`, upstreams: [upstream].flat(), dataDir, offloadPrefix });
  const conf = standaloneNginxConf(dir, site, 1);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const proc: ChildProcess = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      if (proc.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `nginx did not start: ${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async close() {
      proc.kill('SIGQUIT');
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
