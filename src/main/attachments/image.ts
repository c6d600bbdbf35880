import { invalid } from '../errors';
import { MAX_IMAGE_BYTES } from '../../shared/contract/attachments';
import { pngDimensions } from './png';
import { readJpeg } from './jpeg';
import { stripPngMetadata } from './png-strip';

export const MAX_IMAGE_SIDE = 12_000;
export const MAX_IMAGE_PIXELS = 100_000_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface CheckedImage {
  mediaType: 'image/jpeg' | 'image/png';
  ext: 'jpg' | 'png';
  width: number;
  height: number;
  /** What is stored and hashed: the file without its metadata. */
  bytes: Buffer;
}

const refuse = (message: string) => invalid(message, { dataBase64: message });
// Rounded up, so a file just over the limit never reads as exactly the limit.
const megabytes = (n: number) => `${(Math.ceil((n / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;

/** Words for what a refused file looks like, so the person knows why: the name it came with proves nothing. */
function lookalike(b: Buffer): string | null {
  const head = b.toString('latin1', 0, 16);
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (head.slice(4, 8) === 'ftyp')
    return /heic|heix|mif1|msf1|avif/.test(head.slice(8, 12)) ? 'a HEIC/AVIF image' : 'a video';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('BM')) return 'a BMP image';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'a TIFF image';
  if (/^\s*</.test(b.toString('utf8', 0, 256))) return 'a web page or SVG (text)';
  return null;
}

/** Base64 → bytes; Buffer.from would skip stray characters silently, so a mangled upload is refused instead. */
export function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
    throw refuse('The file did not arrive intact (not valid base64); try attaching it again.');
  }
  return Buffer.from(text, 'base64');
}

/**
 * Decides what a file is from its bytes alone (the name and any metadata inside are
 * claims, not facts), checks its size and dimensions, and returns the bytes to
 * store: a JPEG or PNG with its metadata removed. Refuses anything else with a reason.
 */
export function checkImage(bytes: Buffer): CheckedImage {
  if (bytes.length === 0) throw refuse('The file is empty.');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw refuse(
      `The file is ${megabytes(bytes.length)}; at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB can be attached.`,
    );
  }
  let image: CheckedImage;
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const jpeg = readJpeg(bytes);
    image = { mediaType: 'image/jpeg', ext: 'jpg', width: jpeg.width, height: jpeg.height, bytes: jpeg.stripped };
  } else if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    const stripped = stripPngMetadata(bytes);
    // The sides are judged below, with the JPEG's, in the same words.
    const size = pngDimensions(stripped, { maxBytes: MAX_IMAGE_BYTES, maxSide: Number.MAX_SAFE_INTEGER });
    image = { mediaType: 'image/png', ext: 'png', ...size, bytes: stripped };
  } else {
    const like = lookalike(bytes);
    throw refuse(`This file is not a JPEG or PNG image${like ? ` (it looks like ${like})` : ''}.`);
  }
  const { width, height } = image;
  if (width === 0 || height === 0) throw refuse(`The image has no pixels (${width} × ${height}).`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw refuse(
      `The image claims absurd dimensions (${width} × ${height} pixels); at most ${MAX_IMAGE_SIDE.toLocaleString('en-US')} ` +
        `on a side and 100 megapixels can be attached.`,
    );
  }
  return image;
}
