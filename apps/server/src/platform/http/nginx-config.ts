import path from 'node:path';

export interface NginxSiteOptions {
  /** What nginx listens on, e.g. "80", "127.0.0.1:8443 ssl". */
  listen: string;
  /** host:port of the Baqylau server (one or more instances). */
  upstreams: string[];
  /** DATA_DIR of the server(s): objects live in DATA_DIR/blobs/objects. */
  dataDir: string;
  /** MEDIA_OFFLOAD_PREFIX. */
  offloadPrefix: string;
}

/**
 * The nginx site for MEDIA_OFFLOAD=x-accel: every request goes to Baqylau,
 * which authorises it and writes the ledger; for stored bytes it answers with
 * X-Accel-Redirect and nginx sends the file (sendfile, Range, conditional GET).
 * The objects location is `internal`: no client can ask for it directly.
 * Uploads stream through unbuffered (tus, up to INGEST_MAX_BYTES).
 */
export function renderNginxSite(o: NginxSiteOptions): string {
  const objects = path.join(path.resolve(o.dataDir), 'blobs', 'objects') + '/';
  return `# Baqylau behind nginx (MEDIA_OFFLOAD=x-accel, MEDIA_OFFLOAD_PREFIX=${o.offloadPrefix})
upstream baqylau {
${o.upstreams.map((u) => `  server ${u};`).join('\n')}
  keepalive 32;
}

server {
  listen ${o.listen};
  client_max_body_size 0;

  location / {
    proxy_pass http://baqylau;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Baqylau-Offload x-accel;
    proxy_request_buffering off;
    proxy_max_temp_file_size 0;
    proxy_read_timeout 1h;
    proxy_send_timeout 1h;
  }

  location ${o.offloadPrefix} {
    internal;
    alias ${objects};
    sendfile on;
    tcp_nopush on;
    default_type application/octet-stream;
  }
}
`;
}

/**
 * A whole nginx.conf that runs in the foreground with everything under `dir` (tests, benchmarks, a quick try).
 * Started by root, nginx would switch its workers to nobody, who may not read the data folder: they stay root.
 */
export function standaloneNginxConf(dir: string, site: string, workers: 'auto' | number = 'auto'): string {
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
master_process on;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site.replace(/^/gm, '  ')}
}
`;
}
