import {
  CaptureState,
  captureTokenHeader,
  parseCaptureUrl,
  SessionPhoto,
  uploadFieldName,
  type ManualEntryRequest,
  type PhotoCode,
  type SessionKey,
} from '@pave/domain';
import { createTransport, type RequestOptions, type Transport } from './create-transport.js';
import {
  resolveTransportSettings,
  type CaptureClientOptions,
  type TransportOptions,
} from './resolve-transport-settings.js';

/** Options of `capture.upload`. */
export type UploadOptions = RequestOptions & {
  /** The multipart filename; default: the File's name, else `image.<subtype>` from the Blob's type. */
  filename?: string | undefined;
};

/**
 * The capture app's endpoints (`/v1/capture/:key/…`) for one capture link: every request carries the link's token
 * in the `Capture-Token` header, and no other credentials.
 */
export type CaptureClient = {
  /** The session the link opens. */
  readonly sessionKey: SessionKey;
  /** `GET /v1/capture/:key`: what the capture app shows. */
  get: (options?: RequestOptions) => Promise<CaptureState>;
  /** `POST /v1/capture/:key/start`: the driver's first action (opening the link alone does not start it). */
  start: (options?: RequestOptions) => Promise<CaptureState>;
  /** `POST /v1/capture/:key/photos/:code`: one image in the multipart field `uploadFieldName`; 201 with the attempt. */
  upload: (photoCode: PhotoCode, image: Blob, options?: UploadOptions) => Promise<SessionPhoto>;
  /** `POST /v1/capture/:key/manual`: a typed VIN (1) or odometer reading (3); 201 with the attempt. */
  manual: (entry: ManualEntryRequest, options?: RequestOptions) => Promise<SessionPhoto>;
  /** `POST /v1/capture/:key/skip`: skips an exterior view; 201 with the skipped attempt. */
  skip: (photoCode: PhotoCode, options?: RequestOptions) => Promise<SessionPhoto>;
  /** `POST /v1/capture/:key/confirm`: the driver confirms a complete capture. */
  confirm: (options?: RequestOptions) => Promise<CaptureState>;
};

function fileNameOf(image: Blob): string {
  if ('name' in image && typeof image.name === 'string' && image.name) return image.name;
  const subtype = /^image\/([a-z0-9.+-]+)$/i.exec(image.type)?.[1];
  return subtype ? `image.${subtype}` : 'image';
}

function buildCaptureClient(sessionKey: SessionKey, send: Transport): CaptureClient {
  const path = (rest = '') => `/v1/capture/${encodeURIComponent(sessionKey)}${rest}`;
  return {
    sessionKey,
    get: (options) => send({ method: 'GET', path: path(), schema: CaptureState, conditional: true }, options),
    start: (options) => send({ method: 'POST', path: path('/start'), schema: CaptureState }, options),
    upload: (photoCode, image, options = {}) => {
      const form = new FormData();
      form.append(uploadFieldName, image, options.filename ?? fileNameOf(image));
      return send({ method: 'POST', path: path(`/photos/${photoCode}`), form, schema: SessionPhoto }, options);
    },
    manual: (entry, options) =>
      send({ method: 'POST', path: path('/manual'), json: entry, schema: SessionPhoto }, options),
    skip: (photoCode, options) => {
      const json = { photo_code: photoCode };
      return send({ method: 'POST', path: path('/skip'), json, schema: SessionPhoto }, options);
    },
    confirm: (options) => send({ method: 'POST', path: path('/confirm'), schema: CaptureState }, options),
  };
}

/** The capture client of one link over the given transport options (shared with `createPaveClient`). */
export function captureClientFor(captureUrl: string, options: TransportOptions): CaptureClient {
  const link = parseCaptureUrl(captureUrl);
  if (!link) {
    throw new TypeError('@pave/client: captureUrl is not a capture link (…/capture/<key>#<token>).');
  }
  const headers = { [captureTokenHeader]: link.token };
  // the token goes out as a header on every attempt, and is cut out of every error, like an API secret
  const auth = { sign: () => Promise.resolve(headers), secrets: [link.token] };
  return buildCaptureClient(
    link.sessionKey,
    createTransport(resolveTransportSettings({ ...options, baseUrl: link.apiBaseUrl }, auth)),
  );
}

/**
 * A client for one capture link (a session's `capture_url`), for the phone capture app: it needs nothing else.
 * Throws TypeError for a `captureUrl` that is not a capture link, TypeError/RangeError for a bad `timeoutMs` or `retry`.
 */
export function createCaptureClient(options: CaptureClientOptions): CaptureClient {
  const { captureUrl, ...transport } = options;
  return captureClientFor(captureUrl, transport);
}
