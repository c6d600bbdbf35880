import { invalid } from '../errors';

/**
 * JPEG, read just far enough to trust it: the segment structure is walked from SOI
 * to EOI with every length checked against the bytes that are really there, the
 * dimensions come from the frame header (SOFn), and metadata segments are dropped.
 */

const refuse = (message: string) => invalid(message, { dataBase64: message });
const damaged = (why: string) => refuse(`This JPEG is damaged or cut short (${why}), so it cannot be attached.`);

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP1 = 0xe1;
const APP15 = 0xef;

/** Frame headers carry the size: SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers with no length field after them: TEM and the restart markers. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
/**
 * Dropped: APP1..APP15 hold Exif (camera, times, GPS position), XMP, ICC, maker
 * notes; COM is free text from whoever made the file. None of it may be taken as
 * fact or leave the desk with the picture. APP0 (JFIF) only says how to read pixels.
 */
const isMetadata = (m: number) => (m >= APP1 && m <= APP15) || m === COM;

export interface JpegResult {
  width: number;
  height: number;
  /** The file as stored: the same bytes, minus metadata segments and anything after EOI. */
  stripped: Buffer;
}

export function readJpeg(bytes: Buffer): JpegResult {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw refuse('This file is not a JPEG image.');
  const keep: Buffer[] = [bytes.subarray(0, 2)];
  let size: { width: number; height: number } | null = null;
  let pos = 2;
  for (;;) {
    // A marker is 0xFF, any number of 0xFF fill bytes, then the marker code.
    if (pos >= bytes.length) throw damaged('it ends before its end marker');
    if (bytes[pos] !== 0xff) throw damaged(`no segment marker at byte ${pos}`);
    const start = pos;
    while (pos < bytes.length && bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) throw damaged('it ends inside a marker');
    const marker = bytes[pos++]!;
    if (marker === EOI) {
      if (!size) throw damaged('it has no frame header');
      keep.push(bytes.subarray(start, pos));
      break;
    }
    if (marker === SOI || marker === 0x00) throw damaged(`an unexpected marker at byte ${start}`);
    if (standalone(marker)) {
      keep.push(bytes.subarray(start, pos));
      continue;
    }
    if (pos + 2 > bytes.length) throw damaged('it ends inside a segment header');
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) throw damaged(`a segment runs past the end of the file`);
    const end = pos + length;
    if (isSof(marker)) {
      if (size) throw damaged('it has two frame headers');
      // Length, precision (1 byte), height (2), width (2), component count (1).
      if (length < 8) throw damaged('its frame header is too short');
      size = { height: bytes.readUInt16BE(pos + 3), width: bytes.readUInt16BE(pos + 5) };
    }
    if (!isMetadata(marker)) keep.push(bytes.subarray(start, end));
    pos = end;
    if (marker === SOS) {
      if (!size) throw damaged('its image data comes before its frame header');
      pos = entropyEnd(bytes, pos);
      keep.push(bytes.subarray(end, pos));
    }
  }
  // Anything after EOI (a trailer, a "motion photo" video) is not the picture and is not kept.
  return { ...size!, stripped: Buffer.concat(keep) };
}

/** Where a scan's compressed data ends: the first marker that is neither a stuffed 0xFF00 nor a restart marker. */
function entropyEnd(bytes: Buffer, from: number): number {
  let pos = from;
  for (;;) {
    const ff = bytes.indexOf(0xff, pos);
    if (ff < 0 || ff + 1 >= bytes.length) throw damaged('it ends inside its image data');
    const next = bytes[ff + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      // 0xFF 0xFF is fill before a marker: stop at the fill so the marker loop reads it.
      if (next === 0xff) return ff;
      pos = ff + 2;
      continue;
    }
    return ff;
  }
}
