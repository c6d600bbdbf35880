import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { stopChild, TailLines } from '../cameras/child';
import { readTransportStream } from '../cameras/transport-stream';
import { invalid } from '../errors';
import {
  checkClipRange,
  concatSeconds,
  contiguous,
  keyFrameAtOrBefore,
  lengthWords,
  outPts,
  type ClipWords,
  type SegmentFrames,
} from './clip-plan';
import { endOf, type RecordedSegment, type SegmentIndex } from './segment-index';

/** ffmpeg copies; a cut that takes longer than this is stuck, not slow. */
const CUT_TIMEOUT_MS = 120_000;

export interface CutInput {
  ffmpegPath: string;
  index: SegmentIndex;
  /** Where a segment (or initialization segment) of this camera is on disk. */
  pathOf(file: string): string;
  fromMs: number;
  toMs: number;
  words: ClipWords;
  /** Temp files for the MP4 (in the attachments folder, so it is renamed, not copied, into place). */
  outPath: string;
  /** A scratch file for joining fragmented MP4 segments. */
  scratchPath: string;
}

export interface CutClip {
  sha256: string;
  bytes: number;
  startMs: number;
  endMs: number;
  timeSource: RecordedSegment['timeSource'];
  /** Said when the clip is not exactly what was marked. */
  note: string | null;
}

const framesOf = (path: string, segment: RecordedSegment): SegmentFrames => ({
  segment,
  frames: readTransportStream(readFileSync(path)).frames,
});

function runFfmpeg(ffmpegPath: string, args: string[], stdin: string | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr = new TailLines();
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin ?? undefined);
    const timer = setTimeout(() => void stopChild(child), CUT_TIMEOUT_MS);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(stderr.text().trim() || `ffmpeg exited with ${code}`));
    });
  });
}

/**
 * SHA-256 of a file, read in large chunks (a 2-minute 720p clip is tens of megabytes).
 * Each chunk waits for a turn of main's event loop, which the live wall keeps busy: in
 * 1 MB chunks a 70 MB clip took 300–650 ms to hash beside sixteen cameras (60 ms alone).
 * 8 MB chunks wait nine times instead of seventy; each holds the loop about 6 ms.
 */
async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 8 * 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Flushes a file to disk off main's thread. The fsync that later names the clip by its
 * hash (storeAttachmentFile) then has nothing left to write, instead of holding main's
 * event loop, and with it every console and camera, for a flush of tens of megabytes.
 */
async function syncFile(path: string): Promise<void> {
  // Opened for writing: on Windows a flush needs write access.
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** ffconcat quoting, as for the remux: all is literal inside '…'. */
const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * Cuts [fromMs, toMs) of a camera's buffer into one MP4 with ffmpeg, copying the
 * video as recorded (no re-encoding, no audio): the clip starts at the key frame at or
 * before the in point and ends at the out point. Transport stream segments go through
 * ffmpeg's concat demuxer with exact in and out points; fragmented MP4 segments are
 * joined behind their initialization segment (each starts on a key frame). Refusals
 * are thrown in words. The poster frame is not made here: it would double the cut's
 * time (a decode of a full-resolution picture), so it is made after the clip is kept
 * (posterFrame).
 */
export async function cutClip(c: CutInput): Promise<CutClip> {
  const range = checkClipRange(c.index, c.fromMs, c.toMs, c.words);
  if (!range.ok) throw invalid(range.message, { [range.field]: range.message });
  let segments = range.segments;
  const first = segments[0]!;
  const fragmented = first.init !== null;
  let startMs = first.startMs;
  let args: string[];
  let list: string | null = null;

  if (!fragmented) {
    // The key frame may be in an earlier segment when the camera's key frames are far apart.
    const all = c.index.segments;
    const at = all.indexOf(first);
    const firstFrames = framesOf(c.pathOf(first.file), first);
    // Older segments are read only while no key frame has been found.
    function* candidates(): Generator<SegmentFrames> {
      yield firstFrames;
      for (let i = at - 1; i >= 0 && contiguous(all[i]!, all[i + 1]!) && c.fromMs - all[i]!.startMs < 70_000; i--) {
        yield framesOf(c.pathOf(all[i]!.file), all[i]!);
      }
    }
    let start = keyFrameAtOrBefore(candidates(), c.fromMs);
    // The in point sits just before the segment's first frame (clock jitter): its own key frame will do.
    if (!start && c.fromMs <= first.startMs) start = keyFrameAtOrBefore([firstFrames], first.startMs + 50);
    if (!start) {
      const message = `${c.words.camera}'s video has no key frame within a minute before ${c.words.time(c.fromMs)}, so a clip cannot start there.`;
      throw invalid(message, { from: message });
    }
    startMs = start.startMs;
    segments = [...all.slice(all.indexOf(start.segment), at), ...segments];
    const last = segments.at(-1)!;
    const lastFrames = last === first ? firstFrames : framesOf(c.pathOf(last.file), last);
    const out = range.toMs < endOf(last) ? outPts(lastFrames, range.toMs) : null;
    const paths = segments.map((s) => c.pathOf(s.file));
    // One continuous stream (no fresh timestamps, no wrap of the 33-bit clock, names the
    // concat protocol can list): the segments are read as one file, probed once. Listed one
    // by one, ffmpeg probes every segment: 120 of them took 1.9 s of a 2-minute clip's 2.1 s.
    const lastPts = lastFrames.frames[0]?.pts ?? start.keyPts;
    const oneStream =
      segments.every((s, i) => i === 0 || !s.discontinuity) &&
      paths.every((p) => !p.includes('|')) &&
      lastPts >= start.keyPts &&
      (out === null || out >= start.keyPts);
    const inOut = [
      `inpoint ${concatSeconds(start.keyPts)}`,
      ...(out !== null ? [`outpoint ${concatSeconds(out)}`] : []),
    ];
    list = [
      'ffconcat version 1.0',
      ...(oneStream
        ? [`file ${quoted(`concat:${paths.join('|')}`)}`, ...inOut]
        : paths.flatMap((path, i) => [
            `file ${quoted(`file:${path}`)}`,
            ...(i === 0 ? inOut.slice(0, 1) : []),
            ...(i === segments.length - 1 ? inOut.slice(1) : []),
          ])),
      '',
    ].join('\n');
    args = ['-f', 'concat', '-safe', '0', '-protocol_whitelist', 'file,pipe,concat', '-i', 'pipe:0'];
  } else {
    // Initialization segment then media segments: one fragmented MP4 file, cut at the out point.
    const parts = [readFileSync(c.pathOf(first.init!)), ...segments.map((s) => readFileSync(c.pathOf(s.file)))];
    writeFileSync(c.scratchPath, Buffer.concat(parts), { mode: 0o600 });
    args = ['-i', c.scratchPath, '-t', ((range.toMs - startMs) / 1000).toFixed(3)];
  }

  const endMs = range.toMs;
  try {
    await runFfmpeg(
      c.ffmpegPath,
      [
        '-hide_banner',
        '-loglevel',
        'error',
        ...args,
        '-map',
        '0:v:0',
        '-c',
        'copy',
        '-an',
        '-sn',
        '-dn',
        '-avoid_negative_ts',
        'make_zero',
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        '-y',
        c.outPath,
      ],
      list,
    );
  } catch (e) {
    rmSync(c.outPath, { force: true });
    throw new Error(`ffmpeg could not cut the clip: ${(e as Error).message}`, { cause: e });
  } finally {
    if (fragmented) rmSync(c.scratchPath, { force: true });
  }

  // Hashed while it is flushed: the read comes from memory, the write goes to disk.
  let hashed: { sha256: string; bytes: number };
  try {
    [hashed] = await Promise.all([sha256File(c.outPath), syncFile(c.outPath)]);
  } catch (e) {
    rmSync(c.outPath, { force: true });
    throw new Error(`the clip could not be hashed and kept: ${(e as Error).message}`, { cause: e });
  }
  const { sha256, bytes } = hashed;
  const notes: string[] = [];
  const early = c.fromMs - startMs;
  if (early >= 50) {
    notes.push(
      `The clip starts ${lengthWords(early)} before the in point, at ${c.words.time(startMs)}: a clip copied without re-encoding starts on one of the camera's key frames.`,
    );
  }
  if (range.toMs < c.toMs - 50) notes.push(`It ends at ${c.words.time(range.toMs)}, the newest recorded moment.`);
  return {
    sha256,
    bytes,
    startMs,
    endMs,
    timeSource: segments.some((s) => s.timeSource === 'receipt') ? 'receipt' : 'stream',
    note: notes.length ? notes.join(' ') : null,
  };
}

/**
 * The clip's first picture as a JPEG, the clip's face in lists and in the PDF; null
 * when ffmpeg cannot make one (a clip without a poster is still evidence).
 */
export async function posterFrame(ffmpegPath: string, clipPath: string): Promise<Buffer | null> {
  const poster = await runFfmpeg(
    ffmpegPath,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      clipPath,
      '-frames:v',
      '1',
      '-f',
      'image2pipe',
      '-c:v',
      'mjpeg',
      '-q:v',
      '3',
      'pipe:1',
    ],
    null,
  ).catch(() => null);
  return poster && poster.length > 0 ? poster : null;
}
