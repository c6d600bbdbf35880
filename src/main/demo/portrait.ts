import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A synthetic "photo" for the training desk: a coloured background and a grey
 * head-and-shoulders silhouette. No face, no real person: the demo must never hold
 * anyone's likeness. 160 × 200 RGB PNG.
 */
export function portraitPng(background: readonly [number, number, number]): Buffer {
  const width = 160;
  const height = 200;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 3));
  const [r, g, b] = background;
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      const head = (x - 80) ** 2 / 34 ** 2 + (y - 78) ** 2 / 42 ** 2 <= 1;
      const shoulders = y > 128 && (x - 80) ** 2 / 72 ** 2 + (y - 200) ** 2 / 66 ** 2 <= 1;
      // A soft vertical shade, so the picture reads as a photo-sized image, not a flat swatch.
      const shade = 1 - y / (height * 3);
      const px: [number, number, number] =
        head || shoulders ? [58, 62, 68] : [Math.round(r * shade), Math.round(g * shade), Math.round(b * shade)];
      raw.set(px, row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
