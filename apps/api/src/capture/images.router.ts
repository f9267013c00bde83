import { PhotoCode } from '@pave/domain';
import { Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { errorStyle } from '../http/route-helpers.js';
import type { ImageStore, ImageVariant } from '../images/image-store.js';
import type { DefaultImages } from './default-images.js';

/** Images never change under their URL: cache them for a year, and never let a browser guess another type. */
const cacheControl = 'public, max-age=31536000, immutable';
const imageFilePattern = /^([0-9a-f]{32})(\.thumb)?\.jpg$/;
const defaultFilePattern = /^(\d{1,2})\.jpg$/;

function noSuchImage(): ApiProblem {
  return new ApiProblem('not_found', 'No such image.');
}

const imageHeaders = {
  'Content-Type': 'image/jpeg',
  'Cache-Control': cacheControl,
  'X-Content-Type-Options': 'nosniff',
} as const;

/** The file an image URL names, or null: only ids the store accepts, so no path can leave the images folder. */
function fileOf(images: ImageStore, name: string): string | null {
  const match = imageFilePattern.exec(name);
  if (!match?.[1]) return null;
  const variant: ImageVariant = match[2] ? 'thumb' : 'full';
  return images.pathOf(match[1], variant);
}

/** `GET /images/<id>.jpg`, `/images/<id>.thumb.jpg`, `/images/default/<code>.jpg`; anything else under /images is 404. */
export function createImagesRouter(images: ImageStore, defaults: DefaultImages): Router {
  const router = Router();
  const pave = errorStyle('pave');
  router.route('/images/default/:file').get(pave, (req, res) => {
    const code = PhotoCode.safeParse(Number(defaultFilePattern.exec(req.params.file)?.[1]));
    const jpeg = code.success ? defaults.jpegOf(code.data) : null;
    if (!jpeg) throw noSuchImage();
    res.set(imageHeaders).send(jpeg);
  });
  router.route('/images/:file').get(pave, (req, res, next) => {
    const file = fileOf(images, req.params.file);
    if (!file) throw noSuchImage();
    // the headers option is applied only once the file is found, so a 404 is never cached as an image; the path
    // is built from a checked id, and a data folder under a dot folder (~/.pave) must still serve
    res.sendFile(file, { cacheControl: false, dotfiles: 'allow', headers: imageHeaders }, (error) => {
      if (error) next(res.headersSent ? error : noSuchImage());
    });
  });
  router.use('/images', pave, () => {
    throw noSuchImage();
  });
  return router;
}
