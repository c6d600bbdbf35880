import { describe, expect, it } from 'vitest';
import { liveHlsOutputArgs } from './hls-output';
import { remuxArgs, remuxInput } from './remux';

describe('remuxArgs', () => {
  it('reads one input from stdin, copies video without audio into the live HLS output, and names no camera', () => {
    const args = remuxArgs('/data/live/cam/main');
    expect(args).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-f',
      'concat',
      '-safe',
      '0',
      '-protocol_whitelist',
      'pipe,tcp,tls',
      '-i',
      'pipe:0',
      '-c',
      'copy',
      '-an',
      ...liveHlsOutputArgs('/data/live/cam/main'),
    ]);
    expect(args.join(' ')).not.toMatch(/rtsp|libx264|-c:v/);
  });
});

describe('remuxInput', () => {
  it('is an ffconcat list of the URL with its credentials, over TCP, with a 5 s socket timeout', () => {
    expect(remuxInput('rtsp://10.0.0.9:554/s1', 'desk', 'p@ss:w/rd')).toBe(
      [
        'ffconcat version 1.0',
        "file 'rtsp://desk:p%40ss%3Aw%2Frd@10.0.0.9:554/s1'",
        'option rtsp_transport tcp',
        'option timeout 5000000',
        '',
      ].join('\n'),
    );
  });

  it('takes a camera without credentials the same way', () => {
    expect(remuxInput('rtsp://10.0.0.9/s1', null, null)).toContain("\nfile 'rtsp://10.0.0.9/s1'\n");
  });

  it('keeps a quote inside the URL from ending the entry', () => {
    // The URL leaves ' unencoded in user info and path; ffconcat reads '\'' as one literal quote.
    expect(remuxInput("rtsp://10.0.0.9/it's", 'o’neil', "pa'ss")).toContain(
      "\nfile 'rtsp://o%E2%80%99neil:pa'\\''ss@10.0.0.9/it'\\''s'\n",
    );
  });

  it('refuses a line break or NUL, which would start a directive of the address’s choosing', () => {
    for (const evil of [
      "rtsp://10.0.0.9/s1\nfile 'rtsp://elsewhere/x'",
      'rtsp://10.0.0.9/s1\r',
      'rtsp://10.0.0.9/\0',
    ]) {
      expect(() => remuxInput(evil, null, null)).toThrow(/line break/);
      expect(() => remuxInput(evil, 'desk', 'pw')).toThrow(/line break/);
    }
  });
});
