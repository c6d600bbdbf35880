import { describe, expect, it } from 'vitest';
import { BLOCKING_RELOAD_TAG, parsePlaylist, rewriteMediaPlaylist, withoutEndList } from './playlist';
import { redactCredentials, withCredentials } from './redact';

const NVR_PLAYLIST = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:120
#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.0
#EXT-X-MAP:URI="init.mp4?token=abc"
#EXT-X-KEY:METHOD=AES-128,URI="https://keys.nvr.example/k1",IV=0x1
#EXT-X-PROGRAM-DATE-TIME:2026-11-28T19:42:00.000Z
#EXTINF:2.0,
chunk-120.m4s?token=abc
#EXT-X-PART:DURATION=1.0,URI="part-121.0.m4s"
#EXTINF:2.0,
/other/path/chunk-121.m4s
#EXTINF:2.0,
https://cdn.nvr.example/chunk-122.ts
#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-123.0.m4s"
#EXT-X-ENDLIST
`;

describe('playlists', () => {
  it('gives each segment its wall-clock start, its initialization segment and whether it is encrypted', () => {
    const p = parsePlaylist(NVR_PLAYLIST);
    if (p.kind !== 'media') throw new Error('not media');
    const at = Date.parse('2026-11-28T19:42:00.000Z');
    // The date is given once; the next segments follow from the durations.
    expect(p.segments.map((s) => s.programDateTime)).toEqual([at, at + 2000, at + 4000]);
    expect(p.segments.map((s) => s.map)).toEqual(['init.mp4?token=abc', 'init.mp4?token=abc', 'init.mp4?token=abc']);
    expect(p.segments.every((s) => s.encrypted)).toBe(true);
    // ffmpeg writes the date after EXTINF; an offset like +0000 is read; a discontinuity without a date forgets it.
    const ffmpeg = parsePlaylist(
      '#EXTM3U\n#EXTINF:1.0,\n#EXT-X-PROGRAM-DATE-TIME:2026-11-30T10:52:15.236+0000\nseg1.ts\n#EXTINF:1.0,\nseg2.ts\n' +
        '#EXT-X-DISCONTINUITY\n#EXT-X-KEY:METHOD=NONE\n#EXTINF:1.0,\nseg3.ts\n',
    );
    if (ffmpeg.kind !== 'media') throw new Error('not media');
    const t = Date.parse('2026-11-30T10:52:15.236Z');
    expect(ffmpeg.segments.map((s) => [s.programDateTime, s.discontinuity, s.encrypted, s.map])).toEqual([
      [t, false, false, null],
      [t + 1000, false, false, null],
      [null, true, false, null],
    ]);
  });

  it('reads target duration, media sequence and segments, and tells master, media and garbage apart', () => {
    const p = parsePlaylist(NVR_PLAYLIST);
    expect(p).toMatchObject({ kind: 'media', targetDuration: 2, mediaSequence: 120, ended: true });
    if (p.kind === 'media') {
      expect(p.segments.map((s) => s.sequence)).toEqual([120, 121, 122]);
      expect(p.segments.map((s) => s.duration)).toEqual([2, 2, 2]);
    }
    const odd = parsePlaylist('#EXTM3U\n#EXTINF:0.96,\na.ts\nb.ts\n#EXTINF:garbage\nc.ts\n');
    if (odd.kind === 'media') expect(odd.segments.map((s) => s.duration)).toEqual([0.96, null, null]);
    expect(parsePlaylist('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow/index.m3u8\n')).toEqual({
      kind: 'master',
      variants: ['low/index.m3u8'],
    });
    expect(parsePlaylist('<!doctype html><title>Login</title>')).toEqual({ kind: 'invalid' });
    expect(parsePlaylist('')).toEqual({ kind: 'invalid' });
  });

  it('rewrites every URI to a local name mapped to the absolute upstream URL, keeping program date time', () => {
    const { text, resources } = rewriteMediaPlaylist(NVR_PLAYLIST, 'http://user:pw@10.0.0.5:8080/cams/1/index.m3u8');
    expect(text).not.toMatch(/10\.0\.0\.5|nvr\.example|token|chunk|part-|ENDLIST|PRELOAD|HOLD-BACK/);
    // The upstream's low-latency promises go; main's own (blocking reload, answered by main) comes in.
    expect(text.split('\n').filter((l) => l.startsWith('#EXT-X-SERVER-CONTROL'))).toEqual([BLOCKING_RELOAD_TAG]);
    expect(text.split('\n')[1]).toBe(BLOCKING_RELOAD_TAG);
    expect(text).toContain('#EXT-X-PROGRAM-DATE-TIME:2026-11-28T19:42:00.000Z');
    expect(text).toContain('#EXT-X-MAP:URI="init0.mp4"');
    expect(text).toContain('#EXT-X-KEY:METHOD=AES-128,URI="key0.bin",IV=0x1');
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['s120.m4s', 's121.m4s', 's122.ts']);
    expect(Object.fromEntries(resources)).toEqual({
      'init0.mp4': 'http://user:pw@10.0.0.5:8080/cams/1/init.mp4?token=abc',
      'key0.bin': 'https://keys.nvr.example/k1',
      's120.m4s': 'http://user:pw@10.0.0.5:8080/cams/1/chunk-120.m4s?token=abc',
      's121.m4s': 'http://user:pw@10.0.0.5:8080/other/path/chunk-121.m4s',
      's122.ts': 'https://cdn.nvr.example/chunk-122.ts',
    });
  });

  it('serves ffmpeg’s own playlist without ENDLIST, so a player keeps reloading through a restart', () => {
    expect(withoutEndList('#EXTM3U\n#EXTINF:1,\nseg1.ts\n#EXT-X-ENDLIST\n')).toBe(
      `#EXTM3U\n${BLOCKING_RELOAD_TAG}\n#EXTINF:1,\nseg1.ts\n`,
    );
  });
});

describe('credentials', () => {
  it('are redacted from anything that may echo a URL', () => {
    expect(redactCredentials('rtsp://admin:hunter2@10.0.0.9:554/s1: 401 Unauthorized')).toBe(
      'rtsp://***@10.0.0.9:554/s1: 401 Unauthorized',
    );
    expect(redactCredentials('http://nvr/live.m3u8?user=a&password=b&x=1')).toBe(
      'http://nvr/live.m3u8?user=***&password=***&x=1',
    );
  });

  it('go into an RTSP URL encoded, the only way ffmpeg takes them', () => {
    expect(withCredentials('rtsp://10.0.0.9/s1', 'desk', 'p@ss:w/rd')).toBe('rtsp://desk:p%40ss%3Aw%2Frd@10.0.0.9/s1');
    expect(withCredentials('rtsp://10.0.0.9/s1', null, 'ignored')).toBe('rtsp://10.0.0.9/s1');
  });
});
