import { CaptureState, SessionPhoto, uploadFieldName, type ManualEntryRequest, type PhotoCode } from '@pave/domain';
import { createTransport, type RequestOptions, type Transport } from './create-transport.js';
import { resolveTransportSettings, type CaptureClientOptions } from './resolve-transport-settings.js';

/** Options of `capture.upload`. */
export type UploadOptions = RequestOptions & {
  /** The multipart filename; default: the File's name, else `image.<subtype>` from the Blob's type. */
  filename?: string | undefined;
};

/** The capture app's endpoints (`/v1/capture/:key/…`): keyed by the session key alone, no credentials. */
export type CaptureClient = {
  /** `GET /v1/capture/:key`: what the capture app shows. */
  get: (key: string, options?: RequestOptions) => Promise<CaptureState>;
  /** `POST /v1/capture/:key/start`: the driver opened the link. */
  start: (key: string, options?: RequestOptions) => Promise<CaptureState>;
  /** `POST /v1/capture/:key/photos/:code`: one image in the multipart field `uploadFieldName`; 201 with the attempt. */
  upload: (key: string, photoCode: PhotoCode, image: Blob, options?: UploadOptions) => Promise<SessionPhoto>;
  /** `POST /v1/capture/:key/manual`: a typed VIN (1) or odometer reading (3); 201 with the attempt. */
  manual: (key: string, entry: ManualEntryRequest, options?: RequestOptions) => Promise<SessionPhoto>;
  /** `POST /v1/capture/:key/skip`: skips an exterior view; 201 with the skipped attempt. */
  skip: (key: string, photoCode: PhotoCode, options?: RequestOptions) => Promise<SessionPhoto>;
  /** `POST /v1/capture/:key/confirm`: the driver confirms a complete capture. */
  confirm: (key: string, options?: RequestOptions) => Promise<CaptureState>;
};

function capturePath(key: string, rest = ''): string {
  return `/v1/capture/${encodeURIComponent(key)}${rest}`;
}

function fileNameOf(image: Blob): string {
  if ('name' in image && typeof image.name === 'string' && image.name) return image.name;
  const subtype = /^image\/([a-z0-9.+-]+)$/i.exec(image.type)?.[1];
  return subtype ? `image.${subtype}` : 'image';
}

/** The capture group over a transport (shared by {@link createCaptureClient} and `createPaveClient`). */
export function buildCaptureClient(send: Transport): CaptureClient {
  return {
    get: (key, options) =>
      send({ method: 'GET', path: capturePath(key), schema: CaptureState, conditional: true }, options),
    start: (key, options) => send({ method: 'POST', path: capturePath(key, '/start'), schema: CaptureState }, options),
    upload: (key, photoCode, image, options = {}) => {
      const form = new FormData();
      form.append(uploadFieldName, image, options.filename ?? fileNameOf(image));
      const path = capturePath(key, `/photos/${photoCode}`);
      return send({ method: 'POST', path, form, schema: SessionPhoto }, options);
    },
    manual: (key, entry, options) =>
      send({ method: 'POST', path: capturePath(key, '/manual'), json: entry, schema: SessionPhoto }, options),
    skip: (key, photoCode, options) => {
      const json = { photo_code: photoCode };
      return send({ method: 'POST', path: capturePath(key, '/skip'), json, schema: SessionPhoto }, options);
    },
    confirm: (key, options) =>
      send({ method: 'POST', path: capturePath(key, '/confirm'), schema: CaptureState }, options),
  };
}

/**
 * A client for the capture endpoints only, for the phone capture app (it has no credentials: requests carry no
 * auth headers). Throws TypeError/RangeError for a bad `baseUrl`, `timeoutMs` or `retry`.
 */
export function createCaptureClient(options: CaptureClientOptions): CaptureClient {
  return buildCaptureClient(createTransport(resolveTransportSettings(options, null)));
}
