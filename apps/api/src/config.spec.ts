import { parseConfig } from './config.js';

describe('parseConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseConfig({}, '/srv/app')).toEqual({
      ok: true,
      value: {
        port: 3000,
        host: '127.0.0.1',
        publicBaseUrl: 'http://localhost:3000',
        dataDir: '/srv/app/data',
        databaseUrl: null,
        bootstrapAccounts: [],
        logLevel: 'info',
        expirySweepSeconds: 60,
        webDist: '/srv/app/apps/web/dist',
      },
    });
  });

  it('reads every setting, treating empty values as unset', () => {
    const parsed = parseConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        PUBLIC_BASE_URL: 'https://pave.example.com/',
        PAVE_DATA_DIR: '/var/lib/pave',
        DATABASE_URL: 'postgres://pave@db:5432/pave',
        PAVE_BOOTSTRAP_ACCOUNTS: 'acme:acme-key-1:acme-secret-1, beta:beta-key-1:beta-secret-1',
        LOG_LEVEL: 'warn',
        PAVE_EXPIRY_SWEEP_SECONDS: '15',
        PAVE_WEB_DIST: '',
      },
      '/srv/app',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        port: 8080,
        host: '0.0.0.0',
        publicBaseUrl: 'https://pave.example.com',
        dataDir: '/var/lib/pave',
        databaseUrl: 'postgres://pave@db:5432/pave',
        bootstrapAccounts: [
          { username: 'acme', apiKey: 'acme-key-1', apiSecret: 'acme-secret-1' },
          { username: 'beta', apiKey: 'beta-key-1', apiSecret: 'beta-secret-1' },
        ],
        logLevel: 'warn',
        expirySweepSeconds: 15,
        webDist: '/srv/app/apps/web/dist',
      },
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_BASE_URL', 'ftp://example.com'],
    ['DATABASE_URL', 'mysql://db/pave'],
    ['LOG_LEVEL', 'loud'],
    ['PAVE_EXPIRY_SWEEP_SECONDS', '0'],
    ['PAVE_BOOTSTRAP_ACCOUNTS', 'acme:only-a-key'],
  ])('refuses a bad %s (%s) with a message naming it', (name, value) => {
    const parsed = parseConfig({ [name]: value }, '/srv/app');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(new RegExp(`^Invalid setting ${name}: `));
  });

  it('never repeats a bootstrap secret in its message', () => {
    const parsed = parseConfig({ PAVE_BOOTSTRAP_ACCOUNTS: 'acme:acme-key-1:sh0rt' }, '/');
    expect(parsed).toEqual({
      ok: false,
      error: { code: 'invalid_config', message: expect.not.stringContaining('sh0rt') },
    });
  });
});
