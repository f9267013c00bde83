import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defaultRetrySchedule, Email, NewPassword, type Result } from '@pave/domain';
import type { DispatcherSettings } from './callbacks/dispatcher.js';
import { z } from 'zod';
import type { UploadPace } from './capture/read-upload.js';
import { defaultCaptureBudgets, type CaptureBudgetLimits } from './capture/capture-budgets.js';
import type { S3Settings } from './images/s3-image-store.js';
import { defaultQaSettings, type QaSettings } from './qa/qa-settings.js';
import { parseSecretKey } from './secrets/open-secret-box.js';

// The only file that reads process.env: every setting is parsed here once, and a bad one stops the start.

/** A name, key or secret in PAVE_BOOTSTRAP_ACCOUNTS / the accounts CLI: no `:` or `,`, which separate them. */
export const Username = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, {
  message: 'a username is 1 to 64 letters, digits, dots, dashes or underscores',
});
const ApiKeyText = z.string().regex(/^[A-Za-z0-9._-]{8,128}$/, {
  message: 'an API key is 8 to 128 letters, digits, dots, dashes or underscores',
});
const ApiSecretText = z.string().regex(/^[A-Za-z0-9._~+/=-]{8,256}$/, {
  message: 'an API secret is 8 to 256 characters without spaces, colons or commas',
});

/** An account that must exist at start. */
export type BootstrapAccount = { readonly username: string; readonly apiKey: string; readonly apiSecret: string };

const BootstrapAccounts = z.string().transform((text, ctx): BootstrapAccount[] => {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.flatMap((entry, index) => {
    const [username = '', apiKey = '', apiSecret = '', ...rest] = entry.split(':');
    const parsed = z.tuple([Username, ApiKeyText, ApiSecretText]).safeParse([username, apiKey, apiSecret]);
    if (!parsed.success || rest.length > 0) {
      const why = parsed.success ? 'too many colons' : (parsed.error.issues[0]?.message ?? 'invalid');
      ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is not user:key:secret (${why})` });
      return [];
    }
    return [{ username: parsed.data[0], apiKey: parsed.data[1], apiSecret: parsed.data[2] }];
  });
});

/** The first admin made at start when nobody can sign in yet (`PAVE_BOOTSTRAP_ADMIN=<email>:<password>`). */
export type BootstrapAdmin = { readonly email: string; readonly password: string };

// the email and password rules are the domain's (what sign-in and invites accept), not a copy of them
const BootstrapAdminText = z.string().transform((text, ctx): BootstrapAdmin | null => {
  if (text.trim() === '') return null;
  const colon = text.indexOf(':');
  const email = Email.safeParse(colon > 0 ? text.slice(0, colon) : '');
  const password = NewPassword.safeParse(colon > 0 ? text.slice(colon + 1) : '');
  if (!email.success || !password.success) {
    const why = [email.success ? null : 'the email', password.success ? null : 'the password'].filter(Boolean);
    const issues = [...(email.error?.issues ?? []), ...(password.error?.issues ?? [])].map((issue) => issue.message);
    ctx.addIssue({ code: 'custom', message: `expected <email>:<password>; ${why.join(' and ')}: ${issues.join(' ')}` });
    return null;
  }
  return { email: email.data, password: password.data };
});

/** A bucket and key prefix: `s3://bucket` or `s3://bucket/some/prefix` (stored under `some/prefix/`). */
export type S3Location = Pick<S3Settings, 'bucket' | 'prefix'>;

const s3UrlMessage =
  'expected s3://bucket or s3://bucket/prefix (a bucket name of 3 to 63 lowercase letters, digits, dots, dashes)';

/** Parses `s3://bucket/prefix`; the prefix, when given, always ends in one `/`. */
export const S3Url = z.string().transform((text, ctx): S3Location => {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/([\w!\-.*'()/]*))?$/.exec(text);
  if (!match?.[1]) {
    ctx.addIssue({ code: 'custom', message: s3UrlMessage });
    return z.NEVER;
  }
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket: match[1], prefix: prefix === '' ? '' : `${prefix}/` };
});

const SecretKeyText = z.string().transform((text, ctx): Buffer => {
  const key = parseSecretKey(text);
  if (!key) ctx.addIssue({ code: 'custom', message: 'expected 32 bytes in base64 (openssl rand -base64 32) or hex' });
  return key ?? Buffer.alloc(0);
});

const SecretKeyList = z.string().transform((text, ctx): Buffer[] =>
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, index) => {
      const key = parseSecretKey(entry);
      if (!key) ctx.addIssue({ code: 'custom', message: `key ${index + 1} is not 32 bytes in base64 or hex` });
      return key ?? Buffer.alloc(0);
    }),
);

const Flag = z.enum(['true', 'false', '1', '0']).transform((text) => text === 'true' || text === '1');

/** The object server's settings (PAVE_S3_*), used only with an `s3://` image store. */
function s3Env() {
  return {
    PAVE_IMAGE_STORE: S3Url.optional(),
    PAVE_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    PAVE_S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, { message: 'expected a region name such as us-east-1' })
      .optional(),
    // the AWS chain's own names, read here because this is the only file that reads the environment
    AWS_REGION: z.string().optional(),
    AWS_DEFAULT_REGION: z.string().optional(),
    PAVE_S3_FORCE_PATH_STYLE: Flag.default(false),
    PAVE_IMAGE_REDIRECT: z.enum(['stream', 'presigned']).default('stream'),
    PAVE_IMAGE_STORE_FALLBACK: z.enum(['none', 'folder']).default('none'),
  };
}

const RetrySchedule = z
  .string()
  .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, { message: 'expected seconds separated by commas, such as 5,300,1800' })
  .transform((text) => text.split(',').map(Number));

/** The webhook dispatcher's settings (docs/webhooks.md); the defaults are the contract's. */
function webhookEnv() {
  return {
    PAVE_WEBHOOK_ALLOW_PRIVATE: Flag.default(false),
    PAVE_WEBHOOK_RETRY_SCHEDULE: RetrySchedule.optional(),
    PAVE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    PAVE_WEBHOOK_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(60),
    PAVE_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
    PAVE_WEBHOOK_PER_HOST: z.coerce.number().int().min(1).max(1000).default(4),
    PAVE_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  };
}

const perMinute = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

/** Budgets of the capture and image routes, and the storage quota (docs/security.md, "Budgets"); 0 turns one off. */
function budgetEnv() {
  return {
    PAVE_CAPTURE_REQUESTS_PER_SESSION: perMinute(defaultCaptureBudgets.perSession),
    PAVE_CAPTURE_REQUESTS_PER_ADDRESS: perMinute(defaultCaptureBudgets.capturePerAddress),
    PAVE_IMAGE_REQUESTS_PER_ADDRESS: perMinute(defaultCaptureBudgets.imagesPerAddress),
    PAVE_NOT_FOUND_PER_ADDRESS: perMinute(defaultCaptureBudgets.notFoundPerAddress),
    PAVE_STORAGE_QUOTA_MB: z.coerce.number().int().min(0).max(1e9).default(50_000),
    PAVE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
    PAVE_RETENTION_SWEEP_SECONDS: z.coerce.number().int().min(10).max(86_400).default(3600),
  };
}

const luma = () => z.coerce.number().min(0).max(255).optional();
const pixels = () => z.coerce.number().int().min(1).max(100_000).optional();

/** The QA thresholds that may be set from the environment (README.md, "Image QA settings"); unset keeps the default. */
function qaEnv() {
  return {
    PAVE_QA_MAX_INPUT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .optional(),
    PAVE_QA_MAX_PIXELS: z.coerce.number().int().min(10_000).max(1_000_000_000).optional(),
    PAVE_QA_MIN_LONG_SIDE: pixels(),
    PAVE_QA_MIN_SHORT_SIDE: pixels(),
    PAVE_QA_DARK_MEAN_LUMA: luma(),
    PAVE_QA_DARK_P95_LUMA: luma(),
    PAVE_QA_BRIGHT_MEAN_LUMA: luma(),
    PAVE_QA_BRIGHT_SHARE_MAX: z.coerce.number().min(0).max(1).optional(),
    PAVE_QA_BLUR_VARIANCE_MIN: z.coerce.number().min(0).max(1_000_000).optional(),
    PAVE_QA_DUPLICATE_MAX_HAMMING: z.coerce.number().int().min(0).max(64).optional(),
  };
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  PAVE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { message: 'expected a postgres:// URL' })
    .optional(),
  PAVE_BOOTSTRAP_ACCOUNTS: BootstrapAccounts.default([]),
  PAVE_BOOTSTRAP_ADMIN: BootstrapAdminText.default(null),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PAVE_EXPIRY_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  PAVE_WEB_DIST: z.string().min(1).default('apps/web/dist'),
  PAVE_QA_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PAVE_MAX_PENDING_UPLOADS: z.coerce.number().min(1).max(10_000).optional(),
  PAVE_UPLOADS_PER_SESSION: z.coerce.number().int().min(1).max(100).default(2),
  PAVE_UPLOADS_PER_ADDRESS: z.coerce.number().int().min(0).max(10_000).default(8),
  PAVE_UPLOAD_DEADLINE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  PAVE_UPLOAD_MIN_BYTES_PER_SECOND: z.coerce.number().int().min(0).max(1e9).default(16384),
  PAVE_UPLOAD_RATE_WINDOW_SECONDS: z.coerce.number().min(0.1).max(600).default(10),
  PAVE_IMAGE_SWEEP_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86400)
    .optional(),
  PAVE_PG_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  // 1200 a minute: a dashboard polling every session it shows every 2 s stays well under it
  PAVE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  PAVE_ACCOUNT_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  PAVE_PHOTOS_CACHE_SESSIONS: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  // a review page holds one stream per tab; a dashboard one for the account
  PAVE_STREAMS_PER_ACCOUNT: z.coerce.number().int().min(0).max(1_000_000).default(100),
  PAVE_STREAMS_PER_INSTANCE: z.coerce.number().int().min(0).max(1_000_000).default(5000),
  PAVE_STREAM_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  ...budgetEnv(),
  PAVE_SECRET_KEY: SecretKeyText.optional(),
  PAVE_SECRET_KEYS_PREVIOUS: SecretKeyList.default([]),
  ...qaEnv(),
  ...s3Env(),
  ...webhookEnv(),
});

type Env = z.output<typeof Env>;

function qaSettingsOf(e: Env): QaSettings {
  const d = defaultQaSettings;
  return {
    ...d,
    maxInputBytes: e.PAVE_QA_MAX_INPUT_BYTES ?? d.maxInputBytes,
    maxPixels: e.PAVE_QA_MAX_PIXELS ?? d.maxPixels,
    minLongSide: e.PAVE_QA_MIN_LONG_SIDE ?? d.minLongSide,
    minShortSide: e.PAVE_QA_MIN_SHORT_SIDE ?? d.minShortSide,
    darkMeanLuma: e.PAVE_QA_DARK_MEAN_LUMA ?? d.darkMeanLuma,
    darkP95Luma: e.PAVE_QA_DARK_P95_LUMA ?? d.darkP95Luma,
    brightMeanLuma: e.PAVE_QA_BRIGHT_MEAN_LUMA ?? d.brightMeanLuma,
    brightShareMax: e.PAVE_QA_BRIGHT_SHARE_MAX ?? d.brightShareMax,
    blurVarianceMin: e.PAVE_QA_BLUR_VARIANCE_MIN ?? d.blurVarianceMin,
    duplicateMaxHamming: e.PAVE_QA_DUPLICATE_MAX_HAMMING ?? d.duplicateMaxHamming,
  };
}

/**
 * Uploads decoded and judged at once unless set: two per core. Measured (issue #16): +30 % uploads/s at 4 in flight
 * and +10 % at 16 over one per core, because each upload's pipelines wait on one another part of the time; one at a
 * time was 13–30 % slower.
 */
export function defaultQaConcurrency(): number {
  return 2 * Math.max(1, availableParallelism());
}

/**
 * Weight of the uploads in progress at once unless set: about one second of what the server processes (measured in
 * #16: about 20 uploads of 2560 px per core and second), so an admitted upload waits about a second at most.
 */
export function defaultMaxPendingUploads(): number {
  return 20 * Math.max(1, availableParallelism());
}

/** Upload shares unless set: the capture app sends one photo at a time; a dealer lot shares one address. */
export const defaultUploadShares = { perSession: 2, perAddress: 8 } as const;

/** The slowest upload body kept unless set: whole within 120 s, 16 KiB/s over every 10 s. */
export const defaultUploadPace = { deadlineMs: 120_000, minBytesPerSecond: 16_384, windowMs: 10_000 } as const;

/** Where images are stored: `<dataDir>/images`, or a bucket. */
export type ImageStoreSetting = { readonly kind: 'folder' } | { readonly kind: 's3'; readonly s3: S3Settings };

/** The object server's connection settings (PAVE_S3_*): also what `images migrate --to s3://…` connects with. */
export type S3Connection = Pick<S3Settings, 'endpoint' | 'region' | 'forcePathStyle'>;

/** An image store that is a bucket by default keeps orphans for 10 minutes: other instances upload meanwhile. */
const s3SweepGraceSeconds = 600;

/** The server's settings. */
export type Config = {
  readonly port: number;
  readonly host: string;
  /** Absolute base of every URL the API hands out, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** Absolute folder of the SQLite file (unused on PostgreSQL) and of the stored images (`images/`). */
  readonly dataDir: string;
  /** PostgreSQL when set; SQLite otherwise. */
  readonly databaseUrl: string | null;
  readonly bootstrapAccounts: readonly BootstrapAccount[];
  /** The admin made in the first account at a start with no people yet; null: print a one-time admin link instead. */
  readonly bootstrapAdmin: BootstrapAdmin | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly expirySweepSeconds: number;
  /** Absolute folder of the built web app. */
  readonly webDist: string;
  /** Image limits and QA thresholds. */
  readonly qaSettings: QaSettings;
  /** Uploads decoded and judged at once (default: twice the number of CPUs). */
  readonly qaConcurrency: number;
  /** Weight of the uploads read or processed at once (a 12 MP one weighs 2.5); more are answered 503 with Retry-After. */
  readonly maxPendingUploads: number;
  /** Uploads in progress at once per session and per client address (0: no limit). */
  readonly uploadShares: { readonly perSession: number; readonly perAddress: number };
  /** The slowest upload body the server keeps reading; a slower one is a 408. */
  readonly uploadPace: UploadPace;
  /** The start-up image sweep leaves files younger than this alone (another instance's upload in flight). */
  readonly imageSweepGraceSeconds: number;
  /** Where uploaded images are stored. */
  readonly imageStore: ImageStoreSetting;
  readonly s3Connection: S3Connection;
  /** `GET /images/…` streams the bytes through, or redirects to a short-lived presigned URL (buckets only). */
  readonly imageRedirect: 'stream' | 'presigned';
  /** During a move to a bucket: read `<dataDir>/images` for an image the bucket does not have yet. */
  readonly imageFallback: 'none' | 'folder';
  /** Connections each instance may open to PostgreSQL. */
  readonly pgPoolMax: number;
  /** Requests per API key and minute on the `/v1/sessions…` routes; 0 turns rate limiting off. */
  readonly rateLimitPerMinute: number;
  /** Budgets per minute of the capture and image routes (0 turns one off). */
  readonly captureBudgets: CaptureBudgetLimits;
  /** The most image bytes one account keeps (0: no quota). */
  readonly storageQuotaBytes: number;
  /** Days a finished session is kept before the retention sweep erases it (0: kept forever). */
  readonly retentionDays: number;
  /** How often each instance looks for sessions past retention. */
  readonly retentionSweepSeconds: number;
  /** How long a found API key's account is reused without asking storage (0: always ask). */
  readonly accountCacheSeconds: number;
  /** How many sessions' photos answers to keep in memory (0: none). */
  readonly photosCacheSessions: number;
  /** How webhooks are delivered. */
  readonly webhooks: DispatcherSettings;
  /** Event streams (`…/events`) open at once per account and per instance; over either, 429. */
  readonly streamLimits: { readonly perAccount: number; readonly perInstance: number };
  /** How long an event stream may stay silent before a heartbeat comment is sent. */
  readonly streamHeartbeatSeconds: number;
  /** The key that seals secrets at rest (PAVE_SECRET_KEY); null: `<dataDir>/secret.key`, made on first start. */
  readonly secretKey: Buffer | null;
  /** Keys replaced by a rotation (PAVE_SECRET_KEYS_PREVIOUS): what they sealed still opens. */
  readonly previousSecretKeys: readonly Buffer[];
};

type ImageSettings = Pick<
  Config,
  'imageSweepGraceSeconds' | 'imageStore' | 's3Connection' | 'imageRedirect' | 'imageFallback'
>;

/** The image store's settings; a bucket-only setting without a bucket is refused, naming it. */
function imageSettingsOf(e: Env): Result<ImageSettings, { code: 'invalid_config'; message: string }> {
  const s3Connection: S3Connection = {
    endpoint: e.PAVE_S3_ENDPOINT ?? null,
    region: e.PAVE_S3_REGION ?? e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? 'us-east-1',
    forcePathStyle: e.PAVE_S3_FORCE_PATH_STYLE,
  };
  const bucketOnly = [
    ['PAVE_IMAGE_REDIRECT', e.PAVE_IMAGE_REDIRECT === 'presigned'],
    ['PAVE_IMAGE_STORE_FALLBACK', e.PAVE_IMAGE_STORE_FALLBACK === 'folder'],
  ] as const;
  const misplaced = e.PAVE_IMAGE_STORE ? undefined : bucketOnly.find(([, set]) => set);
  if (misplaced) {
    const message = `Invalid setting ${misplaced[0]}: needs PAVE_IMAGE_STORE=s3://…`;
    return { ok: false, error: { code: 'invalid_config', message } };
  }
  return {
    ok: true,
    value: {
      imageStore: e.PAVE_IMAGE_STORE
        ? { kind: 's3', s3: { ...e.PAVE_IMAGE_STORE, ...s3Connection } }
        : { kind: 'folder' },
      s3Connection,
      imageRedirect: e.PAVE_IMAGE_REDIRECT,
      imageFallback: e.PAVE_IMAGE_STORE_FALLBACK,
      imageSweepGraceSeconds: e.PAVE_IMAGE_SWEEP_GRACE_SECONDS ?? (e.PAVE_IMAGE_STORE ? s3SweepGraceSeconds : 0),
    },
  };
}

/** Parses settings from an environment; empty values count as unset. Fails with a message naming the setting. */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Result<Config, { code: 'invalid_config'; message: string }> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    return { ok: false, error: { code: 'invalid_config', message: `Invalid setting ${name}: ${issue?.message}` } };
  }
  const e = parsed.data;
  const images = imageSettingsOf(e);
  if (!images.ok) return images;
  if (e.PAVE_WEBHOOK_LEASE_SECONDS * 1000 <= e.PAVE_WEBHOOK_TIMEOUT_MS) {
    const message = 'Invalid setting PAVE_WEBHOOK_LEASE_SECONDS: must be longer than PAVE_WEBHOOK_TIMEOUT_MS';
    return { ok: false, error: { code: 'invalid_config', message } };
  }
  return {
    ok: true,
    value: {
      port: e.PORT,
      host: e.HOST,
      publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      dataDir: resolve(cwd, e.PAVE_DATA_DIR),
      databaseUrl: e.DATABASE_URL ?? null,
      bootstrapAccounts: e.PAVE_BOOTSTRAP_ACCOUNTS,
      bootstrapAdmin: e.PAVE_BOOTSTRAP_ADMIN,
      logLevel: e.LOG_LEVEL,
      expirySweepSeconds: e.PAVE_EXPIRY_SWEEP_SECONDS,
      webDist: resolve(cwd, e.PAVE_WEB_DIST),
      qaSettings: qaSettingsOf(e),
      qaConcurrency: e.PAVE_QA_CONCURRENCY ?? defaultQaConcurrency(),
      maxPendingUploads: e.PAVE_MAX_PENDING_UPLOADS ?? defaultMaxPendingUploads(),
      uploadShares: { perSession: e.PAVE_UPLOADS_PER_SESSION, perAddress: e.PAVE_UPLOADS_PER_ADDRESS },
      uploadPace: {
        deadlineMs: e.PAVE_UPLOAD_DEADLINE_SECONDS * 1000,
        minBytesPerSecond: e.PAVE_UPLOAD_MIN_BYTES_PER_SECOND,
        windowMs: e.PAVE_UPLOAD_RATE_WINDOW_SECONDS * 1000,
      },
      ...images.value,
      pgPoolMax: e.PAVE_PG_POOL_MAX,
      rateLimitPerMinute: e.PAVE_RATE_LIMIT_PER_MINUTE,
      captureBudgets: {
        perSession: e.PAVE_CAPTURE_REQUESTS_PER_SESSION,
        capturePerAddress: e.PAVE_CAPTURE_REQUESTS_PER_ADDRESS,
        imagesPerAddress: e.PAVE_IMAGE_REQUESTS_PER_ADDRESS,
        notFoundPerAddress: e.PAVE_NOT_FOUND_PER_ADDRESS,
      },
      storageQuotaBytes: e.PAVE_STORAGE_QUOTA_MB * 1_000_000,
      retentionDays: e.PAVE_RETENTION_DAYS,
      retentionSweepSeconds: e.PAVE_RETENTION_SWEEP_SECONDS,
      accountCacheSeconds: e.PAVE_ACCOUNT_CACHE_SECONDS,
      photosCacheSessions: e.PAVE_PHOTOS_CACHE_SESSIONS,
      webhooks: {
        retrySchedule: e.PAVE_WEBHOOK_RETRY_SCHEDULE ?? [...defaultRetrySchedule],
        allowPrivate: e.PAVE_WEBHOOK_ALLOW_PRIVATE,
        timeoutMs: e.PAVE_WEBHOOK_TIMEOUT_MS,
        leaseMs: e.PAVE_WEBHOOK_LEASE_SECONDS * 1000,
        concurrency: e.PAVE_WEBHOOK_CONCURRENCY,
        perHost: e.PAVE_WEBHOOK_PER_HOST,
        pollMs: e.PAVE_WEBHOOK_POLL_MS,
      },
      streamLimits: { perAccount: e.PAVE_STREAMS_PER_ACCOUNT, perInstance: e.PAVE_STREAMS_PER_INSTANCE },
      streamHeartbeatSeconds: e.PAVE_STREAM_HEARTBEAT_SECONDS,
      secretKey: e.PAVE_SECRET_KEY ?? null,
      previousSecretKeys: e.PAVE_SECRET_KEYS_PREVIOUS,
    },
  };
}

/** Reads the settings of this process. */
export function readConfig(): ReturnType<typeof parseConfig> {
  return parseConfig(process.env, process.cwd());
}
