import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  imageFileName,
  isImageId,
  newImageId,
  type ImageInfo,
  type ImageStoreOptions,
  type ImageStore,
  type ImageVariant,
  type StoredFile,
} from './image-store.js';
import { sweepOrphans } from './sweep-orphans.js';

/** Where the objects live and how to reach the server; credentials come from the AWS chain unless given. */
export type S3Settings = {
  readonly bucket: string;
  /** '' or a key prefix ending in '/'. */
  readonly prefix: string;
  /** The server's URL (MinIO, R2, …); null for AWS itself. */
  readonly endpoint: string | null;
  readonly region: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (most self-hosted servers need it). */
  readonly forcePathStyle: boolean;
  /** Tests only: fixed credentials instead of the AWS chain (environment, profile, instance role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
};

/** The image headers of `GET /images/…`, stored with each object so a presigned or direct read answers them too. */
const objectHeaders = { ContentType: 'image/jpeg', CacheControl: 'public, max-age=31536000, immutable' } as const;
const defaultPageSize = 1000;

/** A settings' S3 client: checksums only where S3 requires them (self-hosted servers refuse the SDK's defaults). */
export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return status === 404;
}

function nullIfMissing(error: unknown): null {
  if (isMissing(error)) return null;
  throw error;
}

/** The total size in `Content-Range: bytes 0-9/1234`. */
function totalOf(contentRange: string | undefined, fallback: number): number {
  const total = Number(/\/(\d+)$/.exec(contentRange ?? '')?.[1]);
  return Number.isFinite(total) && total >= 0 ? total : fallback;
}

type ObjectHead = {
  ContentLength?: number | undefined;
  ETag?: string | undefined;
  LastModified?: Date | undefined;
  Metadata?: Record<string, string> | undefined;
};

function infoOf(head: ObjectHead, size: number): ImageInfo {
  return {
    size,
    etag: head.ETag ?? '""',
    lastModified: head.LastModified ?? new Date(0),
    sha256: head.Metadata?.['sha256'] ?? null,
  };
}

/** The description of a location: `s3://bucket/prefix` (the endpoint's host when not AWS). */
export function describeS3(settings: Pick<S3Settings, 'bucket' | 'prefix' | 'endpoint'>): string {
  const at = settings.endpoint ? ` at ${new URL(settings.endpoint).host}` : '';
  return `s3://${settings.bucket}/${settings.prefix}${at}`;
}

/**
 * Images as objects `<prefix><ab>/<id>.jpg` in an S3-compatible bucket. A PUT is atomic, so there are no
 * temporary objects; each object carries the SHA-256 of its bytes (metadata `sha256`) for migration checks.
 * Fails at once, naming the bucket, when the bucket cannot be reached.
 */
export async function createS3ImageStore(settings: S3Settings, options: ImageStoreOptions = {}): Promise<ImageStore> {
  const client = createS3Client(settings);
  const { bucket, prefix } = settings;
  const description = describeS3(settings);
  const ping = async () => {
    await client.send(new HeadBucketCommand({ Bucket: bucket })).catch((error: unknown) => {
      const why = error instanceof Error ? error.name : 'unknown error';
      throw new Error(`the image store ${description} cannot be reached (${why})`, { cause: error });
    });
  };
  await ping();
  const keyOf = (id: string, variant: ImageVariant) => `${prefix}${imageFileName(id, variant)}`;
  const put = (id: string, variant: ImageVariant, bytes: Buffer) =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: keyOf(id, variant),
        Body: bytes,
        ContentLength: bytes.length,
        Metadata: { sha256: createHash('sha256').update(bytes).digest('hex') },
        ...objectHeaders,
      }),
    );

  /** ListObjectsV2 pages, one continuation token after another; a resumed listing starts after a name. */
  async function* listPages(after: string): AsyncGenerator<StoredFile[]> {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          MaxKeys: options.pageSize ?? defaultPageSize,
          ...(token ? { ContinuationToken: token } : after ? { StartAfter: `${prefix}${after}` } : {}),
        }),
      );
      const files = (page.Contents ?? []).flatMap(({ Key: key, Size: size, LastModified: modified }) =>
        key?.startsWith(prefix)
          ? [{ name: key.slice(prefix.length), size: size ?? 0, lastModified: modified ?? new Date(0) }]
          : [],
      );
      if (files.length > 0) yield files;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  return {
    description,
    newId: newImageId,
    ping,
    async save(id, files) {
      // both at once: no row points to either before both are stored, and the sweep takes a half-saved pair
      await Promise.all([put(id, 'thumb', files.thumb), put(id, 'full', files.full)]);
    },
    async remove(id) {
      await Promise.all(
        (['full', 'thumb'] as const).map((variant) =>
          client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(id, variant) })),
        ),
      );
    },
    async stat(id, variant) {
      if (!isImageId(id)) return null;
      const head = await client
        .send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(id, variant) }))
        .catch(nullIfMissing);
      return head ? infoOf(head, head.ContentLength ?? 0) : null;
    },
    async open(id, variant, range) {
      if (!isImageId(id)) return null;
      const object = await client
        .send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: keyOf(id, variant),
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        )
        .catch(nullIfMissing);
      if (!object?.Body) return null;
      const body = object.Body instanceof Readable ? object.Body : Readable.fromWeb(object.Body.transformToWebStream());
      const size = totalOf(object.ContentRange, object.ContentLength ?? 0);
      return { ...infoOf(object, size), body, range: range ?? null };
    },
    presign: (id, variant, expiresInSeconds) =>
      isImageId(id)
        ? getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: keyOf(id, variant) }), {
            expiresIn: expiresInSeconds,
          })
        : Promise.resolve(null),
    list: (list = {}) => listPages(list.after ?? ''),
    sweep: (isReferenced, graceMs, sweepOptions) =>
      sweepOrphans(
        {
          pages: listPages(sweepOptions?.after ?? ''),
          isTemporary: () => false,
          removeFile: async (name) => {
            await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}${name}` }));
          },
          now: options.now ?? Date.now,
          timeResolutionMs: 1000,
        },
        isReferenced,
        graceMs,
        sweepOptions,
      ),
  };
}
