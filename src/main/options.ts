import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface StartOptions {
  dataDir: string;
  port: number;
  demo: boolean;
  /** End-to-end tests move main's clock (system.setTestClock); only with a --data folder of their own. */
  testClock: boolean;
}

export const DEFAULT_DATA_DIR = '.vigil-data';
export const DEFAULT_DEMO_DIR = '.vigil-demo';

/** `--data DIR`, `--port N`, `--demo`, `--test-clock`: a training desk keeps its own folder unless told otherwise. */
export function parseStartOptions(argv: string[], cwd = process.cwd()): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'test-clock': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535 (0 picks a free port), not “${values.port}”`);
  }
  const demo = values.demo ?? false;
  const testClock = values['test-clock'] ?? false;
  if (testClock && values.data === undefined) {
    throw new Error('--test-clock needs --data with a folder of its own: it is never used on the desk’s own data');
  }
  const dataDir = resolve(cwd, values.data ?? (demo ? DEFAULT_DEMO_DIR : DEFAULT_DATA_DIR));
  return { dataDir, port, demo, testClock };
}
