import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Listener>();
  let ready: () => void = () => undefined;
  const app = {
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    isPackaged: true,
    getVersion: vi.fn(() => '0.1.0'),
    getPath: vi.fn((name: string) => `/home/desk/.config/Vigil-${name}`),
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    whenReady: vi.fn(() => new Promise<void>((r) => (ready = r))),
  };
  const services = { dispatch: vi.fn(), sessions: {}, close: vi.fn(async () => undefined) };
  const shell = { openWindow: vi.fn(), focus: vi.fn() };
  const win = { id: 1 };
  const BrowserWindow = { getFocusedWindow: vi.fn((): unknown => win) };
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/media/usb-stick'] })),
  };
  return {
    app,
    win,
    BrowserWindow,
    dialog,
    listeners,
    services,
    shell,
    markReady: () => ready(),
    registerAppScheme: vi.fn(),
    startElectronShell: vi.fn((_opts: unknown) => shell),
    createServices: vi.fn((_opts: unknown) => services),
  };
});

vi.mock('electron', () => ({ app: fake.app, BrowserWindow: fake.BrowserWindow, dialog: fake.dialog }));
vi.mock('./services', () => ({ createServices: fake.createServices }));
vi.mock('./shell/electron', () => ({
  registerAppScheme: fake.registerAppScheme,
  startElectronShell: fake.startElectronShell,
}));

async function launch(): Promise<typeof import('./index')> {
  vi.resetModules();
  return import('./index');
}
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  vi.clearAllMocks();
  fake.listeners.clear();
  vi.stubEnv('VIGIL_DATA', '');
  vi.stubEnv('VIGIL_DEMO', '');
});
afterEach(() => vi.unstubAllEnvs());

describe('Electron entry', () => {
  it('registers the app scheme before ready', async () => {
    await launch();
    expect(fake.registerAppScheme).toHaveBeenCalledOnce();
    expect(fake.startElectronShell).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock, and starts nothing', async () => {
    fake.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await launch();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.createServices).not.toHaveBeenCalled();
    expect(fake.listeners.size).toBe(0);
  });

  it('when ready: opens services on the data directory, the shell and one window', async () => {
    vi.stubEnv('VIGIL_DATA', '/srv/vigil');
    await launch();
    fake.markReady();
    await settle();
    expect(fake.createServices).toHaveBeenCalledExactlyOnceWith({
      dataDir: resolve('/srv/vigil'),
      demo: false,
      shell: 'electron',
      version: '0.1.0',
      log: expect.any(Function),
      secrets: { encrypt: expect.any(Function), decrypt: expect.any(Function) },
      chooseFolder: expect.any(Function),
    });
    const shellOptions = fake.startElectronShell.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(shellOptions).toMatchObject({ services: fake.services, devTools: false });
    expect(String(shellOptions.rendererDir)).toMatch(/[\\/]renderer$/);
    expect(String(shellOptions.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(fake.shell.openWindow).toHaveBeenCalledOnce();
  });

  it('lets evidence be exported to a folder chosen in the system’s own dialog, over the window in front', async () => {
    await launch();
    fake.markReady();
    await settle();
    const { chooseFolder } = fake.createServices.mock.calls[0]![0] as { chooseFolder: () => Promise<string | null> };
    expect(await chooseFolder()).toBe('/media/usb-stick');
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(fake.win, {
      title: 'Export evidence to…',
      properties: ['openDirectory', 'createDirectory'],
    });
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await chooseFolder()).toBeNull();
  });

  it('focuses the running console on a second launch, quits with the last window, closes services on quit', async () => {
    await launch();
    fake.markReady();
    await settle();
    fake.listeners.get('second-instance')?.({}, ['vigil']);
    expect(fake.shell.focus).toHaveBeenCalledOnce();
    fake.listeners.get('window-all-closed')?.();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    // The first quit waits for the services (camera processes) to close, then quits again.
    const quitting = { preventDefault: vi.fn() };
    fake.listeners.get('will-quit')?.(quitting);
    expect(quitting.preventDefault).toHaveBeenCalledOnce();
    await settle();
    expect(fake.app.quit).toHaveBeenCalledTimes(2);
    const final = { preventDefault: vi.fn() };
    fake.listeners.get('will-quit')?.(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
    expect(fake.services.close).toHaveBeenCalledOnce();
  });
});

describe('launchOptions', () => {
  const userData = '/home/desk/.config/Vigil';

  it('defaults to the data folder in user data', async () => {
    const { launchOptions } = await launch();
    expect(launchOptions(['vigil'], {}, userData)).toEqual({ demo: false, dataDir: join(userData, 'data') });
  });

  it('--demo uses a separate demo folder', async () => {
    const { launchOptions } = await launch();
    expect(launchOptions(['vigil', '--demo'], {}, userData)).toEqual({
      demo: true,
      dataDir: join(userData, 'demo-data'),
    });
    expect(launchOptions(['vigil'], { VIGIL_DEMO: '1' }, userData).dataDir).toBe(join(userData, 'demo-data'));
  });

  it('--data DIR and --data=DIR win over VIGIL_DATA', async () => {
    const { launchOptions } = await launch();
    const env = { VIGIL_DATA: '/from/env' };
    expect(launchOptions(['vigil'], env, userData).dataDir).toBe(resolve('/from/env'));
    expect(launchOptions(['vigil', '--data', '/d1'], env, userData).dataDir).toBe(resolve('/d1'));
    expect(launchOptions(['vigil', '--data=/d2', '--demo'], env, userData)).toEqual({
      demo: true,
      dataDir: resolve('/d2'),
    });
  });

  it('does not take the next flag as a directory', async () => {
    const { launchOptions } = await launch();
    expect(launchOptions(['vigil', '--data', '--demo'], {}, userData)).toEqual({
      demo: true,
      dataDir: join(userData, 'demo-data'),
    });
  });
});
