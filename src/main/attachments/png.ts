import { crc32 } from 'node:zlib';
import { invalid } from '../errors';

export const MAX_PNG_BYTES = 10 * 1024 * 1024;
export const MAX_PNG_SIDE = 8192;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

const refuse = (message: string) => invalid(message, { png: message });

/**
 * Checks that the bytes are a whole PNG (signature, a sound IHDR chunk first, IEND
 * last) of a sensible size, and returns its dimensions. Refuses with a reason
 * otherwise: what is stored as a camera image must be one.
 */
export function pngDimensions(
  bytes: Buffer,
  limits: { maxBytes: number; maxSide: number } = { maxBytes: MAX_PNG_BYTES, maxSide: MAX_PNG_SIDE },
): { width: number; height: number } {
  if (bytes.length === 0) throw refuse('The image is empty.');
  if (bytes.length > limits.maxBytes) {
    const size = (bytes.length / 1024 / 1024).toFixed(1);
    throw refuse(`The image is ${size} MB; at most ${Math.round(limits.maxBytes / 1024 / 1024)} MB can be saved.`);
  }
  if (bytes.length < SIGNATURE.length || !bytes.subarray(0, 8).equals(SIGNATURE)) {
    throw refuse('This is not a PNG image.');
  }
  // IHDR: 4-byte length (13), 'IHDR', width, height, 5 more bytes, then a CRC over type and data.
  if (bytes.length < 8 + 25 || bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw refuse('This PNG has no header (IHDR) chunk: the image is damaged.');
  }
  if (crc32(bytes.subarray(12, 29)) !== bytes.readUInt32BE(29)) {
    throw refuse('This PNG’s header fails its checksum: the image is damaged.');
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) throw refuse(`The image has no pixels (${width} × ${height}).`);
  if (width > limits.maxSide || height > limits.maxSide) {
    throw refuse(`The image is ${width} × ${height} pixels; at most ${limits.maxSide} on each side can be saved.`);
  }
  if (!bytes.subarray(bytes.length - IEND.length).equals(IEND)) {
    throw refuse('This PNG is cut short (it does not end with IEND): the image is incomplete.');
  }
  return { width, height };
}

/** Base64 (optionally as a data: URL, as canvas.toDataURL gives it) → bytes; refuses other characters. */
export function decodeBase64Png(text: string): Buffer {
  const body = text.startsWith('data:image/png;base64,') ? text.slice('data:image/png;base64,'.length) : text;
  // Buffer.from skips characters that are not base64 without a word: a mangled upload must not pass as an image.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw refuse('The image is not valid base64.');
  }
  return Buffer.from(body, 'base64');
}
