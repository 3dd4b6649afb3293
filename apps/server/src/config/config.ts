import { isIP } from 'node:net';
import path from 'node:path';
import { StartupError } from '../platform/errors.ts';

/** A value breaking a setting's rule: the rule's code (`common:startup.rule.<rule>`) and its English wording for logs. */
class RuleBroken extends Error {
  constructor(
    readonly rule: string,
    readonly vars: Record<string, string | number>,
    english: string,
  ) {
    super(english);
  }
}

/**
 * Every setting, declared once: environment variable, default, parser and doc.
 * `process.env` is read here and nowhere else. The README table is generated
 * from this list (`baqylau config`).
 */
interface Setting<T> {
  env: string;
  doc: string;
  default: T | undefined;
  parse(raw: string): T;
}

const int = (min: number, max: number) => (raw: string) => {
  if (!/^\d+$/.test(raw)) throw new RuleBroken('whole_number', {}, 'must be a whole number');
  const n = Number(raw);
  if (n < min || n > max) throw new RuleBroken('between', { min, max }, `must be between ${min} and ${max}`);
  return n;
};
const str = (raw: string) => raw;
const bool = (raw: string) => {
  if (!['true', 'false', '1', '0'].includes(raw)) throw new RuleBroken('boolean', {}, 'must be true or false');
  return raw === 'true' || raw === '1';
};
const url = (protocols: string[]) => (raw: string) => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new RuleBroken('url', {}, 'must be a URL');
  }
  if (!protocols.includes(u.protocol))
    throw new RuleBroken('url_protocol', { protocols: protocols.join(' | ') }, `must start with ${protocols.join(' or ')}`);
  return raw;
};
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string) => {
    if (!values.includes(raw as T)) throw new RuleBroken('one_of', { values: values.join(', ') }, `must be one of ${values.join(', ')}`);
    return raw as T;
  };

const ipAddress = (raw: string) => {
  if (!isIP(raw)) throw new RuleBroken('ip_address', {}, 'must be an IP address');
  return raw;
};
const minLength = (min: number) => (raw: string) => {
  if (raw.length < min) throw new RuleBroken('min_length', { min }, `must be at least ${min} characters long`);
  return raw;
};
/** 127.0.0.0/8 and ::1 (also as ::ffff:127.x): only processes on this host reach them. */
export const isLoopback = (ip: string) => /^(::ffff:)?127\./.test(ip) || ip === '::1';

/** Comma-separated IP addresses or CIDR ranges (10.0.0.0/8, ::1); empty for none. */
const addresses = (raw: string) =>
  raw
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const [ip, bits, extra] = a.split('/');
      const v = isIP(ip ?? '');
      if (!v || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128))))
        throw new RuleBroken('address', { address: a }, `«${a}» is not an IP address or CIDR range`);
      return a;
    });

export const SETTINGS = {
  port: { env: 'PORT', doc: 'HTTP port', default: 8080, parse: int(1, 65535) },
  trustProxy: {
    env: 'TRUST_PROXY',
    doc: 'Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated; 127.0.0.1 for the nginx site on the same machine). Default: none, so a client cannot write its own address into the ledger',
    default: [] as string[],
    parse: addresses,
  },
  host: { env: 'HOST', doc: 'Interface to listen on', default: '127.0.0.1', parse: str },
  dataDir: {
    env: 'DATA_DIR',
    doc: 'Folder for the embedded database, blob store and instance signing key',
    default: './data',
    parse: str,
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'PostgreSQL connection URL; when unset the embedded PGlite in DATA_DIR is used',
    default: undefined,
    parse: url(['postgres:', 'postgresql:']),
  },
  publicUrl: {
    env: 'PUBLIC_URL',
    doc: 'Address users reach the server at; https here makes cookies Secure',
    default: undefined,
    parse: url(['http:', 'https:']),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    doc: 'fatal, error, warn, info, debug, trace or silent',
    default: 'info',
    parse: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  },
  sessionTtlHours: {
    env: 'SESSION_TTL_HOURS',
    doc: 'Idle lifetime of a login session',
    default: 12,
    parse: int(1, 24 * 30),
  },
  checkpointIntervalMinutes: {
    env: 'CHECKPOINT_INTERVAL_MINUTES',
    doc: 'How often each organisation ledger head is signed',
    default: 60,
    parse: int(1, 24 * 60),
  },
  accessRefusalWindowMinutes: {
    env: 'ACCESS_REFUSAL_WINDOW_MINUTES',
    doc: 'Refused requests for evidence by one caller for one rule are counted in one audit row per this many minutes (R444-21)',
    default: 10,
    parse: int(1, 24 * 60),
  },
  worker: {
    env: 'WORKER',
    doc: 'Run the job worker in this process (turn off on extra web-only instances)',
    default: true,
    parse: bool,
  },
  batteryMinPercent: {
    env: 'BATTERY_MIN_PERCENT',
    doc: 'Lowest battery charge accepted when a recorder is issued (Order 444, point 20)',
    default: 80,
    parse: int(1, 100),
  },
  investigationRetentionYears: {
    env: 'INVESTIGATION_RETENTION_YEARS',
    doc: 'Retention of investigation recordings, which point 12 of Order 444 does not cover',
    default: 3,
    parse: int(1, 50),
  },
  ingestMaxBytes: {
    env: 'INGEST_MAX_BYTES',
    doc: 'Largest recording accepted from a dock agent, in bytes (default 64 GiB)',
    default: 64 * 2 ** 30,
    parse: int(1, Number.MAX_SAFE_INTEGER),
  },
  uploadExpiryHours: {
    env: 'UPLOAD_EXPIRY_HOURS',
    doc: 'Partial uploads, and finished ones the agent never confirmed, untouched this long are removed by a job',
    default: 72,
    parse: int(1, 24 * 365),
  },
  storageReserveMb: {
    env: 'STORAGE_RESERVE_MB',
    doc: "Free space (MiB) kept in reserve on the file system of uploads in progress: a dock agent's new upload is refused (507, storage.disk_full) while less is free, so uploads already under way can finish; 0 = no reserve. The server refuses to start if the reserve is not smaller than that file system",
    default: 1024,
    parse: int(0, 2 ** 30),
  },
  gapThresholdSeconds: {
    env: 'GAP_THRESHOLD_SECONDS',
    doc: 'A pause between consecutive recordings longer than this is a continuity finding (Order 444, points 17, 19)',
    default: 60,
    parse: int(1, 86_400),
  },
  startEndToleranceSeconds: {
    env: 'START_END_TOLERANCE_SECONDS',
    doc: 'Recording starting this long after the issue, or ending this long before the return, is a finding',
    default: 600,
    parse: int(1, 86_400),
  },
  clockOffsetThresholdSeconds: {
    env: 'CLOCK_OFFSET_THRESHOLD_SECONDS',
    doc: 'A recorder clock off by more than this at docking is a finding (Order 444, point 17)',
    default: 30,
    parse: int(1, 86_400),
  },
  materialMaxBytes: {
    env: 'MATERIAL_MAX_BYTES',
    doc: 'Largest activity material (PDF) accepted, in bytes (default 100 MiB)',
    default: 100 * 2 ** 20,
    parse: int(1, Number.MAX_SAFE_INTEGER),
  },
  packageLinkTtlHours: {
    env: 'PACKAGE_LINK_TTL_HOURS',
    doc: 'How long a court or authority package download link stays valid (Order 444, point 14)',
    default: 24,
    parse: int(1, 24 * 30),
  },
  hotReadCacheMs: {
    env: 'HOT_READ_CACHE_MS',
    doc: 'How long a read-only request may reuse the session and recording it looked up (player Range requests); changes made through this server are seen at once, others within this time; 0 = always read',
    default: 2000,
    parse: int(0, 60_000),
  },
  mediaOffload: {
    env: 'MEDIA_OFFLOAD',
    doc: 'none: the server sends stored bytes itself; x-accel: it authorises and logs, then nginx sends the file (X-Accel-Redirect, see README)',
    default: 'none',
    parse: oneOf(['none', 'x-accel'] as const),
  },
  mediaOffloadPrefix: {
    env: 'MEDIA_OFFLOAD_PREFIX',
    doc: "nginx's internal location for DATA_DIR/blobs/objects/ when MEDIA_OFFLOAD=x-accel",
    default: '/_baqylau/objects/',
    parse: (raw: string) => {
      if (!/^\/[A-Za-z0-9_\-/]*\/$/.test(raw)) throw new RuleBroken('path_slashes', {}, 'must be a path that starts and ends with /');
      return raw;
    },
  },
  storage: {
    env: 'STORAGE',
    doc: 'Where stored objects live: fs (DATA_DIR/blobs) or s3 (a bucket with versioning and Object Lock; the server refuses to start otherwise)',
    default: 'fs',
    parse: oneOf(['fs', 's3'] as const),
  },
  s3Endpoint: {
    env: 'S3_ENDPOINT',
    doc: 'S3 endpoint URL (Ceph RGW, MinIO, …); unset = AWS by S3_REGION',
    default: undefined,
    parse: url(['http:', 'https:']),
  },
  s3Bucket: {
    env: 'S3_BUCKET',
    doc: 'Bucket of stored objects when STORAGE=s3 (created with Object Lock enabled)',
    default: undefined,
    parse: str,
  },
  s3Region: {
    env: 'S3_REGION',
    doc: 'S3 region (signing); most S3-compatible servers accept the default',
    default: 'us-east-1',
    parse: str,
  },
  s3AccessKeyId: {
    env: 'S3_ACCESS_KEY_ID',
    doc: "S3 access key; unset = the SDK's usual sources (AWS_ACCESS_KEY_ID, instance profile)",
    default: undefined,
    parse: str,
  },
  s3SecretAccessKey: { env: 'S3_SECRET_ACCESS_KEY', doc: 'S3 secret key (with S3_ACCESS_KEY_ID)', default: undefined, parse: str },
  s3ForcePathStyle: {
    env: 'S3_FORCE_PATH_STYLE',
    doc: 'Address the bucket as ENDPOINT/BUCKET rather than BUCKET.ENDPOINT (Ceph RGW and MinIO without wildcard DNS)',
    default: false,
    parse: bool,
  },
  s3StagingDir: {
    env: 'S3_STAGING_DIR',
    doc: 'Local folder for uploads in progress when STORAGE=s3 (default DATA_DIR/blobs/staging); the same shared folder on every instance lets a dock agent resume on any of them',
    default: undefined,
    parse: str,
  },
  metricsPort: {
    env: 'METRICS_PORT',
    doc: 'Port of the Prometheus metrics (GET /metrics), apart from the app; unset = no metrics endpoint',
    default: undefined,
    parse: int(1, 65535),
  },
  metricsHost: {
    env: 'METRICS_HOST',
    doc: 'Address the metrics port listens on: loopback (127.0.0.1, ::1) needs no token; any other address needs METRICS_TOKEN',
    default: '127.0.0.1',
    parse: ipAddress,
  },
  metricsToken: {
    env: 'METRICS_TOKEN',
    doc: 'Bearer token a scraper must send (Authorization: Bearer …) when METRICS_HOST is not loopback; at least 32 characters',
    default: undefined,
    parse: minLength(32),
  },
  language: {
    env: 'BAQYLAU_LANG',
    doc: 'Language of the command line and of start-up errors: kk, ru or en',
    default: 'kk' as 'kk' | 'ru' | 'en',
    parse: oneOf(['kk', 'ru', 'en'] as const),
  },
  smtpUrl: {
    env: 'SMTP_URL',
    doc: 'smtp(s)://user:pass@host:port for e-mail notices; unset = in-app notices only',
    default: undefined,
    parse: url(['smtp:', 'smtps:']),
  },
  mailFrom: { env: 'MAIL_FROM', doc: 'Sender address of e-mail notices', default: 'baqylau@localhost', parse: str },
  webDist: {
    env: 'WEB_DIST',
    doc: 'Folder of the built web app; defaults to apps/web/dist of this checkout',
    default: undefined,
    parse: str,
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof SETTINGS;
export type Config = {
  [K in keyof Settings]: Settings[K] extends Setting<infer T> ? (Settings[K]['default'] extends undefined ? T | undefined : T) : never;
};

/** A setting refused at start-up, coded (`common:startup.<code>`) with its English wording as the message. */
export class ConfigError extends StartupError {
  constructor(code: string, details: Record<string, string | number>, english: string) {
    super(code, details, english);
  }
}

/** The language of the CLI's messages, read alone so that an error in any other setting is still shown in it. */
export function cliLanguage(env: Record<string, string | undefined> = process.env): 'kk' | 'ru' | 'en' {
  const raw = env[SETTINGS.language.env];
  return raw === 'ru' || raw === 'en' ? raw : 'kk';
}

/** Parses settings from the environment (flags are passed in as overrides by the CLI). */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const raw = env[s.env];
    if (raw === undefined || raw === '') {
      out[key] = s.default;
      continue;
    }
    try {
      out[key] = s.parse(raw);
    } catch (e) {
      const broken = e instanceof RuleBroken ? e : new RuleBroken('other', { text: (e as Error).message }, (e as Error).message);
      throw new ConfigError(
        'config.invalid_value',
        { setting: s.env, value: JSON.stringify(raw), rule: broken.rule, ...broken.vars },
        `Invalid configuration: ${s.env}=${JSON.stringify(raw)} ${broken.message}`,
      );
    }
  }
  const config = { ...(out as Config), ...stripUndefined(overrides) };
  config.dataDir = path.resolve(config.dataDir);
  if (config.storage === 's3' && !config.s3Bucket)
    throw new ConfigError('config.s3_bucket_missing', {}, 'Invalid configuration: STORAGE=s3 needs S3_BUCKET');
  if (!config.s3AccessKeyId !== !config.s3SecretAccessKey) {
    throw new ConfigError(
      'config.s3_keys_unpaired',
      {},
      'Invalid configuration: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all',
    );
  }
  // Metrics name routes, queue depths and error counts: loopback-only, or a bearer token (issue 17).
  if (config.metricsPort && !isLoopback(config.metricsHost) && !config.metricsToken) {
    throw new ConfigError(
      'config.metrics_token_missing',
      { host: config.metricsHost },
      `Invalid configuration: METRICS_HOST=${config.metricsHost} is not a loopback address, so METRICS_TOKEN must be set (a bearer token of at least 32 characters)`,
    );
  }
  return config;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function describeSettings(): string {
  return Object.values(SETTINGS)
    .map((s) => {
      const d: unknown = s.default;
      const shown = d === undefined || (Array.isArray(d) && d.length === 0) ? '—' : `\`${String(d)}\``;
      return `| \`${s.env}\` | ${shown} | ${s.doc} |`;
    })
    .join('\n');
}
