import { ApiError, NETWORK_ERROR } from './errors.ts';

export type Query = Record<string, string | number | undefined | null>;

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** POSTs (or PUTs) a file as the raw body with its own Content-Type (e.g. a PDF material), metadata in the query. */
  upload<T>(path: string, file: Blob, contentType: string, query?: Query, method?: 'POST' | 'PUT'): Promise<T>;
  /** The per-session token the server wants in `x-csrf-token` on every non-GET request. */
  setCsrfToken(token: string | null): void;
}

export interface ApiClientOptions {
  /** The interface language, sent as Accept-Language so errors before sign-in come translated. */
  language: () => string;
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
  let csrfToken: string | null = null;
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = opts.baseUrl ?? '';

  async function request<T>(method: string, path: string, body?: unknown, query?: Query, raw?: { file: Blob; type: string }): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': opts.language() };
    if (raw) headers['content-type'] = raw.type;
    else if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let res: Response;
    try {
      res = await doFetch(base + path + queryString(query), {
        method,
        headers,
        credentials: 'same-origin',
        body: raw ? raw.file : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, '');
    }
    const text = await res.text();
    const json: unknown = text ? safeJson(text) : null;
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new ApiError(res.status, e?.code ?? `http.${res.status}`, e?.message ?? res.statusText, e?.details);
    }
    return json as T;
  }

  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    upload: (path, file, type, query, method = 'POST') => request(method, path, undefined, query, { file, type }),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}

function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
