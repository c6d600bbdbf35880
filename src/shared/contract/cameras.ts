import { z } from 'zod';
import { signedIn, admins } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput, line } from './common';

export const CAMERA_KINDS = ['hls', 'rtsp'] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];
/** Each camera has a full-resolution stream and optionally a low-resolution one for the grid. */
export const STREAMS = ['main', 'grid'] as const;
export type StreamName = (typeof STREAMS)[number];

/** connecting → live → stalled → offline (DESIGN.md §4); 'disabled' when an admin turned it off. */
export const HEALTH_STATES = ['connecting', 'live', 'stalled', 'offline', 'disabled'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

/** Why a stream is not live, as a code the UI can rely on and a sentence it can show. */
export const HEALTH_REASONS = [
  'refused', // connection refused
  'notFound', // 404 / no such RTSP path
  'unauthorized', // 401 / 403: wrong credentials
  'notHls', // answered, but not an HLS playlist (HTML, garbage)
  'emptyPlaylist', // a playlist with no segments
  'timeout', // nothing answered in time
  'noNewSegments', // stalled: no new segment for 3× the target duration
  'ffmpegMissing', // RTSP camera and no ffmpeg found
  'codecUnsupported', // the camera's codec cannot be remuxed to HLS or played
  'sourceEnded', // ffmpeg or the upstream ended the stream
  'unreachable', // any other network failure
] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];

/** What a stream's video is coded in, as main read it from the stream itself (not from the camera's say-so). */
export const VIDEO_CODECS = ['h264', 'h265', 'other'] as const;
export type VideoCodec = (typeof VIDEO_CODECS)[number];

export const StreamHealth = z.object({
  cameraId: Id,
  stream: z.enum(STREAMS),
  state: z.enum(HEALTH_STATES),
  reason: z.enum(HEALTH_REASONS).nullable(),
  /** The reason in words, for the tile ("Wrong user name or password (401)"). */
  message: z.string().nullable(),
  /** When the newest segment appeared (main's clock); null until the first one. */
  lastSegmentAt: IsoTime.nullable(),
  /** The playlist's EXT-X-TARGETDURATION in seconds, once known. */
  targetDuration: z.number().nullable(),
  /** When the state last changed. */
  since: IsoTime,
  /** The video codec read from the stream's own bytes; null until main has seen a segment. */
  codec: z.enum(VIDEO_CODECS).nullable(),
});
export type StreamHealth = z.infer<typeof StreamHealth>;

/** A camera as every role sees it: no address, no credentials. */
export const Camera = z.object({
  id: Id,
  name: z.string(),
  branchId: Id,
  zoneId: Id,
  kind: z.enum(CAMERA_KINDS),
  hasGrid: z.boolean(),
  enabled: z.boolean(),
  health: z.array(StreamHealth),
});
export type Camera = z.infer<typeof Camera>;

/** What an administrator edits: addresses without any password, and whether one is stored. */
export const CameraDetail = Camera.extend({
  url: z.string(),
  gridUrl: z.string().nullable(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
});
export type CameraDetail = z.infer<typeof CameraDetail>;

const Url = z.string().trim().min(1, 'Address is required').max(2000, 'Address must be at most 2000 characters');
const Secret = z.string().max(200, 'At most 200 characters');

export const CameraFields = {
  name: line('Name', 120),
  branchId: Id,
  zoneId: Id,
  kind: z.enum(CAMERA_KINDS),
  url: Url,
  gridUrl: Url.nullable(),
  username: Secret.nullable(),
};

export const LAYOUTS = [1, 4, 9, 16] as const;
export type Layout = (typeof LAYOUTS)[number];

export const WallView = z.object({
  id: Id,
  name: z.string(),
  layout: z.union([z.literal(1), z.literal(4), z.literal(9), z.literal(16)]),
  /** Camera id per slot, row by row; null for an empty slot. Length = layout. */
  slots: z.array(Id.nullable()),
});
export type WallView = z.infer<typeof WallView>;

export const Snapshot = patronData(
  z.object({
    id: Id,
    cameraId: Id,
    cameraName: z.string(),
    stream: z.enum(STREAMS),
    /** When the button was pressed (main's clock). */
    takenAt: IsoTime,
    /** The frame's wall-clock time from EXT-X-PROGRAM-DATE-TIME, when the stream carries it. */
    frameTime: IsoTime.nullable(),
    takenBy: Id,
    takenByName: z.string(),
    sha256: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int(),
  }),
  'a camera snapshot',
);
export type Snapshot = z.infer<typeof Snapshot>;

export const camerasContract = {
  'cameras.list': method({
    summary: 'Enabled and disabled cameras with their stream health, and the media path for this console.',
    input: NoInput,
    output: z.object({
      cameras: z.array(Camera),
      /** Relative URL prefix for this session's media: `${mediaBase}/${cameraId}/${stream}/index.m3u8`. */
      mediaBase: z.string(),
    }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'cameras.awaitSegment': method({
    summary:
      'Blocking playlist reload (LL-HLS _HLS_msn) for a wall tile: answers once segment msn of the stream is in its playlist, or not ready after about three target durations.',
    input: z.strictObject({
      cameraId: Id,
      stream: z.enum(STREAMS),
      msn: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    }),
    output: z.object({ ready: z.boolean() }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'cameras.get': method({
    summary: 'One camera with its addresses (never its password), for editing.',
    input: z.strictObject({ id: Id }),
    output: CameraDetail,
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'cameras.add': method({
    summary: 'Add a camera.',
    input: z.strictObject({ ...CameraFields, password: Secret.nullable() }),
    output: CameraDetail,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'cameras.update': method({
    summary: 'Edit a camera. password: undefined keeps the stored one, null clears it.',
    input: z.strictObject({ id: Id, ...CameraFields, password: Secret.nullable().optional() }),
    output: CameraDetail,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'cameras.setEnabled': method({
    summary: 'Turn a camera off (its supervisor and ffmpeg stop) or back on.',
    input: z.strictObject({ id: Id, enabled: z.boolean() }),
    output: CameraDetail,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'cameras.remove': method({
    summary: 'Remove a camera from the wall (kept for the records that refer to it).',
    input: z.strictObject({ id: Id }),
    output: z.object({ removed: z.literal(true) }),
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'cameras.import': method({
    summary: 'Import cameras from the JSON file format; all or nothing, every problem listed by entry number.',
    input: z.strictObject({ json: z.string().max(2_000_000, 'The file is too large (at most 2 MB)') }),
    output: z.object({ imported: z.number().int(), zonesCreated: z.number().int() }),
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'cameras.export': method({
    summary: 'Every camera in the JSON file format, passwords omitted.',
    input: NoInput,
    output: z.object({ json: z.string() }),
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'views.list': method({
    summary: 'The signed-in person’s saved wall views.',
    input: NoInput,
    output: z.array(WallView),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'views.save': method({
    summary: 'Save (create or replace) one of my wall views.',
    input: z.strictObject({
      id: Id.optional(),
      name: line('View name', 60),
      layout: z.union([z.literal(1), z.literal(4), z.literal(9), z.literal(16)]),
      slots: z.array(Id.nullable()).max(16),
    }),
    output: WallView,
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'views.remove': method({
    summary: 'Delete one of my wall views.',
    input: z.strictObject({ id: Id }),
    output: z.object({ removed: z.literal(true) }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'snapshots.save': method({
    summary: 'Save the displayed frame of a camera as a PNG attachment.',
    input: z.strictObject({
      cameraId: Id,
      stream: z.enum(STREAMS),
      /** PNG bytes, base64. */
      png: z.string().max(12_000_000, 'The image is too large'),
      frameTime: IsoTime.nullable(),
    }),
    output: Snapshot,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'snapshots.list': method({
    summary: 'Snapshots of this shift (the last 12 hours) at this desk; an audited read of camera images.',
    input: NoInput,
    output: z.object({ snapshots: z.array(Snapshot), mediaBase: z.string() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
} as const;
