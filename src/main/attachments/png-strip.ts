import { invalid } from '../errors';

const SIGNATURE_LENGTH = 8;
/** Text and Exif chunks: free text and camera metadata (times, places) that is never taken as fact nor passed on. */
const DROPPED = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf']);

const damaged = (why: string) => {
  const message = `This PNG is damaged or cut short (${why}), so it cannot be attached.`;
  return invalid(message, { dataBase64: message });
};

/**
 * The PNG with its text and Exif chunks removed and nothing after IEND; every other
 * chunk is kept byte for byte (no CRC is recomputed: kept chunks are untouched).
 * Each chunk's length is checked against the bytes really there.
 */
export function stripPngMetadata(bytes: Buffer): Buffer {
  const keep: Buffer[] = [bytes.subarray(0, SIGNATURE_LENGTH)];
  let pos = SIGNATURE_LENGTH;
  for (;;) {
    if (pos + 12 > bytes.length) throw damaged('it ends before its IEND chunk');
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw damaged(`a garbled chunk at byte ${pos}`);
    const end = pos + 12 + length;
    if (end > bytes.length) throw damaged(`the ${type} chunk runs past the end of the file`);
    if (!DROPPED.has(type)) keep.push(bytes.subarray(pos, end));
    pos = end;
    if (type === 'IEND') return Buffer.concat(keep);
  }
}
