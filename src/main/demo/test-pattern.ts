import { existsSync } from 'node:fs';
import { liveHlsOutputArgs } from '../cameras/hls-output';

/** Debian's fonts-dejavu-core: when it is missing the pattern runs without the burned-in text. */
export const DEFAULT_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export interface TestPatternOptions {
  /** Burned in with the wall clock, so a viewer sees which camera and how late. */
  label: string;
  /** Output folder for index.m3u8 and seg<N>.ts. */
  dir: string;
  size?: string;
  fps?: number;
  fontFile?: string | null;
}

/** Letters, digits, spaces and a few marks only: the label goes inside an ffmpeg filter expression. */
const safeLabel = (label: string) => label.replace(/[^A-Za-z0-9 ._-]/g, '').slice(0, 40);

/**
 * ffmpeg arguments for a synthetic live camera, written as 1 s HLS segments with
 * EXT-X-PROGRAM-DATE-TIME, the way an NVR serves one: testsrc2 with the camera
 * name and a clock, x264 ultrafast with a key frame every second (so every
 * segment starts with one). Used by the demo cameras and the test fixtures.
 */
export function testPatternArgs(opts: TestPatternOptions): string[] {
  const fps = opts.fps ?? 15;
  const font = opts.fontFile === undefined ? DEFAULT_FONT : opts.fontFile;
  const filters =
    font && existsSync(font)
      ? [
          '-vf',
          `drawtext=fontfile=${font}:text='${safeLabel(opts.label)} %{localtime\\:%X}'` +
            ':fontsize=22:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=12:y=h-th-12',
        ]
      : [];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-re',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${opts.size ?? '640x360'}:rate=${fps}`,
    ...filters,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-g',
    String(fps),
    '-pix_fmt',
    'yuv420p',
    ...liveHlsOutputArgs(opts.dir),
  ];
}
