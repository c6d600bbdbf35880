import { describe, expect, it } from 'vitest';
import { transportStream } from '../../../test/helpers/video';
import {
  codecOfInitSegment,
  frameRateOf,
  looksLikeTransportStream,
  ptsDelta,
  readTransportStream,
} from './transport-stream';

describe('reading a transport stream without decoding it', () => {
  it('names H.264 and H.265 from the program map, the way a camera sends them', () => {
    expect(readTransportStream(transportStream()).codec).toBe('h264');
    expect(readTransportStream(transportStream({ codec: 'h265' })).codec).toBe('h265');
    expect(readTransportStream(Buffer.from('not video at all')).codec).toBeNull();
  });

  it('lists every frame with its presentation time, key frames where the encoder put them', () => {
    const { frames } = readTransportStream(transportStream({ seconds: 2, fps: 15, gop: 5 }));
    expect(frames).toHaveLength(30);
    const first = frames[0]!.pts;
    const keys = frames.filter((f) => f.key).map((f) => Math.round(ptsDelta(first, f.pts) / 6000));
    // 90 kHz ticks; a frame is 6000 ticks at 15 fps: key frames every fifth frame.
    expect(keys).toEqual([0, 5, 10, 15, 20, 25]);
    expect(frameRateOf(frames)).toBe(15);
    expect(readTransportStream(transportStream({ codec: 'h265', gop: 5 })).frames.filter((f) => f.key)).toHaveLength(3);
  });

  it('tells a whole transport stream from damaged bytes', () => {
    const ts = transportStream();
    expect(looksLikeTransportStream(ts)).toBe(true);
    expect(looksLikeTransportStream(ts.subarray(0, ts.length - 5))).toBe(false);
    const garbled = Buffer.from(ts);
    garbled[188 * 3] = 0;
    expect(looksLikeTransportStream(garbled)).toBe(false);
  });

  it('counts presentation time across the 33-bit wrap, and reads the codec of an fMP4 init segment', () => {
    expect(ptsDelta(2 ** 33 - 3000, 3000)).toBe(6000);
    expect(ptsDelta(3000, 2 ** 33 - 3000)).toBe(-6000);
    expect(codecOfInitSegment(Buffer.from('....ftypiso6....moov....stsd....hvc1....'))).toBe('h265');
    expect(codecOfInitSegment(Buffer.from('....moov....avc1....'))).toBe('h264');
    expect(codecOfInitSegment(Buffer.from('nothing'))).toBeNull();
  });
});
