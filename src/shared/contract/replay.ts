import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput, multiline } from './common';
import { DisclosureInput } from './disclosure';
import { AttachmentMeta, TIME_SOURCES } from './incidents';

/** Default replay buffer per camera, and the range an administrator may set (0 = not recorded). */
export const DEFAULT_BUFFER_MINUTES = 30;
export const MAX_BUFFER_MINUTES = 1440;
/** Default disk budget for every camera's buffer together. */
export const DEFAULT_BUDGET_GB = 20;

export const Bookmark = patronData(
  z.object({
    id: Id,
    cameraId: Id,
    cameraName: z.string(),
    /** The moment marked: the picture's wall-clock time when it was pressed. */
    at: IsoTime,
    note: z.string(),
    createdAt: IsoTime,
    createdBy: Id,
    createdByName: z.string(),
    /** Whether that moment is still in the camera's buffer (replay can open it). */
    inBuffer: z.boolean(),
  }),
  'a bookmark’s note',
);
export type Bookmark = z.infer<typeof Bookmark>;

const Span = z.object({ from: IsoTime, to: IsoTime });

/** What replay of a camera has: its recorded spans (with how their times were known), the gaps, its bookmarks. */
export const ReplayTimeline = z.object({
  cameraId: Id,
  /** The buffer's oldest and newest moments. */
  from: IsoTime,
  to: IsoTime,
  covered: z.array(Span.extend({ timeSource: z.enum(TIME_SOURCES) })),
  gaps: z.array(Span),
  bookmarks: z.array(Bookmark),
  /** Frames per second, read from the stream (for frame steps); null when unknown. */
  frameRate: z.number().nullable(),
  minutes: z.number().int(),
});
export type ReplayTimeline = z.infer<typeof ReplayTimeline>;

export const Clip = patronData(AttachmentMeta.extend({ cameraName: z.string() }), 'a camera clip');
export type Clip = z.infer<typeof Clip>;

export const CameraRecording = z.object({
  cameraId: Id,
  cameraName: z.string(),
  minutes: z.number().int(),
  bytes: z.number(),
  /** The oldest and newest recorded moments kept, or null with nothing kept. */
  from: IsoTime.nullable(),
  to: IsoTime.nullable(),
  /** recording: segments are arriving; waiting: on, but no video is coming in; off: 0 minutes; problem: see message. */
  state: z.enum(['recording', 'waiting', 'off', 'problem']),
  message: z.string().nullable(),
});
export type CameraRecording = z.infer<typeof CameraRecording>;

export const RecordingStatus = z.object({
  budgetBytes: z.number(),
  usedBytes: z.number(),
  /** The most the buffer may use now: the budget, or less when the disk is short of space. */
  allowedBytes: z.number(),
  diskFreeBytes: z.number().nullable(),
  /** Why the buffer is below its budget (the disk filled), in words; null when it is not. */
  shrunk: z.string().nullable(),
  /** Whether clips can be cut (ffmpeg found). */
  canCut: z.boolean(),
  cameras: z.array(CameraRecording),
});
export type RecordingStatus = z.infer<typeof RecordingStatus>;

export const EvidenceFile = z.object({
  name: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  /** What it is, in words: "Incident report PDF", "Clip: Main - Lobby 19:42:07–19:42:27". */
  what: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const replayContract = {
  'replay.open': method({
    summary:
      'Open a camera’s recorded video for replay (an audited read): the media path of its playlist and the playlist itself, its timeline, and the moment to start at.',
    input: z.strictObject({
      cameraId: Id,
      /** Where to start; by default 30 s before the newest recorded moment. */
      at: IsoTime.optional(),
    }),
    output: z.object({
      playlist: z.string(),
      /** The playlist's text, so the player starts without asking for it (the path serves the same text). */
      playlistText: z.string(),
      timeline: ReplayTimeline,
      startAt: IsoTime,
    }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'replay.reach': method({
    summary:
      'Whether a camera’s recording still holds a moment or range a report names (its camera reference, a snapshot), and where replay would start; why not in words. Reads no video.',
    input: z.strictObject({
      cameraId: Id,
      from: IsoTime,
      /** The end of a range; absent for a single moment. */
      to: IsoTime.optional(),
    }),
    output: z.object({
      kept: z.boolean(),
      /** Where replay starts: the moment itself, or the first recorded moment after it; null when nothing is kept. */
      at: IsoTime.nullable(),
      /** Said when replay cannot start at the moment asked for, or cannot open at all. */
      message: z.string().nullable(),
    }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'replay.cutClip': method({
    summary:
      'Cut a range of a camera’s buffer into one MP4 (stream copy, from the key frame at or before the in point), kept as a SHA-256-named attachment.',
    input: z.strictObject({ cameraId: Id, from: IsoTime, to: IsoTime }),
    output: z.object({
      clip: Clip,
      /** Said when the clip differs from what was asked (it starts at an earlier key frame, or stops at the newest moment). */
      note: z.string().nullable(),
      mediaBase: z.string(),
    }),
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'replay.clips': method({
    summary: 'Clips by id, with the media base to show them (an audited read of camera video).',
    input: z.strictObject({ ids: z.array(Id).max(200) }),
    output: z.object({ clips: z.array(Clip), mediaBase: z.string() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'bookmarks.add': method({
    summary: 'Mark a camera and moment, with an optional note.',
    input: z.strictObject({ cameraId: Id, at: IsoTime, note: multiline('Note', 500).default('') }),
    output: Bookmark,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'bookmarks.update': method({
    summary: 'Change a bookmark’s note (its author, or a supervisor).',
    input: z.strictObject({ id: Id, note: multiline('Note', 500) }),
    output: Bookmark,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'bookmarks.remove': method({
    summary: 'Remove a bookmark (its author, or a supervisor).',
    input: z.strictObject({ id: Id }),
    output: z.object({ removed: z.literal(true) }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'bookmarks.list': method({
    summary: 'Bookmarks of this shift (the last 12 hours), newest first; an audited read (notes may describe patrons).',
    input: NoInput,
    output: z.array(Bookmark),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'recording.status': method({
    summary:
      'Each camera’s replay buffer (minutes, size, what is kept, whether video arrives), the disk budget and the disk.',
    input: NoInput,
    output: RecordingStatus,
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'recording.setMinutes': method({
    summary: 'How many minutes of a camera are kept for replay; 0 stops recording it and deletes what was kept.',
    input: z.strictObject({
      cameraId: Id,
      minutes: z
        .number({ error: 'Enter a number of minutes' })
        .int('Whole minutes only')
        .min(0, 'At least 0 (0 turns recording off)')
        .max(MAX_BUFFER_MINUTES, `At most ${MAX_BUFFER_MINUTES} minutes (24 hours)`),
    }),
    output: RecordingStatus,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'recording.setBudget': method({
    summary: 'The disk space every camera’s buffer may use together, in GB; the oldest video goes first.',
    input: z.strictObject({
      budgetGb: z
        .number({ error: 'Enter a size in GB' })
        .min(0.1, 'At least 0.1 GB')
        .max(100_000, 'At most 100,000 GB'),
    }),
    output: RecordingStatus,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'evidence.plan': method({
    summary:
      'What “Export evidence” would write for a filed report (files and sizes), and the folder it suggests; reads nothing yet.',
    input: z.strictObject({ incidentId: Id }),
    output: z.object({
      files: z.array(z.object({ what: z.string(), bytes: z.number().int() })),
      totalBytes: z.number().int(),
      suggestedFolder: z.string(),
      /** The shell can show a folder chooser (Electron); in a browser the folder is typed. */
      canChooseFolder: z.boolean(),
    }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'evidence.chooseFolder': method({
    summary: 'Show this computer’s folder chooser (Electron only) and return the folder picked, or null if cancelled.',
    input: NoInput,
    output: z.object({ folder: z.string().nullable() }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'evidence.export': method({
    summary:
      'Write a filed report’s PDF, clips, snapshots and photos to a new folder inside the one chosen, with a manifest and SHA256SUMS a third party can check; an audited read with its purpose.',
    input: z.strictObject({
      incidentId: Id,
      /** The Disclose step: its purpose is the export's purpose. */
      disclose: DisclosureInput,
      folder: z.string().trim().min(1, 'Choose a folder').max(1000, 'The folder path is too long'),
    }),
    output: z.object({
      /** The folder made for this export. */
      folder: z.string(),
      files: z.array(EvidenceFile),
      /** SHA-256 of SHA256SUMS: one fingerprint for the whole export, to read out or write down. */
      sumsSha256: z.string(),
      /** Attachments left out because their file on this desk is missing or no longer matches its hash. */
      problems: z.array(z.string()),
    }),
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
} as const;
