import { z } from 'zod';
import { signedIn } from '../roles';
import { Id, IsoTime } from './common';
import { method, patronData } from './define';

/** Image files from disk: at most this many bytes once decoded (main refuses with the size in words). */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
/** The base64 of MAX_IMAGE_BYTES, and a little over so main, not the schema, words a near miss. */
const MAX_IMAGE_BASE64 = 21_000_000;
export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;

/** A picture a person added from a file, as stored: everything here was measured by main, nothing taken from the file's say-so. */
export const ImageAttachment = patronData(
  z.object({
    id: Id,
    sha256: z.string(),
    kind: z.literal('photo'),
    mediaType: z.enum(IMAGE_MEDIA_TYPES),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int(),
    /** When it was added (main's clock). */
    addedAt: IsoTime,
    addedBy: Id,
    addedByName: z.string(),
    /** When the picture was taken, as the person said: never read from the file's EXIF. */
    takenAt: IsoTime.nullable(),
  }),
  'a photo',
);
export type ImageAttachment = z.infer<typeof ImageAttachment>;

export const attachmentsContract = {
  'attachments.addImage': method({
    summary:
      'Store a JPEG or PNG file from disk as a photo attachment, its metadata stripped, named by its SHA-256. No file name is taken.',
    input: z.strictObject({
      /** The file's bytes, base64 (not a data: URL: its media type would be the sender's claim). */
      dataBase64: z.string().max(MAX_IMAGE_BASE64, 'The file is too large: at most 15 MB can be attached'),
      takenAt: IsoTime.nullable().default(null),
    }),
    output: ImageAttachment,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'attachments.describe': method({
    summary: 'Photo attachments by id (a draft reopened shows its pictures), with the media base to show them.',
    input: z.strictObject({ ids: z.array(Id).max(200) }),
    output: z.object({ attachments: z.array(ImageAttachment), mediaBase: z.string() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
} as const;
