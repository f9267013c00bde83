import crypto, { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { createS3Client, type S3Settings } from '../images/s3-image-store.js';

/**
 * s3rver 3.7.1 makes ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node 17 on) keeps in its
 * legacy provider only, so every truncated listing fails with InternalError. Two-key triple DES with both keys
 * equal is the same cipher, and is still there: this process's DES is mapped to it (only 'des', 8-byte keys).
 */
function lendDesToS3rver(): void {
  const { createCipheriv, createDecipheriv } = crypto;
  if ((createCipheriv as { desLent?: true }).desLent) return;
  const isDes = (algorithm: string, key: crypto.CipherKey): key is Buffer =>
    algorithm === 'des' && Buffer.isBuffer(key) && key.length === 8;
  const cipher = (algorithm: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null) =>
    isDes(algorithm, key)
      ? createCipheriv('des-ede-cbc', Buffer.concat([key, key]), iv)
      : createCipheriv(algorithm, key, iv);
  const decipher = (algorithm: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null) =>
    isDes(algorithm, key)
      ? createDecipheriv('des-ede-cbc', Buffer.concat([key, key]), iv)
      : createDecipheriv(algorithm, key, iv);
  Object.defineProperty(crypto, 'createCipheriv', { value: Object.assign(cipher, { desLent: true }) });
  Object.defineProperty(crypto, 'createDecipheriv', { value: decipher });
}

/** The credentials s3rver accepts (any others are refused). */
export const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** An S3-compatible server (s3rver) on a loopback port, its objects in a temporary folder. */
export type TestObjectServer = {
  readonly endpoint: string;
  /** A new empty bucket, and the settings that reach it under `prefix`. */
  createBucket(prefix?: string): Promise<S3Settings>;
  /**
   * Resolves once no request is in flight: a killed client's last uploads are then stored or dropped (the kernel
   * still delivers what it had sent), and the bucket's listing is what it will stay.
   */
  idle(): Promise<void>;
  close(): Promise<void>;
};

/** Starts s3rver on 127.0.0.1, port 0. */
export async function startTestObjectServer(): Promise<TestObjectServer> {
  lendDesToS3rver();
  const directory = mkdtempSync(join(tmpdir(), 'pave-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  let inFlight = 0;
  let onIdle: (() => void)[] = [];
  server.httpServer?.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight > 0) return;
      const waiting = onIdle;
      onIdle = [];
      for (const resolve of waiting) resolve();
    });
  });
  return {
    endpoint,
    async createBucket(prefix = 'photos/') {
      const settings: S3Settings = {
        bucket: `pave-test-${randomBytes(6).toString('hex')}`,
        prefix,
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: s3rverCredentials,
      };
      const client = createS3Client(settings);
      await client.send(new CreateBucketCommand({ Bucket: settings.bucket }));
      client.destroy();
      return settings;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => onIdle.push(resolve))),
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The environment that points a server process at a bucket (credentials through the AWS chain's variables). */
export function s3Env(settings: S3Settings): Record<string, string> {
  return {
    PAVE_IMAGE_STORE: `s3://${settings.bucket}/${settings.prefix}`,
    PAVE_S3_ENDPOINT: settings.endpoint ?? '',
    PAVE_S3_REGION: settings.region,
    PAVE_S3_FORCE_PATH_STYLE: String(settings.forcePathStyle),
    AWS_ACCESS_KEY_ID: settings.credentials?.accessKeyId ?? '',
    AWS_SECRET_ACCESS_KEY: settings.credentials?.secretAccessKey ?? '',
  };
}
