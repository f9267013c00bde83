import { uploadImageFormats, uploadLongSide } from '@pave/domain';

/** A pixel size. */
export type PixelSize = { readonly width: number; readonly height: number };

/** The size that brings `size`'s long side down to `longSide`, keeping its shape; null when it already fits. */
export function shrunkSize(size: PixelSize, longSide: number): PixelSize | null {
  const scale = longSide / Math.max(size.width, size.height);
  if (!(scale < 1)) return null;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** JPEG quality of a scaled-down photo: the server re-encodes at 85, so this loses nothing it would keep. */
const jpegQuality = 0.92;

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', jpegQuality));
}

/** The types the server decodes (by their bytes; a declared type is only a hint here). */
const serverTypes = new Set<string>(uploadImageFormats.map((format) => `image/${format}`));

/**
 * A phone photo larger than the server keeps ({@link uploadLongSide} on its long side) is scaled down here, upright
 * (EXIF orientation applied) and as a JPEG without metadata, so a 12 MP photo of several MB goes up as well under
 * one; a photo in a type the server does not read (HEIC from a photo library, say) that this browser can read goes
 * up as a JPEG of its own size. A photo that fits, that this browser cannot decode (the server then says what is
 * wrong with it), or any failure along the way: the photo goes up as it was taken.
 */
export async function shrinkPhoto(photo: Blob, longSide = uploadLongSide): Promise<Blob> {
  if (typeof createImageBitmap !== 'function') return photo;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  } catch {
    return photo;
  }
  try {
    const size = shrunkSize(bitmap, longSide) ?? (serverTypes.has(photo.type) ? null : bitmap);
    const canvas = size && document.createElement('canvas');
    const context = canvas?.getContext('2d');
    if (!size || !canvas || !context) return photo;
    canvas.width = size.width;
    canvas.height = size.height;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return (await toJpeg(canvas)) ?? photo;
  } catch {
    return photo;
  } finally {
    bitmap.close();
  }
}
