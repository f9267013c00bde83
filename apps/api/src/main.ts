import { createServer, type RequestListener, type Server } from 'node:http';
import sharp from 'sharp';
import { createAccountsService, type NewCredentials } from './accounts/accounts.service.js';
import {
  createSealedAccountStore,
  findForeignSealedSecrets,
  sealAccountSecrets,
} from './accounts/sealed-account-store.js';
import { createRequestListener } from './app.js';
import { startDispatcher, type Dispatcher } from './callbacks/dispatcher.js';
import { createWebhookMetrics, type WebhookMetrics } from './callbacks/webhook-metrics.js';
import { renderDefaultImages } from './capture/default-images.js';
import { type Config, readConfig } from './config.js';
import { answerClientError } from './http/client-error.js';
import type { ImageStore } from './images/image-store.js';
import { openImageStore } from './images/open-image-store.js';
import { createStreamHub, type StreamHub } from './live/stream-hub.js';
import { createLogger, type Logger } from './logger.js';
import { pruneRateLimits } from './http/rate-limit.js';
import { ensureFirstAdmin } from './people/first-admin.js';
import { sealApiKeySecrets } from './people/sealed-api-key-store.js';
import { openSecretBox } from './secrets/open-secret-box.js';
import type { SecretBox } from './secrets/secret-box.js';
import { backfillCaptureTokens } from './sessions/backfill-capture-tokens.js';
import { startExpirySweep } from './sessions/expiry-sweep.js';
import { startRetentionSweep } from './sessions/retention-sweep.js';
import { describeStorage, openRepository } from './storage/open-repository.js';
import type { Repository } from './storage/repository.js';

const drainTimeoutMs = 10_000;

function printDemoCredentials(credentials: NewCredentials, config: Config): void {
  // The one place a secret is ever printed: straight to stdout, once, never through the logger.
  process.stdout.write(
    [
      '',
      'No accounts yet: created a demo account for machines (HMAC). Its secret is shown only this once; keep it.',
      `  username:   ${credentials.username}`,
      `  API-Key:    ${credentials.apiKey}`,
      `  API-Secret: ${credentials.apiSecret}`,
      `  API docs:   ${config.publicBaseUrl}/docs`,
      '',
    ].join('\n') + '\n',
  );
}

/**
 * Refuses to start when stored API secrets were sealed with a key this instance does not have: every request of those
 * accounts would be refused as a wrong signature, which is much harder to trace back to a missing shared key.
 */
async function checkSecretKey(repo: Repository, box: SecretBox): Promise<void> {
  const foreign = await findForeignSealedSecrets(repo.accounts, box);
  if (foreign.usernames.length === 0) return;
  throw new Error(
    `the API secrets of ${foreign.usernames.length} account(s) were sealed with a secret key this instance does ` +
      `not have (key id ${foreign.keyIds.join(', ')}; this instance's key is ${box.keyId}). Instances on one ` +
      'database must share one PAVE_SECRET_KEY (docs/security.md); after a rotation, list the old key in ' +
      'PAVE_SECRET_KEYS_PREVIOUS. If that key is lost, give those accounts new secrets: ' +
      '`npm run accounts -- rotate <api-key>`.',
  );
}

async function prepareAccounts(repo: Repository, config: Config, logger: Logger, box: SecretBox): Promise<void> {
  await checkSecretKey(repo, box);
  const sealed = await sealAccountSecrets(repo.accounts, box);
  if (sealed > 0) logger.info({ accounts: sealed }, 'sealed API secrets kept in plain text or under an older key');
  const sealedKeys = await sealApiKeySecrets(repo.apiKeys, box);
  if (sealedKeys > 0) logger.info({ apiKeys: sealedKeys }, 'sealed extra API key secrets kept in plain text');
  const accounts = createAccountsService({
    accounts: createSealedAccountStore(repo.accounts, box),
    now: () => new Date(),
  });
  const outcome = await accounts.ensureBootstrap(config.bootstrapAccounts);
  if (outcome.created.length > 0) logger.info({ usernames: outcome.created }, 'created bootstrap accounts');
  if (outcome.conflicting.length > 0) {
    logger.warn({ usernames: outcome.conflicting }, 'bootstrap accounts exist with other credentials; left unchanged');
  }
  const demo = await accounts.ensureDemo();
  if (demo) printDemoCredentials(demo, config);
  const first = await ensureFirstAdmin(repo, { ...config, now: () => new Date() });
  if (first.kind === 'created') logger.info('created the first admin (PAVE_BOOTSTRAP_ADMIN)');
  // a link that makes an admin is a secret: printed straight to stdout, never through the logger
  if (first.kind === 'link') {
    process.stdout.write(
      [
        '',
        'Nobody can sign in yet. Open this one-time link (valid 7 days) to become the first admin:',
        `  ${first.url}`,
        'Each start prints a new one, and the earlier ones stop working, until someone has used one;',
        '`npm run accounts -- admin-link <username>` makes another.',
        '',
      ].join('\n') + '\n',
    );
  }
}

/**
 * Removes images no attempt points to: the leftovers of uploads cut short by a crash (an image is stored before
 * its row commits). Images younger than the grace period are left alone: uploads in flight on other instances.
 */
async function sweepOrphanImages(images: ImageStore, repo: Repository, config: Config, logger: Logger): Promise<void> {
  const report = await images.sweep(
    (ids) => repo.attempts.findReferencedImageIds(ids),
    config.imageSweepGraceSeconds * 1000,
  );
  logger.info(report, 'image sweep done');
}

/**
 * The image store, the default images, then the app. A folder is swept before listening (no upload of this
 * instance is in flight then); a bucket, which may hold millions of objects, in the background once listening.
 */
async function prepareApp(
  repo: Repository,
  config: Config,
  logger: Logger,
  webhookMetrics: WebhookMetrics,
  hub: StreamHub,
  secretBox: SecretBox,
): Promise<{
  listener: RequestListener;
  images: string;
  store: ImageStore;
  sweep: () => Promise<void>;
  secretBox: SecretBox;
}> {
  const backfilled = await backfillCaptureTokens(repo.sessions, secretBox);
  if (backfilled > 0)
    logger.info({ sessions: backfilled }, 'gave sessions made before capture tokens a new capture link');
  const images = await openImageStore(config);
  const sweep = () => sweepOrphanImages(images, repo, config, logger);
  if (config.imageStore.kind === 'folder') await sweep();
  const listener = createRequestListener({
    repo,
    logger,
    accountCacheMs: config.accountCacheSeconds * 1000,
    rateLimitPerMinute: config.rateLimitPerMinute,
    photosCacheSessions: config.photosCacheSessions,
    publicBaseUrl: config.publicBaseUrl,
    secretBox,
    webDist: config.webDist,
    images,
    imageRedirect: config.imageRedirect,
    defaultImages: await renderDefaultImages(),
    qaSettings: config.qaSettings,
    qaConcurrency: config.qaConcurrency,
    maxPendingUploads: config.maxPendingUploads,
    webhookAllowPrivate: config.webhooks.allowPrivate,
    webhookTimeoutMs: config.webhooks.timeoutMs,
    metricRegistries: [webhookMetrics.registry],
    live: { hub, heartbeatMs: config.streamHeartbeatSeconds * 1000 },
    uploadShares: config.uploadShares,
    uploadPace: config.uploadPace,
    captureBudgets: config.captureBudgets,
    storageQuotaBytes: config.storageQuotaBytes,
  });
  return {
    listener,
    secretBox,
    store: images,
    images: images.description,
    sweep: config.imageStore.kind === 'folder' ? () => Promise.resolve() : sweep,
  };
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Tells a parent that started this server with an IPC channel (a test harness, a process manager) that it listens:
 * a health check alone can be answered by another server that took the port first. The channel is left to the
 * parent (a process manager may use it) but never keeps this process alive.
 */
function announceListening(server: Server): void {
  if (!process.send) return;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : null;
  process.send({ event: 'listening', port });
  process.channel?.unref();
}

function handleShutdown(
  server: Server,
  repo: Repository,
  logger: Logger,
  stop: { sweeps: () => void; dispatcher: Dispatcher; hub: StreamHub },
): void {
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining in-flight requests');
    stop.sweeps();
    // event streams never end by themselves: end them now (readers reconnect elsewhere and resume)
    const streams = stop.hub.closeAll();
    if (streams > 0) logger.info({ streams }, 'closed event streams');
    stop.hub.stop();
    setTimeout(() => server.closeAllConnections(), drainTimeoutMs).unref();
    server.close(() => {
      // deliveries in flight finish and record their outcome before storage closes
      stop.dispatcher
        .stop()
        .then(() => repo.close())
        .then(
          () => logger.info('stopped'),
          (error: unknown) => logger.error({ err: error }, 'closing storage failed'),
        );
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.ok) {
    process.stderr.write(`${config.error.message}\n`);
    process.exit(1);
  }
  const { value: settings } = config;
  // every file and folder this process makes (database, images, key file) is its owner's alone
  process.umask(0o077);
  const logger = createLogger(settings.logLevel);
  // libvips' operation cache only helps when one file is processed twice, and holds up to 50 MB
  sharp.cache(false);
  const repo = await openRepository(settings, logger);
  const secretBox = await openSecretBox(settings, logger);
  await prepareAccounts(repo, settings, logger, secretBox);
  const webhookMetrics = createWebhookMetrics(repo.deliveries, () => new Date());
  const hub = createStreamHub(repo.notices, settings.streamLimits);
  const app = await prepareApp(repo, settings, logger, webhookMetrics, hub, secretBox);
  const server = createServer(
    {
      // explicit, instead of Node's defaults: headers within 20 s; a whole request within the upload deadline plus
      // room to answer (the upload's own pace check answers a slow body with 408 long before)
      headersTimeout: 20_000,
      requestTimeout: settings.uploadPace.deadlineMs + 30_000,
    },
    app.listener,
  ).on('clientError', answerClientError);
  await listen(server, settings);
  announceListening(server);
  app.sweep().catch((error: unknown) => logger.warn({ err: error }, 'image sweep failed; the next start retries it'));
  const sweep = startExpirySweep({
    sessions: repo.sessions,
    now: () => new Date(),
    intervalSeconds: settings.expirySweepSeconds,
    logger,
  });
  const retention =
    settings.retentionDays > 0
      ? startRetentionSweep({
          repo,
          images: app.store,
          now: () => new Date(),
          logger,
          retentionDays: settings.retentionDays,
          intervalSeconds: settings.retentionSweepSeconds,
        })
      : null;
  // old rate-limit windows are dead weight; any instance may delete them
  const prune = setInterval(() => {
    pruneRateLimits(repo.rateLimits, new Date()).catch((error: unknown) =>
      logger.warn({ err: error }, 'rate-limit prune failed'),
    );
  }, 60_000);
  prune.unref();
  const dispatcher = startDispatcher({
    repo,
    logger,
    secretBox: app.secretBox,
    settings: settings.webhooks,
    metrics: webhookMetrics,
  });
  handleShutdown(server, repo, logger, {
    sweeps: () => {
      sweep.stop();
      retention?.stop();
      clearInterval(prune);
    },
    dispatcher,
    hub,
  });
  // the collector the process runs (docs/deploy.md: `--single-threaded-gc` on a machine of few cores)
  const gc = process.execArgv.includes('--single-threaded-gc') ? 'single-threaded' : 'parallel';
  logger.info({ url: settings.publicBaseUrl, storage: describeStorage(settings), images: app.images, gc }, 'listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
