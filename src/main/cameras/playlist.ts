/** Just enough of RFC 8216 for supervision and proxying: what segments there are and where. */

export interface MediaSegment {
  uri: string;
  /** EXT-X-MEDIA-SEQUENCE + position: the segment's lasting number. */
  sequence: number;
  /** EXTINF, in seconds; null when missing or unreadable. */
  duration: number | null;
  /**
   * Its wall-clock start in ms since the epoch: its own EXT-X-PROGRAM-DATE-TIME, or
   * the previous segment's plus that one's duration (RFC 8216 §4.3.2.6); null when
   * the playlist carries none, or a discontinuity broke the chain since the last one.
   */
  programDateTime: number | null;
  /** The EXT-X-MAP URI in effect (fragmented MP4), as written; null for transport stream segments. */
  map: string | null;
  /** An EXT-X-KEY other than METHOD=NONE is in effect: the bytes are encrypted. */
  encrypted: boolean;
  /** An EXT-X-DISCONTINUITY comes before it: timestamps or encoding start afresh. */
  discontinuity: boolean;
}

export type Playlist =
  | { kind: 'master'; variants: string[] }
  | { kind: 'media'; targetDuration: number | null; mediaSequence: number; segments: MediaSegment[]; ended: boolean }
  | { kind: 'invalid' };

const attribute = (line: string, name: string): string | null => {
  const m = new RegExp(`(?:^|[:,])${name}="([^"]*)"`).exec(line);
  return m ? m[1]! : null;
};

function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function parsePlaylist(text: string): Playlist {
  const all = lines(text);
  if (all[0] !== '#EXTM3U') return { kind: 'invalid' };
  if (all.some((l) => l.startsWith('#EXT-X-STREAM-INF'))) {
    const variants: string[] = [];
    for (let i = 0; i < all.length; i++) {
      if (!all[i]!.startsWith('#EXT-X-STREAM-INF')) continue;
      const uri = all.slice(i + 1).find((l) => !l.startsWith('#'));
      if (uri) variants.push(uri);
    }
    return { kind: 'master', variants };
  }
  let targetDuration: number | null = null;
  let mediaSequence = 0;
  let ended = false;
  let duration: number | null = null;
  let pdt: number | null = null;
  let map: string | null = null;
  let encrypted = false;
  let discontinuity = false;
  const segments: MediaSegment[] = [];
  for (const line of all) {
    if (line.startsWith('#EXT-X-TARGETDURATION:')) {
      const n = Number(line.slice('#EXT-X-TARGETDURATION:'.length));
      if (Number.isFinite(n) && n > 0) targetDuration = n;
    } else if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) {
      const n = Number(line.slice('#EXT-X-MEDIA-SEQUENCE:'.length));
      if (Number.isSafeInteger(n) && n >= 0) mediaSequence = n;
    } else if (line.startsWith('#EXTINF:')) {
      const n = Number.parseFloat(line.slice('#EXTINF:'.length));
      duration = Number.isFinite(n) && n > 0 ? n : null;
    } else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const t = Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
      pdt = Number.isFinite(t) ? t : null;
    } else if (line.startsWith('#EXT-X-MAP:')) {
      map = attribute(line, 'URI');
    } else if (line.startsWith('#EXT-X-KEY:')) {
      encrypted = !/(?:^|[:,])METHOD=NONE(?:,|$)/.test(line);
    } else if (line === '#EXT-X-DISCONTINUITY') {
      discontinuity = true;
      // A discontinuity without a date of its own leaves the next segment's time unknown.
      pdt = null;
    } else if (line === '#EXT-X-ENDLIST') {
      ended = true;
    } else if (!line.startsWith('#')) {
      segments.push({
        uri: line,
        sequence: mediaSequence + segments.length,
        duration,
        programDateTime: pdt,
        map,
        encrypted,
        discontinuity,
      });
      pdt = pdt !== null && duration !== null ? pdt + Math.round(duration * 1000) : null;
      duration = null;
      discontinuity = false;
    }
  }
  return { kind: 'media', targetDuration, mediaSequence, segments, ended };
}

/** Identifies the newest segment, to tell a new one from the same one served again. */
export function newestSegmentKey(p: Extract<Playlist, { kind: 'media' }>): string | null {
  const last = p.segments.at(-1);
  return last ? `${last.sequence} ${last.uri}` : null;
}

/** Segment kinds we pass through, by what the upstream name ends with. */
const SEGMENT_EXTENSIONS = ['ts', 'm4s', 'mp4', 'aac'] as const;

function extensionOf(uri: string): (typeof SEGMENT_EXTENSIONS)[number] {
  const path = uri.split(/[?#]/)[0]!.toLowerCase();
  return SEGMENT_EXTENSIONS.find((ext) => path.endsWith(`.${ext}`)) ?? 'ts';
}

// Low-latency parts are not passed through (the upstream's own SERVER-CONTROL goes too);
// without them the playlist is still a valid regular live playlist.
const DROPPED_TAGS = ['#EXT-X-PART:', '#EXT-X-PRELOAD-HINT:', '#EXT-X-RENDITION-REPORT:', '#EXT-X-SERVER-CONTROL:'];
// hls.js stops reloading at ENDLIST; a camera that restarts must still be picked up.
const ENDLIST = '#EXT-X-ENDLIST';

/**
 * Announced on every playlist main serves: the player may ask for the next segment
 * ahead of time (_HLS_msn), and main answers when it lands. The renderer asks through
 * the contract (cameras.awaitSegment, see segment-clock.ts), then loads the playlist.
 */
export const BLOCKING_RELOAD_TAG = '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES';

const withBlockingReload = (out: string[]): string[] =>
  out[0] === '#EXTM3U' ? ['#EXTM3U', BLOCKING_RELOAD_TAG, ...out.slice(1)] : out;

/**
 * A media playlist with every URI replaced by a local relative name, and the map
 * from those names to the absolute upstream URLs. Segments become s<sequence>.<ext>,
 * EXT-X-MAP init<n>.mp4 and EXT-X-KEY key<n>.bin, so the renderer never sees an
 * upstream host. Every other line (EXT-X-PROGRAM-DATE-TIME included) is kept.
 */
export function rewriteMediaPlaylist(text: string, baseUrl: string): { text: string; resources: Map<string, string> } {
  const resources = new Map<string, string>();
  const out: string[] = [];
  let sequence = 0;
  let mapCount = 0;
  let keyCount = 0;
  const absolute = (uri: string) => new URL(uri, baseUrl).toString();
  for (const line of lines(text)) {
    if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) {
      const n = Number(line.slice('#EXT-X-MEDIA-SEQUENCE:'.length));
      if (Number.isSafeInteger(n) && n >= 0) sequence = n;
      out.push(line);
    } else if (line === ENDLIST || DROPPED_TAGS.some((t) => line.startsWith(t))) {
      continue;
    } else if (line.startsWith('#EXT-X-MAP:') || line.startsWith('#EXT-X-KEY:')) {
      const uri = attribute(line, 'URI');
      if (uri === null) {
        out.push(line);
        continue;
      }
      const local = line.startsWith('#EXT-X-MAP:') ? `init${mapCount++}.mp4` : `key${keyCount++}.bin`;
      resources.set(local, absolute(uri));
      out.push(line.replace(`URI="${uri}"`, `URI="${local}"`));
    } else if (line.startsWith('#')) {
      out.push(line);
    } else {
      const local = `s${sequence++}.${extensionOf(line)}`;
      resources.set(local, absolute(line));
      out.push(local);
    }
  }
  return { text: `${withBlockingReload(out).join('\n')}\n`, resources };
}

/** ffmpeg's own playlist for an RTSP remux, served as is but without ENDLIST (see above), announcing blocking reload. */
export function withoutEndList(text: string): string {
  return withBlockingReload(lines(text).filter((l) => l !== ENDLIST && !DROPPED_TAGS.some((t) => l.startsWith(t))))
    .join('\n')
    .concat('\n');
}
