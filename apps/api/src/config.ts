import { resolve } from 'node:path';
import type { Result } from '@pave/domain';
import { z } from 'zod';

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
});

/** The server's settings. */
export type Config = {
  readonly port: number;
  readonly host: string;
  /** Absolute base of every URL the API hands out, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** Absolute folder of the SQLite file (unused on PostgreSQL). */
  readonly dataDir: string;
  /** PostgreSQL when set; SQLite otherwise. */
  readonly databaseUrl: string | null;
  readonly bootstrapAccounts: readonly BootstrapAccount[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly expirySweepSeconds: number;
  /** Absolute folder of the built web app. */
  readonly webDist: string;
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
    },
  };
}

/** Reads the settings of this process. */
export function readConfig(): ReturnType<typeof parseConfig> {
  return parseConfig(process.env, process.cwd());
}
