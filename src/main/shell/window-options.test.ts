import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createMainWindow } from './window-options';

class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

const optionsFor = (devTools: boolean) =>
  createMainWindow(RecordingWindow, { preload: '/p/index.cjs', devTools }).options;

describe('main window options', () => {
  it('give the page no power of its own', () => {
    expect(optionsFor(false).webPreferences).toEqual({
      preload: '/p/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('open developer tools only when asked (an unpacked developer build)', () => {
    expect(optionsFor(true).webPreferences?.devTools).toBe(true);
  });

  it('are a dark, titled window no smaller than 1024x640, shown when ready', () => {
    expect(optionsFor(false)).toMatchObject({
      title: 'Vigil',
      minWidth: 1024,
      minHeight: 640,
      backgroundColor: '#0f1419',
      show: false,
    });
  });

  it('load the console from the app protocol', () => {
    expect(APP_ENTRY_URL).toBe('vigil://app/index.html');
  });
});
