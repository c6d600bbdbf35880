import type { HealthReason } from '../../shared/contract/cameras';

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
 * re-encoding into 1 s HLS segments. Audio is dropped: cameras send G.711 or AAC
 * and the wall is silent. Segment numbers start from the clock in microseconds so
 * they keep rising across restarts and a playing tile never sees a sequence go back.
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
    '-f',
    'hls',
    '-hls_time',
    '1',
    '-hls_list_size',
    '6',
    '-hls_flags',
    'delete_segments+program_date_time+independent_segments+temp_file',
    '-hls_start_number_source',
    'epoch_us',
    '-hls_segment_filename',
    `${dir}/seg%d.ts`,
    `${dir}/index.m3u8`,
  ];
}
