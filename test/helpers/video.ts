import { execFileSync } from 'node:child_process';

/**
 * A short H.264 (or H.265) transport stream made by ffmpeg, as a camera's segment
 * would be: testsrc2 at `fps`, a key frame every `gop` frames, no B-frames.
 */
export function transportStream(opts: { seconds?: number; fps?: number; gop?: number; codec?: 'h264' | 'h265' } = {}) {
  const fps = opts.fps ?? 15;
  const codec =
    opts.codec === 'h265'
      ? [
          '-c:v',
          'libx265',
          '-preset',
          'ultrafast',
          '-x265-params',
          `keyint=${opts.gop ?? fps}:bframes=0:log-level=error`,
        ]
      : ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(opts.gop ?? fps)];
  return execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=${fps}`, '-t', String(opts.seconds ?? 1)],
      ...codec,
      ...['-pix_fmt', 'yuv420p', '-f', 'mpegts', 'pipe:1'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

/** ffprobe's view of a media file: the video stream's duration and frame count, and its key frames' times. */
export function probe(path: string): { duration: number; frames: number; codec: string; keyTimes: number[] } {
  const info = JSON.parse(
    execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-count_packets',
        '-show_entries',
        'stream=duration,nb_read_packets,codec_name',
        '-show_entries',
        'format=duration',
        '-of',
        'json',
        path,
      ],
      { encoding: 'utf8' },
    ),
  ) as { streams: { duration?: string; nb_read_packets: string; codec_name: string }[]; format: { duration: string } };
  const packets = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', path],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .map((l) => l.split(','))
    .filter(([, flags]) => flags?.startsWith('K'))
    .map(([t]) => Number(t));
  const stream = info.streams[0]!;
  return {
    duration: Number(stream.duration ?? info.format.duration),
    frames: Number(stream.nb_read_packets),
    codec: stream.codec_name,
    keyTimes: packets,
  };
}
