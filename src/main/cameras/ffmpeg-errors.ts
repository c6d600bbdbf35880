import type { HealthReason } from '../../shared/contract/cameras';
import { liveHlsOutputArgs } from './hls-output';

// Checked in order against ffmpeg's stderr (-loglevel error): the first match names the reason.
const PATTERNS: [RegExp, HealthReason][] = [
  [/401 unauthorized|403 forbidden|authori[sz]ation failed/i, 'unauthorized'],
  [/connection refused/i, 'refused'],
  [
    /protocol not found|no route to host|network is unreachable|name or service not known|failed to resolve/i,
    'unreachable',
  ],
  [/404 not found|server returned 404|method describe failed: 4\d\d/i, 'notFound'],
  [/timed out|timeout/i, 'timeout'],
  [
    /codec not currently supported|could not find codec parameters|unsupported codec|is not supported|no decoder|invalid data found when processing input/i,
    'codecUnsupported',
  ],
];

/** Why ffmpeg stopped, from the tail of its stderr; the exit alone means the stream ended. */
export function reasonFromFfmpeg(stderr: string): HealthReason {
  for (const [pattern, reason] of PATTERNS) if (pattern.test(stderr)) return reason;
  return 'sourceEnded';
}

/**
 * The remux: RTSP over TCP (UDP is lost on busy networks), copied without
 * re-encoding into Vigil's live HLS (hls-output.ts). Audio is dropped: cameras send
 * G.711 or AAC and the wall is silent.
 */
export function remuxArgs(inputUrl: string, dir: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-rtsp_transport',
    'tcp',
    // Socket I/O timeout in µs: a camera that goes silent ends ffmpeg instead of hanging it.
    '-timeout',
    '5000000',
    '-i',
    inputUrl,
    '-c',
    'copy',
    '-an',
    ...liveHlsOutputArgs(dir),
  ];
}
