import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createServices, type Services } from './services';
import { registerAppScheme, startElectronShell, type ElectronShell } from './shell/electron';
import { electronSecretStore } from './shell/electron-secrets';

export interface LaunchOptions {
  demo: boolean;
  dataDir: string;
}

/**
 * `--demo` opens a separate demo database (seeded, safe to show), `--data DIR` or
 * `--data=DIR` picks the data directory; VIGIL_DEMO=1 and VIGIL_DATA do the same
 * from the environment, and the command line wins over it.
 */
export function launchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): LaunchOptions {
  let demo = env.VIGIL_DEMO === '1';
  let dataDir = env.VIGIL_DATA || undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (arg === '--demo') demo = true;
    else if (arg.startsWith('--data=')) dataDir = arg.slice('--data='.length) || dataDir;
    else if (arg === '--data' && next && !next.startsWith('--')) dataDir = argv[++i];
  }
  return { demo, dataDir: resolve(dataDir ?? join(userData, demo ? 'demo-data' : 'data')) };
}

const log = (message: string, error?: unknown): void => {
  console.error(`[vigil] ${message}`, ...(error === undefined ? [] : [error]));
};

// The scheme's privileges can only be granted before the app is ready.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Two consoles on one data directory would race on the database: the running one is focused instead.
  app.quit();
} else {
  let services: Services | null = null;
  let shell: ElectronShell | null = null;

  app.on('second-instance', () => shell?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!services) return;
    // Camera ffmpeg processes must have exited before the app does: the quit waits for them.
    event.preventDefault();
    const closing = services;
    services = null;
    void closing.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      const launch = launchOptions(process.argv, process.env, app.getPath('userData'));
      services = createServices({
        dataDir: launch.dataDir,
        demo: launch.demo,
        shell: 'electron',
        version: app.getVersion(),
        log,
        // Created after 'ready': safeStorage can only tell whether the OS keychain is there from then on.
        secrets: electronSecretStore(launch.dataDir),
        // Evidence goes where the person chooses, through the system's own folder chooser.
        chooseFolder: async () => {
          const options: Electron.OpenDialogOptions = {
            title: 'Export evidence to…',
            properties: ['openDirectory', 'createDirectory'],
          };
          const win = BrowserWindow.getFocusedWindow();
          const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
      });
      // This file is built to out/main/index.js; the page and the preload are built beside it.
      const mainDir = fileURLToPath(new URL('.', import.meta.url));
      shell = startElectronShell({
        services,
        rendererDir: join(mainDir, '../renderer'),
        preload: join(mainDir, '../preload/index.cjs'),
        devTools: !app.isPackaged,
        log,
      });
      shell.openWindow();
    })
    .catch((e: unknown) => {
      log('Vigil could not start', e);
      app.exit(1);
    });
}
