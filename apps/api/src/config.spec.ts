import { availableParallelism } from 'node:os';
import { Email, NewPassword } from '@pave/domain';
import { parseConfig } from './config.js';
import { defaultQaSettings } from './qa/qa-settings.js';

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
        bootstrapAdmin: null,
        logLevel: 'info',
        expirySweepSeconds: 60,
        webDist: '/srv/app/apps/web/dist',
        qaSettings: defaultQaSettings,
        qaConcurrency: 2 * availableParallelism(),
        maxPendingUploads: 20 * availableParallelism(),
        uploadShares: { perSession: 2, perAddress: 8 },
        uploadPace: { deadlineMs: 120_000, minBytesPerSecond: 16_384, windowMs: 10_000 },
        imageSweepGraceSeconds: 0,
        imageStore: { kind: 'folder' },
        s3Connection: { endpoint: null, region: 'us-east-1', forcePathStyle: false },
        imageRedirect: 'stream',
        imageFallback: 'none',
        pgPoolMax: 10,
        rateLimitPerMinute: 1200,
        captureBudgets: { perSession: 300, capturePerAddress: 1200, imagesPerAddress: 3000, notFoundPerAddress: 30 },
        storageQuotaBytes: 50_000_000_000,
        retentionDays: 0,
        retentionSweepSeconds: 3600,
        accountCacheSeconds: 5,
        photosCacheSessions: 2000,
        secretKey: null,
        previousSecretKeys: [],
        webhooks: {
          retrySchedule: [5, 300, 1800, 7200, 18000, 36000, 36000],
          allowPrivate: false,
          timeoutMs: 10_000,
          leaseMs: 60_000,
          concurrency: 32,
          perHost: 4,
          pollMs: 1000,
        },
        streamLimits: { perAccount: 100, perInstance: 5000 },
        streamHeartbeatSeconds: 15,
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
        PAVE_BOOTSTRAP_ADMIN: 'Ops@Example.com:a long password: with a colon',
        LOG_LEVEL: 'warn',
        PAVE_EXPIRY_SWEEP_SECONDS: '15',
        PAVE_WEB_DIST: '',
        PAVE_QA_MAX_INPUT_BYTES: '1048576',
        PAVE_QA_MAX_PIXELS: '12000000',
        PAVE_QA_MIN_LONG_SIDE: '1024',
        PAVE_QA_MIN_SHORT_SIDE: '768',
        PAVE_QA_DARK_MEAN_LUMA: '40.5',
        PAVE_QA_DARK_P95_LUMA: '70',
        PAVE_QA_BRIGHT_MEAN_LUMA: '220',
        PAVE_QA_BRIGHT_SHARE_MAX: '0.25',
        PAVE_QA_BLUR_VARIANCE_MIN: '80',
        PAVE_QA_DUPLICATE_MAX_HAMMING: '6',
        PAVE_QA_CONCURRENCY: '3',
        PAVE_MAX_PENDING_UPLOADS: '10',
        PAVE_UPLOADS_PER_SESSION: '1',
        PAVE_UPLOADS_PER_ADDRESS: '0',
        PAVE_UPLOAD_DEADLINE_SECONDS: '60',
        PAVE_UPLOAD_MIN_BYTES_PER_SECOND: '8192',
        PAVE_UPLOAD_RATE_WINDOW_SECONDS: '5',
        PAVE_IMAGE_SWEEP_GRACE_SECONDS: '60',
        PAVE_IMAGE_STORE: 's3://pave-photos/prod/eu/',
        PAVE_S3_ENDPOINT: 'https://minio.internal:9000',
        PAVE_S3_REGION: 'eu-central-1',
        PAVE_S3_FORCE_PATH_STYLE: 'true',
        PAVE_IMAGE_REDIRECT: 'presigned',
        PAVE_IMAGE_STORE_FALLBACK: 'folder',
        PAVE_PG_POOL_MAX: '20',
        PAVE_RATE_LIMIT_PER_MINUTE: '300',
        PAVE_CAPTURE_REQUESTS_PER_SESSION: '60',
        PAVE_CAPTURE_REQUESTS_PER_ADDRESS: '0',
        PAVE_IMAGE_REQUESTS_PER_ADDRESS: '500',
        PAVE_NOT_FOUND_PER_ADDRESS: '10',
        PAVE_STORAGE_QUOTA_MB: '2048',
        PAVE_RETENTION_DAYS: '90',
        PAVE_RETENTION_SWEEP_SECONDS: '600',
        PAVE_ACCOUNT_CACHE_SECONDS: '0',
        PAVE_PHOTOS_CACHE_SESSIONS: '0',
        PAVE_WEBHOOK_ALLOW_PRIVATE: 'true',
        PAVE_WEBHOOK_RETRY_SCHEDULE: '0.5,2,60',
        PAVE_WEBHOOK_TIMEOUT_MS: '2000',
        PAVE_WEBHOOK_LEASE_SECONDS: '5',
        PAVE_WEBHOOK_CONCURRENCY: '8',
        PAVE_WEBHOOK_PER_HOST: '2',
        PAVE_WEBHOOK_POLL_MS: '100',
        PAVE_STREAMS_PER_ACCOUNT: '3',
        PAVE_STREAMS_PER_INSTANCE: '40',
        PAVE_STREAM_HEARTBEAT_SECONDS: '5',
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
        bootstrapAdmin: { email: 'ops@example.com', password: 'a long password: with a colon' },
        logLevel: 'warn',
        expirySweepSeconds: 15,
        webDist: '/srv/app/apps/web/dist',
        qaSettings: {
          ...defaultQaSettings,
          maxInputBytes: 1048576,
          maxPixels: 12_000_000,
          minLongSide: 1024,
          minShortSide: 768,
          darkMeanLuma: 40.5,
          darkP95Luma: 70,
          brightMeanLuma: 220,
          brightShareMax: 0.25,
          blurVarianceMin: 80,
          duplicateMaxHamming: 6,
        },
        qaConcurrency: 3,
        maxPendingUploads: 10,
        uploadShares: { perSession: 1, perAddress: 0 },
        uploadPace: { deadlineMs: 60_000, minBytesPerSecond: 8192, windowMs: 5000 },
        imageSweepGraceSeconds: 60,
        imageStore: {
          kind: 's3',
          s3: {
            bucket: 'pave-photos',
            prefix: 'prod/eu/',
            endpoint: 'https://minio.internal:9000',
            region: 'eu-central-1',
            forcePathStyle: true,
          },
        },
        s3Connection: { endpoint: 'https://minio.internal:9000', region: 'eu-central-1', forcePathStyle: true },
        imageRedirect: 'presigned',
        imageFallback: 'folder',
        pgPoolMax: 20,
        rateLimitPerMinute: 300,
        captureBudgets: { perSession: 60, capturePerAddress: 0, imagesPerAddress: 500, notFoundPerAddress: 10 },
        storageQuotaBytes: 2_048_000_000,
        retentionDays: 90,
        retentionSweepSeconds: 600,
        accountCacheSeconds: 0,
        photosCacheSessions: 0,
        secretKey: null,
        previousSecretKeys: [],
        webhooks: {
          retrySchedule: [0.5, 2, 60],
          allowPrivate: true,
          timeoutMs: 2000,
          leaseMs: 5000,
          concurrency: 8,
          perHost: 2,
          pollMs: 100,
        },
        streamLimits: { perAccount: 3, perInstance: 40 },
        streamHeartbeatSeconds: 5,
      },
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_BASE_URL', 'ftp://example.com'],
    ['DATABASE_URL', 'mysql://db/pave'],
    ['LOG_LEVEL', 'loud'],
    ['PAVE_QA_BLUR_VARIANCE_MIN', 'sharp'],
    ['PAVE_QA_BRIGHT_SHARE_MAX', '1.5'],
    ['PAVE_QA_DUPLICATE_MAX_HAMMING', '65'],
    ['PAVE_QA_CONCURRENCY', '0'],
    ['PAVE_IMAGE_SWEEP_GRACE_SECONDS', '-1'],
    ['PAVE_EXPIRY_SWEEP_SECONDS', '0'],
    ['PAVE_RATE_LIMIT_PER_MINUTE', '-1'],
    ['PAVE_RATE_LIMIT_PER_MINUTE', '2.5'],
    ['PAVE_RATE_LIMIT_PER_MINUTE', 'many'],
    ['PAVE_BOOTSTRAP_ACCOUNTS', 'acme:only-a-key'],
    ['PAVE_BOOTSTRAP_ADMIN', 'ops@example.com:short'],
    ['PAVE_IMAGE_STORE', '/var/lib/pave/images'],
    ['PAVE_IMAGE_STORE', 's3://'],
    ['PAVE_IMAGE_STORE', 's3://Upper_Case/x'],
    ['PAVE_IMAGE_STORE', 's3://ab'],
    ['PAVE_S3_ENDPOINT', 'minio:9000'],
    ['PAVE_S3_REGION', 'EU West'],
    ['PAVE_S3_FORCE_PATH_STYLE', 'yes'],
    ['PAVE_IMAGE_REDIRECT', 'proxy'],
    ['PAVE_IMAGE_STORE_FALLBACK', 'bucket'],
    ['PAVE_PG_POOL_MAX', '0'],
  ])('refuses a bad %s (%s) with a message naming it', (name, value) => {
    const parsed = parseConfig({ [name]: value }, '/srv/app');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(new RegExp(`^Invalid setting ${name}: `));
  });

  it.each([
    ['ops@example.com:' + 'p'.repeat(10), true],
    [' Ops@Example.COM :' + 'p'.repeat(200), true],
    ['ops@example.com:' + 'p'.repeat(9), false],
    ['ops@example.com:' + 'p'.repeat(201), false],
    [`${'o'.repeat(250)}@example.com:long enough password`, false],
    ['not-an-email:long enough password', false],
  ])('reads PAVE_BOOTSTRAP_ADMIN %# with the domain’s Email and NewPassword rules', (value, accepted) => {
    const parsed = parseConfig({ PAVE_BOOTSTRAP_ADMIN: value }, '/srv/app');
    const [email = '', password = ''] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    expect(Email.safeParse(email).success && NewPassword.safeParse(password).success).toBe(accepted);
    expect(parsed.ok).toBe(accepted);
    if (parsed.ok) expect(parsed.value.bootstrapAdmin?.email).toBe('ops@example.com');
    else expect(parsed.error.message).toMatch(/^Invalid setting PAVE_BOOTSTRAP_ADMIN: expected <email>:<password>; /);
  });

  it.each([
    ['s3://photos', { bucket: 'photos', prefix: '' }],
    ['s3://photos/', { bucket: 'photos', prefix: '' }],
    ['s3://photos/a/b', { bucket: 'photos', prefix: 'a/b/' }],
  ])('reads the bucket and prefix of %s, keeping sweeps 10 minutes away from uploads', (url, location) => {
    const parsed = parseConfig({ PAVE_IMAGE_STORE: url, AWS_REGION: 'eu-west-3' }, '/srv/app');
    expect(parsed.ok && [parsed.value.imageStore, parsed.value.imageSweepGraceSeconds]).toEqual([
      { kind: 's3', s3: { ...location, endpoint: null, region: 'eu-west-3', forcePathStyle: false } },
      600,
    ]);
  });

  it.each([
    ['PAVE_IMAGE_REDIRECT', 'presigned'],
    ['PAVE_IMAGE_STORE_FALLBACK', 'folder'],
  ])('refuses %s=%s without a bucket, saying what it needs', (name, value) => {
    expect(parseConfig({ [name]: value }, '/srv/app')).toEqual({
      ok: false,
      error: { code: 'invalid_config', message: `Invalid setting ${name}: needs PAVE_IMAGE_STORE=s3://…` },
    });
  });

  it('turns rate limiting off with PAVE_RATE_LIMIT_PER_MINUTE=0', () => {
    const parsed = parseConfig({ PAVE_RATE_LIMIT_PER_MINUTE: '0' }, '/srv/app');
    expect(parsed.ok && parsed.value.rateLimitPerMinute).toBe(0);
  });

  it('never repeats a bootstrap secret in its message', () => {
    const parsed = parseConfig({ PAVE_BOOTSTRAP_ACCOUNTS: 'acme:acme-key-1:sh0rt' }, '/');
    expect(parsed).toEqual({
      ok: false,
      error: { code: 'invalid_config', message: expect.not.stringContaining('sh0rt') },
    });
  });
});
