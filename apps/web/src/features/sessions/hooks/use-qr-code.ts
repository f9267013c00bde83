import { queryOptions, useQuery } from '@tanstack/react-query';

// qrcode is loaded on demand so it stays out of the review page's initial JavaScript.
async function renderQrSvg(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A QR code of `text` as an SVG data URL (computed in the browser, cached forever). */
export function qrCodeQuery(text: string) {
  return queryOptions({
    queryKey: ['qr-code', text] as const,
    queryFn: () => renderQrSvg(text),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The QR code of `text`. */
export function useQrCode(text: string) {
  return useQuery(qrCodeQuery(text));
}
