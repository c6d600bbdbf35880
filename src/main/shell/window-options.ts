import type { BrowserWindowConstructorOptions } from 'electron';

/** The one address the console page is loaded from: the app protocol, never file://. */
export const APP_ORIGIN = 'vigil://app';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The desk is dim: the window paints this before the first frame, so it never flashes white. */
export const WINDOW_BACKGROUND = '#0f1419';

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Builds the console window with the given constructor (Electron's BrowserWindow in
 * the app, a recording stand-in in tests), so the options are written once, as a
 * literal at the construction site, where reviewers and Electronegativity read them.
 *
 * The renderer shows confidential patron records and live cameras, so it gets no
 * power of its own: isolated, sandboxed, no Node anywhere (frames and workers
 * included), same-origin rules kept. Everything it may do goes through the preload's
 * window.vigil, which main checks call by call.
 */
export function createMainWindow<W>(
  BrowserWindow: WindowConstructor<W>,
  opts: { preload: string; devTools: boolean },
): W {
  return new BrowserWindow({
    title: 'Vigil',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown once the first frame is ready, so the desk never sees a blank window.
    show: false,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would ask for a new window; it is denied anyway, this stops the ask.
      disableBlinkFeatures: 'Auxclick',
      // Dropping a file on the window must not replace the console with it.
      navigateOnDragDrop: false,
      // A page-made dialog loop must not be able to trap the desk.
      safeDialogs: true,
      // Developer tools read everything on screen: only for a developer's unpacked build.
      devTools: opts.devTools,
    },
  });
}
