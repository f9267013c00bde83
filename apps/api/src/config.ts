import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Result } from '@pave/domain';
import { z } from 'zod';
import { defaultQaSettings, type QaSettings } from './qa/qa-settings.js';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PAVE_EXPIRY_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  PAVE_WEB_DIST: z.string().min(1).default('apps/web/dist'),
  PAVE_QA_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PAVE_MAX_PENDING_UPLOADS: z.coerce.number().int().min(1).max(10_000).default(32),
  PAVE_IMAGE_SWEEP_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86400)
    .default(0),
  // 1200 a minute: a dashboard polling every session it shows every 2 s stays well under it
  PAVE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  PAVE_ACCOUNT_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  PAVE_PHOTOS_CACHE_SESSIONS: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  ...qaEnv(),
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
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly expirySweepSeconds: number;
  /** Absolute folder of the built web app. */
  readonly webDist: string;
  /** Image limits and QA thresholds. */
  readonly qaSettings: QaSettings;
  /** Uploads decoded and judged at once (default: the number of CPUs). */
  readonly qaConcurrency: number;
  /** Uploads being read or processed at once; more are answered 503 with Retry-After. */
  readonly maxPendingUploads: number;
  /** The start-up image sweep leaves files younger than this alone (another instance's upload in flight). */
  readonly imageSweepGraceSeconds: number;
  /** Requests per API key and minute on the `/v1/sessions…` routes; 0 turns rate limiting off. */
  readonly rateLimitPerMinute: number;
  /** How long a found API key's account is reused without asking storage (0: always ask). */
  readonly accountCacheSeconds: number;
  /** How many sessions' photos answers to keep in memory (0: none). */
  readonly photosCacheSessions: number;
};

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
  return {
    ok: true,
    value: {
      port: e.PORT,
      host: e.HOST,
      publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      dataDir: resolve(cwd, e.PAVE_DATA_DIR),
      databaseUrl: e.DATABASE_URL ?? null,
      bootstrapAccounts: e.PAVE_BOOTSTRAP_ACCOUNTS,
      logLevel: e.LOG_LEVEL,
      expirySweepSeconds: e.PAVE_EXPIRY_SWEEP_SECONDS,
      webDist: resolve(cwd, e.PAVE_WEB_DIST),
      qaSettings: qaSettingsOf(e),
      qaConcurrency: e.PAVE_QA_CONCURRENCY ?? Math.max(1, availableParallelism()),
      maxPendingUploads: e.PAVE_MAX_PENDING_UPLOADS,
      imageSweepGraceSeconds: e.PAVE_IMAGE_SWEEP_GRACE_SECONDS,
      rateLimitPerMinute: e.PAVE_RATE_LIMIT_PER_MINUTE,
      accountCacheSeconds: e.PAVE_ACCOUNT_CACHE_SECONDS,
      photosCacheSessions: e.PAVE_PHOTOS_CACHE_SESSIONS,
    },
  };
}

/** Reads the settings of this process. */
export function readConfig(): ReturnType<typeof parseConfig> {
  return parseConfig(process.env, process.cwd());
}
