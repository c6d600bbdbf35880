import { liveHlsOutputArgs } from './hls-output';
import { withCredentials } from './redact';

/**
 * What ffmpeg may open: the list on stdin, then RTSP over TCP, or TLS for rtsps.
 * No udp: the stream is interleaved in the RTSP connection, so a transport
 * option that went missing would fail loudly rather than fall back to UDP.
 */
const PROTOCOLS = 'pipe,tcp,tls';

/**
 * The remux: RTSP over TCP (UDP is lost on busy networks), copied without
 * re-encoding into Vigil's live HLS (hls-output.ts). Audio is dropped: cameras send
 * G.711 or AAC and the wall is silent. The camera's address is not here: it comes
 * on stdin (remuxInput), since every user of the machine can read a process's
 * arguments (ps, /proc/<pid>/cmdline) and the address carries the password.
 */
export function remuxArgs(dir: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    // stdin carries the input list, not keyboard commands.
    '-nostdin',
    '-f',
    'concat',
    // Unsafe only in the concat demuxer's sense: the entry is a URL, not a relative file name.
    '-safe',
    '0',
    '-protocol_whitelist',
    PROTOCOLS,
    '-i',
    'pipe:0',
    '-c',
    'copy',
    '-an',
    ...liveHlsOutputArgs(dir),
  ];
}

/** ffconcat quoting (av_get_token): all is literal inside '…', so a quote closes, is escaped, and reopens. */
const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * The ffconcat list ffmpeg reads on stdin: one entry, the camera's URL with its
 * credentials, and the options that went on the command line before: RTSP over
 * TCP, and a 5 s socket I/O timeout (µs) so a camera that goes silent ends ffmpeg
 * instead of hanging it. Every camera goes this way, with credentials or without.
 * Throws on a line break or NUL, which would end the entry and start a directive
 * of the address's choosing; addresses are checked on entry, this is the last guard.
 */
export function remuxInput(url: string, username: string | null, password: string | null): string {
  const input = withCredentials(url, username, password);
  // The address as stored too: URL parsing drops a line break when credentials are added, silently.
  if (/[\r\n\0]/.test(url + input)) throw new Error('The camera address holds a line break');
  return [
    'ffconcat version 1.0',
    `file ${quoted(input)}`,
    'option rtsp_transport tcp',
    'option timeout 5000000',
    '',
  ].join('\n');
}
