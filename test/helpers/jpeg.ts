import { execFileSync } from 'node:child_process';

/** A real baseline JPEG from ffmpeg's test pattern; bitexact, so ffmpeg writes no comment segment of its own. */
export function ffmpegJpeg(width = 64, height = 48): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${width}x${height}`,
      '-frames:v',
      '1',
      '-bitexact',
      '-f',
      'mjpeg',
      '-',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

/** One JPEG segment: marker, big-endian length (which counts itself), body. */
export function jpegSegment(marker: number, body: Buffer | string): Buffer {
  const data = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** A fake Exif APP1 that says where and when, the way a phone's does: for proving it never reaches the disk. */
export const EXIF_GPS = jpegSegment(
  0xe1,
  'Exif\0\0MM\0*\0\0\0\x08GPSLatitude 44.977753 N GPSLongitude 93.265015 W DateTimeOriginal 2019:01:01 03:00:00',
);

/** The JPEG with segments put right after its APP0 (JFIF) segment, where cameras put Exif. */
export function withSegments(jpeg: Buffer, ...segments: Buffer[]): Buffer {
  const afterApp0 = 4 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, afterApp0), ...segments, jpeg.subarray(afterApp0)]);
}
