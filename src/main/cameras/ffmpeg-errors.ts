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
