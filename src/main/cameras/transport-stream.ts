/**
 * Just enough MPEG-TS (ISO/IEC 13818-1) to know what a camera sends and where its
 * pictures start, without decoding: the video codec from the program map, and each
 * video frame's presentation time and whether it is a key frame. Clips start at a
 * key frame (replay/clip-plan.ts), replay steps frame by frame at the stream's own
 * rate, and a tile says when it cannot play the codec.
 */

export const TS_PACKET = 188;
const SYNC = 0x47;
/** PTS ticks per second. */
export const PTS_HZ = 90_000;

export type VideoCodec = 'h264' | 'h265' | 'other';

export interface VideoFrame {
  /** Presentation time in 90 kHz ticks (33 bits, as carried). */
  pts: number;
  key: boolean;
}

export interface TransportStreamFacts {
  codec: VideoCodec | null;
  frames: VideoFrame[];
}

/** Stream types of the program map (ISO/IEC 13818-1 table 2-34, and H.222 amendments). */
const STREAM_TYPES: Record<number, VideoCodec> = {
  0x01: 'other', // MPEG-1 video
  0x02: 'other', // MPEG-2 video
  0x10: 'other', // MPEG-4 part 2
  0x1b: 'h264',
  0x24: 'h265',
  0x42: 'other', // AVS
};

/** True when the bytes look like a whole transport stream: sync bytes where every packet starts. */
export function looksLikeTransportStream(bytes: Buffer): boolean {
  if (bytes.length < TS_PACKET || bytes.length % TS_PACKET !== 0) return false;
  for (let at = 0; at < bytes.length; at += TS_PACKET) if (bytes[at] !== SYNC) return false;
  return true;
}

interface Packet {
  pid: number;
  unitStart: boolean;
  randomAccess: boolean;
  payload: Buffer;
}

function* packets(bytes: Buffer): Generator<Packet> {
  for (let at = 0; at + TS_PACKET <= bytes.length; at += TS_PACKET) {
    if (bytes[at] !== SYNC) continue;
    const pid = ((bytes[at + 1]! & 0x1f) << 8) | bytes[at + 2]!;
    const unitStart = (bytes[at + 1]! & 0x40) !== 0;
    const control = (bytes[at + 3]! >> 4) & 0x3;
    let start = at + 4;
    let randomAccess = false;
    if (control & 0x2) {
      const length = bytes[at + 4]!;
      if (length > 0) randomAccess = (bytes[at + 5]! & 0x40) !== 0;
      start += 1 + length;
    }
    if (!(control & 0x1) || start >= at + TS_PACKET) continue;
    yield { pid, unitStart, randomAccess, payload: bytes.subarray(start, at + TS_PACKET) };
  }
}

/** A PSI section's bytes (after the pointer field), or null when it does not fit in this packet. */
function section(payload: Buffer): Buffer | null {
  const pointer = payload[0] ?? 0;
  const s = payload.subarray(1 + pointer);
  if (s.length < 3) return null;
  const length = ((s[1]! & 0x0f) << 8) | s[2]!;
  return s.length >= 3 + length ? s.subarray(0, 3 + length) : null;
}

/** The PES header's PTS, or null. */
function ptsOf(payload: Buffer): number | null {
  if (payload.length < 14 || payload[0] !== 0 || payload[1] !== 0 || payload[2] !== 1) return null;
  if ((payload[7]! & 0x80) === 0) return null;
  const p = payload.subarray(9, 14);
  return (p[0]! & 0x0e) * 2 ** 29 + (p[1]! << 22) + ((p[2]! & 0xfe) << 14) + (p[3]! << 7) + ((p[4]! & 0xfe) >> 1);
}

/**
 * Whether an access unit's first bytes hold a key picture: an IDR slice or a parameter
 * set (H.264), an IRAP picture or a parameter set (H.265). For muxers that leave the
 * random access indicator unset.
 */
function startsKeyPicture(es: Buffer, codec: VideoCodec): boolean {
  for (let i = 0; i + 3 < es.length; i++) {
    if (es[i] !== 0 || es[i + 1] !== 0 || es[i + 2] !== 1) continue;
    const header = es[i + 3]!;
    if (codec === 'h264') {
      const type = header & 0x1f;
      if (type === 5 || type === 7) return true;
    } else if (codec === 'h265') {
      const type = (header >> 1) & 0x3f;
      if ((type >= 16 && type <= 21) || type === 32 || type === 33) return true;
    }
  }
  return false;
}

/**
 * The video codec and frames of a transport stream segment. Frames are listed in the
 * order they are carried; a damaged packet is skipped, not fatal.
 */
export function readTransportStream(bytes: Buffer): TransportStreamFacts {
  let pmtPid: number | null = null;
  let videoPid: number | null = null;
  let codec: VideoCodec | null = null;
  const frames: VideoFrame[] = [];
  for (const p of packets(bytes)) {
    if (p.pid === 0 && p.unitStart && pmtPid === null) {
      const s = section(p.payload);
      // Program entries follow the 8-byte header; the 4-byte CRC ends the section.
      for (let i = 8; s && i + 4 <= s.length - 4; i += 4) {
        const program = (s[i]! << 8) | s[i + 1]!;
        if (program !== 0) {
          pmtPid = ((s[i + 2]! & 0x1f) << 8) | s[i + 3]!;
          break;
        }
      }
    } else if (p.pid === pmtPid && p.unitStart && videoPid === null) {
      const s = section(p.payload);
      if (!s || s.length < 12) continue;
      const infoLength = ((s[10]! & 0x0f) << 8) | s[11]!;
      for (let i = 12 + infoLength; i + 5 <= s.length - 4;) {
        const type = s[i]!;
        const pid = ((s[i + 1]! & 0x1f) << 8) | s[i + 2]!;
        const esInfo = ((s[i + 3]! & 0x0f) << 8) | s[i + 4]!;
        const known = STREAM_TYPES[type];
        if (known) {
          videoPid = pid;
          codec = known;
          break;
        }
        i += 5 + esInfo;
      }
    } else if (p.pid === videoPid && p.unitStart && codec) {
      const pts = ptsOf(p.payload);
      if (pts === null) continue;
      const headerLength = 9 + (p.payload[8] ?? 0);
      frames.push({ pts, key: p.randomAccess || startsKeyPicture(p.payload.subarray(headerLength), codec) });
    }
  }
  return { codec, frames };
}

/** 33-bit PTS arithmetic: b − a in ticks, across one wrap. */
export function ptsDelta(a: number, b: number): number {
  const d = b - a;
  const wrap = 2 ** 33;
  if (d < -wrap / 2) return d + wrap;
  if (d > wrap / 2) return d - wrap;
  return d;
}

/** Frames per second from the median gap between presentation times; null with fewer than two frames. */
export function frameRateOf(frames: readonly VideoFrame[]): number | null {
  const sorted = frames.map((f) => f.pts).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const g = ptsDelta(sorted[i - 1]!, sorted[i]!);
    if (g > 0) gaps.push(g);
  }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return Math.round((PTS_HZ / median) * 100) / 100;
}

/** The codec of a fragmented MP4 initialization segment, from its sample entry's four-character code. */
export function codecOfInitSegment(bytes: Buffer): VideoCodec | null {
  const text = bytes.toString('latin1');
  if (/avc[13]/.test(text)) return 'h264';
  if (/hvc1|hev1/.test(text)) return 'h265';
  if (/mp4v|av01|vp09/.test(text)) return 'other';
  return null;
}
