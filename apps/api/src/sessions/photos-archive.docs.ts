import { SessionKey } from '@pave/domain';
import { refusal, routeGroup, type RouteDoc } from '../openapi/route-doc.js';
import { photosArchivePath } from './photos-archive.router.js';

/** The routes of photos-archive.router.ts. */
export const photosArchiveRouteDocs: readonly RouteDoc[] = routeGroup(
  {
    tag: 'Sessions',
    auth: true,
    pathParams: { session_key: { schema: SessionKey, description: 'The session key.' } },
  },
  [
    {
      method: 'get',
      path: photosArchivePath,
      operationId: 'downloadSessionPhotos',
      summary: 'Download every photo of a session as one ZIP file',
      description:
        "Ours. Each attempt's stored image (rejected ones too) as `<seq>-<photo label>-<accepted|rejected>.jpg`, " +
        'in capture order, for example `003-Front_Left-rejected.jpg`. The archive is streamed as the images are ' +
        'read, so a download of a large session starts at once; a download cut short is an unreadable ZIP, never ' +
        'a partial one that looks whole.',
      responses: {
        200: { description: 'The ZIP file (`Content-Disposition: attachment`).', contentType: 'application/zip' },
        401: refusal('Missing or invalid credentials; the message says which header or what is wrong.'),
        404: refusal("No such session for this API key (unknown, malformed or another account's key)."),
      },
    },
  ],
);
