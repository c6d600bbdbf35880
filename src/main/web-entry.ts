import { join } from 'node:path';
import { parseStartOptions } from './options';
import { createServices } from './services';
import { startWebShell } from './shell/web';
import { VERSION } from './version';

/** `npm run web -- [--data DIR] [--port N] [--demo]`: the web shell for a browser. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseStartOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`vigil web: ${(e as Error).message}`);
    process.exit(2);
  }
  const services = createServices({
    dataDir: options.dataDir,
    demo: options.demo,
    shell: 'web',
    version: VERSION,
    // The end-to-end tests check every answer against the contract, as the unit tests do.
    checkOutputs: process.env.VIGIL_CHECK_OUTPUTS === '1',
    testClock: options.testClock,
  });
  await services.ready;
  const shell = await startWebShell({
    services,
    rendererDir: join(import.meta.dirname, '../renderer'),
    port: options.port,
  });
  console.error(
    `Vigil web shell, data in ${options.dataDir}${options.demo ? ' (training data)' : ''}${options.testClock ? ', test clock' : ''}`,
  );
  // The one line scripts and tests wait for.
  console.log(`VIGIL_URL=${shell.url}`);

  // Close the database even if a browser keeps its connection open: a clean close
  // checkpoints the WAL, so the data folder holds one complete file afterwards.
  const stop = () => {
    const shellClosed = Promise.race([shell.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    // Waits for camera ffmpeg processes to exit, so none outlives the shell.
    void shellClosed.then(() => services.close()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
