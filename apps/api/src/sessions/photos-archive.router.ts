import { photoLabelOf, sessionNotFoundMessage, type SessionKey } from '@pave/domain';
import { type RequestHandler, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { accountOf } from '../http/request-context.js';
import { errorStyle, sessionKeyOrNotFound } from '../http/route-helpers.js';
import type { ImageStore } from '../images/image-store.js';
import type { Logger } from '../logger.js';
import type { AttemptRow, Repository } from '../storage/repository.js';
import { findOwnSession } from './find-own-session.js';
import { writeZip, type ZipEntry } from './zip-writer.js';

/** What the archive route needs. */
export type PhotosArchiveDeps = {
  readonly repo: Repository;
  readonly images: ImageStore;
  readonly now: () => Date;
  readonly logger: Logger;
};

/** The route's path: every photo of a session, as one ZIP file. */
export const photosArchivePath = '/v1/sessions/:session_key/photos.zip';

/** An attempt's file name in the archive: `003-Front_Left-rejected.jpg` (capture order, step, verdict). */
export function archiveNameOf(attempt: Pick<AttemptRow, 'seq' | 'photoCode' | 'approved'>): string {
  const verdict = attempt.approved ? 'accepted' : 'rejected';
  return `${String(attempt.seq).padStart(3, '0')}-${photoLabelOf(attempt.photoCode)}-${verdict}.jpg`;
}

/** The stored full image of each attempt that has one, in capture order, read one at a time. */
async function* entriesOf(deps: PhotosArchiveDeps, attempts: readonly AttemptRow[]): AsyncGenerator<ZipEntry> {
  for (const attempt of attempts) {
    if (!attempt.imageId) continue;
    const image = await deps.images.open(attempt.imageId, 'full');
    if (!image) {
      deps.logger.warn({ attempt: attempt.id }, 'photo archive: an attempt’s image is missing; left out');
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of image.body) chunks.push(Buffer.from(chunk as Uint8Array));
    yield { name: archiveNameOf(attempt), bytes: Buffer.concat(chunks), modified: new Date(attempt.createdAt) };
  }
}

/**
 * `GET /v1/sessions/:session_key/photos.zip` (ours, behind `guard`): every stored photo of the session (each
 * attempt's full image, rejected ones too), streamed as a ZIP as the images are read, never built in memory.
 */
export function createPhotosArchiveRouter(deps: PhotosArchiveDeps, guard: readonly RequestHandler[]): Router {
  const router = Router();
  router
    .route(photosArchivePath)
    .get(errorStyle('extended'), ...guard, async (req, res) => {
      const sessionKey: SessionKey = sessionKeyOrNotFound(req.params.session_key);
      const session = await findOwnSession(deps, accountOf(res), sessionKey);
      if (!session) throw new ApiProblem('not_found', sessionNotFoundMessage(sessionKey));
      const attempts = await deps.repo.attempts.listForSession(session.id);
      res.status(200).set({
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${sessionKey}-photos.zip"`,
        'Cache-Control': 'private, no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      try {
        await writeZip(res, entriesOf(deps, attempts));
      } catch (error) {
        // the answer has begun: all that is left is to cut it, so that the reader sees a broken download
        (res.locals.log ?? deps.logger).error({ err: error }, 'photo archive failed midway');
        res.destroy();
      }
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
