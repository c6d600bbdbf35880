import { describe, expect, it } from 'vitest';
import { parseStartOptions } from './options';

describe('start options', () => {
  it('defaults to ./.vigil-data, a free port, not demo', () => {
    expect(parseStartOptions([], '/home/desk')).toEqual({
      dataDir: '/home/desk/.vigil-data',
      port: 0,
      demo: false,
      testClock: false,
    });
  });
  it('keeps training data in its own folder unless told otherwise', () => {
    expect(parseStartOptions(['--demo'], '/x').dataDir).toBe('/x/.vigil-demo');
    expect(parseStartOptions(['--demo', '--data', 'd', '--port', '8080'], '/x')).toEqual({
      dataDir: '/x/d',
      port: 8080,
      demo: true,
      testClock: false,
    });
  });
  it('refuses a bad port or an unknown flag with a clear message', () => {
    expect(() => parseStartOptions(['--port', 'abc'])).toThrow(/--port must be a number/);
    expect(() => parseStartOptions(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseStartOptions(['--bogus'])).toThrow(/bogus/);
  });
  it('takes a test clock only with a data folder of the test’s own', () => {
    expect(() => parseStartOptions(['--test-clock'])).toThrow(/--test-clock needs --data/);
    expect(parseStartOptions(['--test-clock', '--data', '/tmp/t'], '/x')).toMatchObject({ testClock: true });
  });
});
