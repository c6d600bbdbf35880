import { describe, expect, it } from 'vitest';
import { chunk, encodePng } from '../../../test/helpers/png';
import { EXIF_GPS, ffmpegJpeg, jpegSegment, withSegments } from '../../../test/helpers/jpeg';
import { checkImage, decodeBase64 } from './image';

const JPEG = ffmpegJpeg(64, 48);

const pngChunk = (type: string, data: string) => chunk(type, Buffer.from(data, 'latin1'));
/** After the signature (8) and IHDR (25). */
const afterIhdr = (png: Buffer, ...chunks: Buffer[]) =>
  Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);

/** The JPEG with its frame header (SOF0) claiming another size. */
function withSize(jpeg: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg);
  const sof = copy.indexOf(Buffer.from([0xff, 0xc0]));
  copy.writeUInt16BE(height, sof + 5);
  copy.writeUInt16BE(width, sof + 7);
  return copy;
}

const refusal = (bytes: Buffer) => {
  try {
    checkImage(bytes);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('image files from disk', () => {
  it('keeps a JPEG byte for byte but for its Exif (GPS), XMP, comments and anything after its end', () => {
    const xmp = jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>exif:GPSLatitude</x:xmpmeta>');
    const comment = jpegSegment(0xfe, 'taken at 12 Elm St');
    const sent = Buffer.concat([withSegments(JPEG, EXIF_GPS, xmp, comment), Buffer.from('trailing video data')]);
    const image = checkImage(sent);
    expect(image).toMatchObject({ mediaType: 'image/jpeg', ext: 'jpg', width: 64, height: 48 });
    expect(image.bytes.equals(JPEG)).toBe(true);
    for (const leak of ['GPS', 'Exif', 'Elm St', 'xmpmeta', 'trailing']) {
      expect(image.bytes.includes(leak), leak).toBe(false);
    }
  });

  it('keeps a PNG byte for byte but for its tEXt, iTXt, zTXt and eXIf chunks', () => {
    const png = encodePng(40, 30);
    const sent = afterIhdr(
      png,
      pngChunk('tEXt', 'Comment\0GPS 44.97 N'),
      pngChunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0<x/>'),
      pngChunk('eXIf', 'MM\0*GPS'),
    );
    const image = checkImage(sent);
    expect(image).toMatchObject({ mediaType: 'image/png', ext: 'png', width: 40, height: 30 });
    expect(image.bytes.equals(png)).toBe(true);
  });

  it('decides the type from the bytes, whatever the file was called', () => {
    const cases: [string, Buffer, RegExp][] = [
      [
        'a text file renamed .jpg',
        Buffer.from('Meeting notes: patron was asked to leave.\n'),
        /not a JPEG or PNG image\.$/,
      ],
      ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>'), /not a JPEG or PNG.*web page/],
      ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), /not a JPEG or PNG.*SVG/],
      ['a GIF', Buffer.from('GIF89a\x01\0\x01\0\0\0\0;', 'latin1'), /not a JPEG or PNG image \(it looks like a GIF/],
      ['a WebP', Buffer.from('RIFF\x10\0\0\0WEBPVP8 ', 'latin1'), /WebP/],
      ['a HEIC', Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'), /HEIC/],
      ['a PDF', Buffer.from('%PDF-1.7\n'), /PDF document/],
    ];
    for (const [what, bytes, message] of cases) expect(refusal(bytes), what).toMatch(message);
  });

  it('refuses truncated and garbled files with a reason', () => {
    expect(refusal(JPEG.subarray(0, JPEG.length / 2))).toMatch(
      /JPEG is damaged or cut short \(it ends inside its image data\)/,
    );
    expect(refusal(JPEG.subarray(0, 30))).toMatch(/JPEG is damaged or cut short \(a segment runs past the end/);
    expect(refusal(JPEG.subarray(0, JPEG.length - 2))).toMatch(/JPEG is damaged or cut short/);
    const garbled = Buffer.from(JPEG);
    garbled.writeUInt16BE(0xffff, 4); // APP0 claims 64 KB
    expect(refusal(garbled)).toMatch(/segment runs past the end/);
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toMatch(/no frame header/);
    const png = encodePng(8, 8);
    expect(refusal(png.subarray(0, png.length - 12))).toMatch(/PNG is damaged or cut short/);
    expect(refusal(Buffer.alloc(0))).toMatch(/empty/);
  });

  it('refuses absurd dimensions and oversized files', () => {
    expect(refusal(encodePng(0, 0))).toMatch(/no pixels \(0 × 0\)/);
    expect(refusal(withSize(JPEG, 0, 48))).toMatch(/no pixels \(0 × 48\)/);
    expect(refusal(withSize(JPEG, 20000, 10))).toMatch(/absurd dimensions \(20000 × 10 pixels\)/);
    expect(refusal(encodePng(20000, 10, () => [0, 0, 0]))).toMatch(/absurd dimensions \(20000 × 10 pixels\)/);
    expect(refusal(withSize(JPEG, 11000, 11000))).toMatch(/absurd dimensions.*100 megapixels/);
    expect(checkImage(withSize(JPEG, 10000, 10000))).toMatchObject({ width: 10000, height: 10000 });
    const big = Buffer.concat([JPEG.subarray(0, 20), Buffer.alloc(15 * 1024 * 1024)]);
    expect(refusal(big)).toMatch(/The file is 15\.1 MB; at most 15 MB can be attached/);
  });

  it('refuses base64 that did not arrive intact', () => {
    expect(() => decodeBase64('abc$')).toThrow(/not valid base64/);
    expect(() => decodeBase64('data:image/jpeg;base64,/9j/')).toThrow(/not valid base64/);
    expect(decodeBase64(JPEG.toString('base64')).equals(JPEG)).toBe(true);
  });
});
