import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQuery } from '../../../lib/use-query.js';

// qrcode is loaded on demand so it stays out of the review page's initial JavaScript.
async function renderQrSvg(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A QR code of `text` as an SVG data URL (computed in the browser, never stale). */
export function qrCodeQuery(text: string): QueryDescriptor<string> {
  return { key: ['qr-code', text], fetch: () => renderQrSvg(text), staleMs: Infinity };
}

/** The QR code of `text`. */
export function useQrCode(text: string) {
  return useQuery(qrCodeQuery(text));
}
