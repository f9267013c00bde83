import { useQrCode } from '../hooks/use-qr-code.js';

/** Props of {@link QrCode}. */
export type QrCodeProps = { text: string; label: string };

/** A QR code image of `text`, with `label` as its alternative text. */
export function QrCode({ text, label }: QrCodeProps) {
  const qr = useQrCode(text);
  if (qr.status === 'error') return <p>The QR code could not be drawn; use the link instead.</p>;
  if (!qr.data) return <p className="qr-code qr-code--pending">Drawing QR code…</p>;
  return <img className="qr-code" src={qr.data} alt={label} width={200} height={200} />;
}
