import http from 'node:http';
import https from 'node:https';

export interface ApiResponse {
  status: number;
  ok: boolean;
  text: string;
  json<T>(): T;
}

/**
 * JSON over HTTP for the agent's own calls (dockings, receipts), on Node's
 * http client rather than fetch: Node 20's fetch can lose a request whose
 * connection the other side closes right after accepting it (a TCP proxy or
 * balancer in front of a restarting server). The promise then never settles,
 * and with nothing else pending the agent exited silently with code 0.
 * `idleMs` bounds a silent server (a receipt may first hash a whole upload).
 */
export function apiRequest(
  server: string,
  token: string,
  path: string,
  o: { method?: string; body?: unknown; idleMs?: number; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const url = new URL(path, server);
  const body = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
  const idleMs = o.idleMs ?? 10 * 60_000;
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: o.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...o.headers,
          ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
        },
        timeout: idleMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          resolve({ status, ok: status >= 200 && status < 300, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${req.method} ${url.pathname}: no answer for ${idleMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
