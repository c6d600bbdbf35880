import { join } from 'node:path';

/**
 * ffmpeg's live HLS output as Vigil writes it, for the RTSP remux and the synthetic
 * cameras alike: 1 s segments, six in the playlist, old ones deleted, each written
 * to a temp name first (a reader never sees half a segment), wall-clock
 * EXT-X-PROGRAM-DATE-TIME for the tiles' "behind live" figure, and segment numbers
 * from the clock in microseconds so they keep rising across restarts and a playing
 * tile never sees a sequence go back.
 */
export function liveHlsOutputArgs(dir: string): string[] {
  return [
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
    join(dir, 'seg%d.ts'),
    join(dir, 'index.m3u8'),
  ];
}
