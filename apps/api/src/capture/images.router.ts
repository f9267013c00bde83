import { pipeline } from 'node:stream';
import { PhotoCode } from '@pave/domain';
import { Router, type Request, type Response } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { errorStyle } from '../http/route-helpers.js';
import type { ByteRange, ImageInfo, ImageStore, ImageVariant, OpenedImage } from '../images/image-store.js';
import type { CaptureBudgets } from './capture-budgets.js';
import type { DefaultImages } from './default-images.js';

/** Images never change under their URL: cache them for a year, and never let a browser guess another type. */
const cacheControl = 'public, max-age=31536000, immutable';
const imageFilePattern = /^([0-9a-f]{32})(\.thumb)?\.jpg$/;
const defaultFilePattern = /^(\d{1,2})\.jpg$/;

/** How `GET /images/<id>.jpg` answers: the bytes streamed through, or a redirect to a presigned URL. */
export type ImagesRouterOptions = {
  readonly redirect: 'stream' | 'presigned';
  /** Requests per minute per client address, and its 404 budget; none when missing. */
  readonly budgets?: CaptureBudgets;
  /** How long a presigned URL works; the redirect itself is cached a minute less. */
  readonly presignSeconds?: number;
};

const defaultPresignSeconds = 300;

function noSuchImage(): ApiProblem {
  return new ApiProblem('not_found', 'No such image.');
}

const imageHeaders = {
  'Content-Type': 'image/jpeg',
  'Cache-Control': cacheControl,
  'X-Content-Type-Options': 'nosniff',
} as const;

/** The image an URL names, or null: only names of a well-formed id, so no path or key can be made up. */
function imageOf(name: string): { id: string; variant: ImageVariant } | null {
  const match = imageFilePattern.exec(name);
  return match?.[1] ? { id: match[1], variant: match[2] ? 'thumb' : 'full' } : null;
}

function setValidators(res: Response, info: ImageInfo): void {
  res.set({ ETag: info.etag, 'Last-Modified': info.lastModified.toUTCString(), 'Accept-Ranges': 'bytes' });
}

/**
 * The one range a request asks for, or null for the whole image (no Range, a stale If-Range, several ranges or a
 * malformed header: RFC 9110 lets a server answer those in full). Null too for an unsatisfiable range: 'refuse'.
 */
function rangeOf(req: Request, info: ImageInfo): ByteRange | null | 'refuse' {
  const ifRange = req.get('If-Range');
  if (ifRange !== undefined && ifRange !== info.etag) return null;
  const ranges = req.range(info.size, { combine: true });
  if (ranges === -1) return 'refuse';
  if (ranges === undefined || ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return null;
  const [range] = ranges;
  return range ? { start: range.start, end: range.end } : null;
}

/** Sends an opened image: 200, or 206 with its Content-Range; a read failing midway ends the response early. */
function send(res: Response, opened: OpenedImage): void {
  setValidators(res, opened);
  res.set(imageHeaders);
  if (opened.range) {
    res.status(206).set('Content-Range', `bytes ${opened.range.start}-${opened.range.end}/${opened.size}`);
    res.set('Content-Length', String(opened.range.end - opened.range.start + 1));
  } else res.set('Content-Length', String(opened.size));
  pipeline(opened.body, res, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      res.locals.log?.warn({ err: error }, 'reading an image failed midway');
    }
  });
}

/** An image a request names, and the store it is in. */
type NamedImage = { readonly images: ImageStore; readonly id: string; readonly variant: ImageVariant };

/**
 * Streams a stored image, never holding it whole in memory. A plain GET opens it in one request to the store;
 * HEAD, conditional and Range requests ask for its info first.
 */
async function streamImage({ images, id, variant }: NamedImage, req: Request, res: Response): Promise<void> {
  const needsInfo =
    req.method === 'HEAD' || ['range', 'if-none-match', 'if-modified-since'].some((name) => name in req.headers);
  if (!needsInfo) {
    const opened = await images.open(id, variant);
    if (!opened) throw noSuchImage();
    send(res, opened);
    return;
  }
  const info = await images.stat(id, variant);
  if (!info) throw noSuchImage();
  setValidators(res, info);
  if (req.fresh) {
    res.set(imageHeaders).status(304).end();
    return;
  }
  const range = rangeOf(req, info);
  if (range === 'refuse') {
    res.status(416).set('Content-Range', `bytes */${info.size}`);
    res.json({ message: 'The requested range is not satisfiable.' });
    return;
  }
  if (req.method === 'HEAD') {
    res.set(imageHeaders).set('Content-Length', String(info.size)).end();
    return;
  }
  const opened = await images.open(id, variant, range ?? undefined);
  if (!opened) throw noSuchImage();
  send(res, opened);
}

/** A 302 to a presigned URL, or false when the store has none for this image (it is streamed then). */
async function redirectToObject({ images, id, variant }: NamedImage, res: Response, seconds: number): Promise<boolean> {
  // the store is asked first, so an unknown image is our JSON 404 rather than the object server's XML
  if (!(await images.stat(id, variant))) throw noSuchImage();
  const url = await images.presign(id, variant, seconds);
  if (!url) return false;
  res.set('Cache-Control', `private, max-age=${Math.max(0, seconds - 60)}`).redirect(302, url);
  return true;
}

/** `GET /images/<id>.jpg`, `/images/<id>.thumb.jpg`, `/images/default/<code>.jpg`; anything else under /images is 404. */
export function createImagesRouter(
  images: ImageStore,
  defaults: DefaultImages,
  options: ImagesRouterOptions = { redirect: 'stream' },
): Router {
  const router = Router();
  const pave = errorStyle('pave');
  const presignSeconds = options.presignSeconds ?? defaultPresignSeconds;
  if (options.budgets) router.use('/images', pave, options.budgets.perAddress('images'));
  router.route('/images/default/:file').get(pave, (req, res) => {
    const code = PhotoCode.safeParse(Number(defaultFilePattern.exec(req.params.file)?.[1]));
    const jpeg = code.success ? defaults.jpegOf(code.data) : null;
    if (!jpeg) throw noSuchImage();
    res.set(imageHeaders).send(jpeg);
  });
  router.route('/images/:file').get(pave, async (req, res) => {
    const named = imageOf(req.params.file);
    if (!named) throw noSuchImage();
    const image = { images, ...named };
    if (options.redirect === 'presigned' && (await redirectToObject(image, res, presignSeconds))) return;
    await streamImage(image, req, res);
  });
  router.use('/images', pave, () => {
    throw noSuchImage();
  });
  if (options.budgets) router.use('/images', options.budgets.countNotFound);
  return router;
}
