import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../shared/result';
import { Sessions, type Session } from '../rpc/sessions';
import type { MediaResponse } from '../cameras/media-response';
import type { Services } from '../services';
import { contentSecurityPolicy } from './csp';

type Listener = (...args: unknown[]) => unknown;

// A stand-in for the parts of Electron the shell touches, recording every registration.
const fake = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const l of this.listeners.get(name) ?? []) l(...args);
    }
  }
  let nextId = 1;
  class FakeWebContents extends Emitter {
    readonly id = nextId++;
    destroyed = false;
    windowOpenHandler: Listener | null = null;
    readonly send = vi.fn();
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }
  class FakeBrowserWindow extends Emitter {
    static readonly created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly isDestroyed = vi.fn(() => false);
    readonly setContentProtection = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.created.push(this);
    }
  }
  return {
    Emitter,
    FakeWebContents,
    FakeBrowserWindow,
    app: new Emitter(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn() },
    defaultSession: Object.assign(new Emitter(), {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
    }),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  session: { defaultSession: fake.defaultSession },
}));

const { appProtocolHandler, isTrustedSender, registerAppScheme, startElectronShell } = await import('./electron');

const root = mkdtempSync(join(tmpdir(), 'vigil-shell-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
// Beside the served root, where a traversal would land.
writeFileSync(join(root, 'secret.txt'), 'patron records');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CSP = contentSecurityPolicy({ connect: [] });

/** The desk setting as main's services report it: on by default. */
const screenCapture = { blocked: true, listener: (_b: boolean) => {}, unwatch: vi.fn() };

function startShell() {
  const dispatch = vi.fn(async (_s: Session, _m: unknown, _i: unknown): Promise<Result<unknown>> => ok('dispatched'));
  const auditRefused = vi.fn();
  const media = vi.fn(async (path: string, _method: string): Promise<MediaResponse> =>
    path.startsWith('good-key/')
      ? {
          status: 200,
          headers: { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-store' },
          body: '#EXTM3U\n',
        }
      : { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Forbidden' },
  );
  const services: Services = {
    dispatch,
    sessions: new Sessions(),
    ready: Promise.resolve(),
    auditRefused,
    flushAudit: vi.fn(),
    media,
    watchScreenCapture: vi.fn((listener: (blocked: boolean) => void) => {
      screenCapture.listener = listener;
      listener(screenCapture.blocked);
      return screenCapture.unwatch;
    }),
    close: vi.fn(async () => undefined),
  };
  const log = vi.fn();
  const shell = startElectronShell({
    services,
    rendererDir,
    preload: '/app/out/preload/index.cjs',
    devTools: false,
    log,
  });
  const win = shell.openWindow() as unknown as InstanceType<typeof fake.FakeBrowserWindow>;
  return { shell, services, dispatch, auditRefused, media, win, log };
}

function lastRegistration<T>(mock: { mock: { calls: unknown[][] } }, name: string): T {
  const call = mock.mock.calls.filter((c) => c[0] === name).at(-1);
  if (!call) throw new Error(`${name} was never registered`);
  return call[1] as T;
}

type CallHandler = (event: unknown, method: unknown, input: unknown) => Promise<Result<unknown>>;
type ProtocolHandler = (request: Request) => Promise<Response>;

beforeEach(() => {
  vi.clearAllMocks();
  fake.app.listeners.clear();
});

describe('app scheme', () => {
  it('is registered as a standard, secure scheme with fetch and streaming', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'vigil', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('is the one the shell serves, and the window loads the page from it, not file://', () => {
    const { win } = startShell();
    expect(fake.protocol.handle).toHaveBeenCalledWith('vigil', expect.any(Function));
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('vigil://app/index.html');
    expect(String(win.loadURL.mock.calls[0]?.[0])).not.toMatch(/^file:/);
  });
});

describe('app protocol handler', () => {
  const serve = (url: string, init?: RequestInit) => appProtocolHandler(rendererDir)(new Request(url, init));

  it('serves the page with the strict CSP and its MIME type', async () => {
    startShell();
    const handler = lastRegistration<ProtocolHandler>(fake.protocol.handle, 'vigil');
    const res = await handler(new Request('vigil://app/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Vigil</title>');
  });

  it('gives scripts and styles their MIME types and the CSP too', async () => {
    const js = await serve('vigil://app/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CSP);
    const css = await serve('vigil://app/assets/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    'vigil://app/..%2fsecret.txt',
    'vigil://app/assets/..%2f..%2fsecret.txt',
    'vigil://app/%2e%2e/secret.txt',
    'vigil://app/..%5csecret.txt',
    'vigil://app/%00index.html',
    'vigil://app/%E0%A4%A',
  ])('refuses %s (traversal or malformed) with 404', async (url) => {
    const res = await serve(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('patron records');
  });

  it('answers 404 for an unknown host or file, with the CSP', async () => {
    const otherHost = await serve('vigil://evil/index.html');
    expect(otherHost.status).toBe(404);
    expect(otherHost.headers.get('content-security-policy')).toBe(CSP);
    expect((await serve('vigil://app/missing.js')).status).toBe(404);
    expect((await serve('vigil://app/assets')).status).toBe(404);
  });

  it('only reads', async () => {
    expect((await serve('vigil://app/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('media route', () => {
  it('hands vigil://app/media/... to the services’ media handler, path and method as given', async () => {
    const { media } = startShell();
    const handler = lastRegistration<ProtocolHandler>(fake.protocol.handle, 'vigil');
    const res = await handler(new Request('vigil://app/media/good-key/cam/main/index.m3u8'));
    expect(media).toHaveBeenCalledExactlyOnceWith('good-key/cam/main/index.m3u8', 'GET');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('#EXTM3U\n');
  });

  it('passes refusals through and sends no body for HEAD', async () => {
    const { media } = startShell();
    const handler = lastRegistration<ProtocolHandler>(fake.protocol.handle, 'vigil');
    expect((await handler(new Request('vigil://app/media/stolen-key/cam/main/index.m3u8'))).status).toBe(403);
    const head = await handler(new Request('vigil://app/media/good-key/cam/main/index.m3u8', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(media).toHaveBeenLastCalledWith('good-key/cam/main/index.m3u8', 'HEAD');
  });

  it('never reaches the media handler from the renderer’s static route or another host', async () => {
    const { media } = startShell();
    const handler = lastRegistration<ProtocolHandler>(fake.protocol.handle, 'vigil');
    expect((await handler(new Request('vigil://other/media/good-key/cam/main/index.m3u8'))).status).toBe(404);
    expect((await handler(new Request('vigil://app/assets/media/good-key/x'))).status).toBe(404);
    expect(media).not.toHaveBeenCalled();
  });
});

describe('window', () => {
  it('is hardened: isolated, sandboxed, no Node, web security on, the preload from out/preload', () => {
    const { win } = startShell();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(win.options.backgroundColor).toBe('#0f1419');
  });

  it('is shown when its first frame is ready, and focused for a second launch', () => {
    const { shell, win } = startShell();
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
    win.isMinimized.mockReturnValue(true);
    shell.focus();
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });
});

describe('screen capture', () => {
  it('keeps the window out of screenshots and screen sharing by default, and follows the desk setting', () => {
    const { win } = startShell();
    expect(win.setContentProtection).toHaveBeenLastCalledWith(true);
    screenCapture.listener(false);
    expect(win.setContentProtection).toHaveBeenLastCalledWith(false);
    win.emit('closed');
    expect(screenCapture.unwatch).toHaveBeenCalled();
  });
});

describe('web contents guard', () => {
  function guarded() {
    startShell();
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    return contents;
  }
  const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

  it.each(['will-navigate', 'will-redirect'])('%s away from the app is prevented', (name) => {
    const contents = guarded();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:5173/', 'vigil://evil/']) {
      const event = navigation(url);
      contents.emit(name, event, url);
      expect(event.preventDefault, url).toHaveBeenCalledOnce();
    }
    const inside = navigation('vigil://app/index.html');
    contents.emit(name, inside, inside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'vigil://app/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    startShell();
    const request = fake.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as Listener;
    const check = fake.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as Listener;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission, 'vigil://app', {})).toBe(false);
    }
  });

  it('denies every device (HID, USB, serial) and every screen or window capture', () => {
    startShell();
    const device = fake.defaultSession.setDevicePermissionHandler.mock.calls.at(-1)?.[0] as Listener;
    for (const deviceType of ['hid', 'usb', 'serial']) {
      expect(device({ deviceType, origin: 'vigil://app', device: {} })).toBe(false);
    }
    const display = fake.defaultSession.setDisplayMediaRequestHandler.mock.calls.at(-1)?.[0] as Listener;
    const callback = vi.fn();
    display({ frame: null, securityOrigin: 'vigil://app' }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({});
  });
});

describe('downloads', () => {
  const item = (url: string) => ({
    getURL: () => url,
    getFilename: () => 'MAIN-2026-0042.pdf',
    setSaveDialogOptions: vi.fn(),
    setSavePath: vi.fn(),
  });

  it('asks where to save the console’s own exports and never picks a place itself', () => {
    startShell();
    const download = item('blob:vigil://app/6f1c2d3e-0000-4000-8000-000000000000');
    const event = { preventDefault: vi.fn() };
    fake.defaultSession.emit('will-download', event, download, {});
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(download.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'MAIN-2026-0042.pdf' }),
    );
    expect(download.setSavePath).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/payload.exe',
    'blob:https://evil.example/1',
    'vigil://app/assets/app.js',
    'file:///etc/passwd',
  ])('cancels a download of %s', (url) => {
    startShell();
    const download = item(url);
    const event = { preventDefault: vi.fn() };
    fake.defaultSession.emit('will-download', event, download, {});
    expect(event.preventDefault).toHaveBeenCalled();
    expect(download.setSavePath).not.toHaveBeenCalled();
  });
});

describe('isTrustedSender', () => {
  it('accepts only the main frame on vigil://app', () => {
    expect(isTrustedSender('vigil://app/index.html', true)).toBe(true);
    expect(isTrustedSender('vigil://app/index.html', false)).toBe(false);
    expect(isTrustedSender('vigil://app.evil/index.html', true)).toBe(false);
    expect(isTrustedSender('vigil://user@app/index.html', true)).toBe(false);
    expect(isTrustedSender('vigil://app:8080/index.html', true)).toBe(false);
    expect(isTrustedSender('file:///app/out/renderer/index.html', true)).toBe(false);
    expect(isTrustedSender('http://app/index.html', true)).toBe(false);
    expect(isTrustedSender('not a url', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('vigil:call', () => {
  const mainFrame = (url: string) => ({ url, parent: null });

  it("dispatches a call from the window's main frame on its own session", async () => {
    const { auditRefused, dispatch, services, win } = startShell();
    const call = lastRegistration<CallHandler>(fake.ipcMain.handle, 'vigil:call');
    const event = { sender: win.webContents, senderFrame: mainFrame('vigil://app/index.html') };
    await expect(call(event, 'system.info', { a: 1 })).resolves.toEqual({ ok: true, value: 'dispatched' });
    const [session] = services.sessions.list();
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(session, 'system.info', { a: 1 });
    expect(auditRefused).not.toHaveBeenCalled();
  });

  it.each([
    ['another origin', mainFrame('https://evil.example/')],
    ['a subframe of the app', { url: 'vigil://app/index.html', parent: mainFrame('vigil://app/index.html') }],
    ['file://', mainFrame('file:///app/out/renderer/index.html')],
    ['http://', mainFrame('http://127.0.0.1:5173/')],
    ['another vigil host', mainFrame('vigil://evil/index.html')],
    ['a destroyed frame', null],
  ])('refuses %s with FORBIDDEN and never dispatches', async (_name, senderFrame) => {
    const { auditRefused, dispatch, win } = startShell();
    const call = lastRegistration<CallHandler>(fake.ipcMain.handle, 'vigil:call');
    const result = await call({ sender: win.webContents, senderFrame }, 'staff.list', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    expect(dispatch).not.toHaveBeenCalled();
    expect(auditRefused).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ subject: 'call staff.list', source: 'electron ipc' }),
    );
  });

  it('refuses a web contents that is not one of its windows', async () => {
    const { auditRefused, dispatch } = startShell();
    const call = lastRegistration<CallHandler>(fake.ipcMain.handle, 'vigil:call');
    const stranger = new fake.FakeWebContents();
    const result = await call({ sender: stranger, senderFrame: mainFrame('vigil://app/index.html') }, 'staff.list', {});
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    expect(dispatch).not.toHaveBeenCalled();
    expect(auditRefused).toHaveBeenCalledOnce();
  });

  it('turns a throwing dispatch into INTERNAL and logs it', async () => {
    const { dispatch, log, win } = startShell();
    dispatch.mockRejectedValueOnce(new Error('boom'));
    const call = lastRegistration<CallHandler>(fake.ipcMain.handle, 'vigil:call');
    const result = await call({ sender: win.webContents, senderFrame: mainFrame('vigil://app/') }, 'staff.list', {});
    expect(!result.ok && result.error.code).toBe('INTERNAL');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('window session', () => {
  it('pushes events to its window and is closed with it', () => {
    const { services, win } = startShell();
    const [session] = services.sessions.list();
    session?.push('x' as never, { n: 1 } as never);
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith('vigil:event', 'x', { n: 1 });

    win.webContents.destroyed = true;
    session?.push('x' as never, { n: 2 } as never);
    expect(win.webContents.send).toHaveBeenCalledOnce();

    win.emit('closed');
    expect(services.sessions.list()).toEqual([]);
  });
});
