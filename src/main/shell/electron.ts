import { resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session as electronSession,
  type DownloadItem,
  type WebContents,
} from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/channels';
import { fail, type Result } from '../../shared/result';
import type { Session } from '../rpc/sessions';
import type { Services } from '../services';
import { contentSecurityPolicy } from './csp';
import { mimeTypeFor, readStaticFile, resolveStaticFile } from './static-files';
import { APP_ENTRY_URL, createMainWindow } from './window-options';

const APP_SCHEME = 'vigil';
const APP_HOST = 'app';

/**
 * The app's own scheme, registered as standard and secure so the page gets a real
 * origin (vigil://app) for CSP 'self', fetch and MediaSource, unlike file://, where
 * every local file would be same-origin with the console. Must run before ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** True only for a URL on the app's origin: scheme vigil, host app, no port, no credentials. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Only the console page itself may call services: its main frame, on the app's
 * origin. A subframe, or a page that got loaded from anywhere else, is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

/**
 * Serves the built renderer on vigil://app/, every response carrying the strict CSP,
 * and camera media on vigil://app/media/ through the services' one media handler.
 */
export function appProtocolHandler(
  rendererDir: string,
  media?: Services['media'],
): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  const security = {
    'Content-Security-Policy': contentSecurityPolicy({ connect: [] }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const notFound = () =>
    new Response('Not found', { status: 404, headers: { ...security, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...security, Allow: 'GET, HEAD' } });
    }
    if (media && url.pathname.startsWith('/media/')) {
      const res = await media(url.pathname.slice('/media/'.length), request.method);
      const body = request.method === 'HEAD' || res.body === null ? null : new Uint8Array(Buffer.from(res.body));
      return new Response(body, { status: res.status, headers: { ...security, ...res.headers } });
    }
    // The same traversal-proof lookup as the web shell: null for ../, encoded separators, NUL, non-files.
    const file = await resolveStaticFile(root, url.pathname);
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = await readStaticFile(file);
    } catch {
      return notFound();
    }
    const headers = {
      ...security,
      'Content-Type': mimeTypeFor(file),
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Every web contents, ours or any other: it stays on the app, opens no windows, embeds no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Downloads are the console's own exports (a PDF made in main, handed over as a
 * blob of the app's page) and go only where the person chooses in the save dialog:
 * no save path is ever set here. Anything else is cancelled.
 */
export function guardDownload(event: Pick<Event, 'preventDefault'>, item: DownloadItem): void {
  if (!item.getURL().startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`)) {
    event.preventDefault();
    return;
  }
  item.setSaveDialogOptions({ title: `Save ${item.getFilename()}`, defaultPath: item.getFilename() });
}

export interface ElectronShellOptions {
  services: Services;
  /** out/renderer: the built page. */
  rendererDir: string;
  /** out/preload/index.cjs: the sandboxed preload that exposes window.vigil. */
  preload: string;
  devTools: boolean;
  log: (message: string, error?: unknown) => void;
}

export interface ElectronShell {
  openWindow(): BrowserWindow;
  /** Brings the console forward, for a second launch of the app. */
  focus(): void;
}

const FORBIDDEN: Result<never> = fail('FORBIDDEN', 'This window may not call Vigil services.');

/** Mounts the app protocol, the hardening and the call channel. Call once, after ready. */
export function startElectronShell(opts: ElectronShellOptions): ElectronShell {
  const { services, log } = opts;
  // One services session per web contents: its signed-in staff member and its pushes.
  const sessions = new Map<number, Session>();
  let mainWindow: BrowserWindow | null = null;

  protocol.handle(
    APP_SCHEME,
    appProtocolHandler(opts.rendererDir, (path, method) => services.media(path, method)),
  );

  // The console never needs camera, microphone, location, notifications, the screen or devices from the page.
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Answering with no stream refuses getDisplayMedia: the page never captures a screen or window.
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.on('will-download', (event, item) => guardDownload(event, item));

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  // A refusal made here never reaches dispatch, so it is audited here.
  const refuse = (method: unknown, reason: string, detail = reason): Result<never> => {
    const subject = typeof method === 'string' ? `call ${method.slice(0, 80)}` : 'call';
    services.auditRefused({ source: 'electron ipc', reason, subject, detail: detail.slice(0, 200) });
    return FORBIDDEN;
  };

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    if (!frame) return refuse(method, 'the calling frame is gone');
    if (!isTrustedSender(frame.url, frame.parent === null)) {
      const what = frame.parent === null ? 'page' : 'subframe';
      return refuse(method, `untrusted ${what}`, `${what} at ${frame.url} is not the console`);
    }
    const session = sessions.get(event.sender.id);
    if (!session) return refuse(method, 'the calling web contents is not a Vigil window');
    try {
      return await services.dispatch(session, method, input);
    } catch (e) {
      log('dispatch threw', e);
      return fail('INTERNAL', 'Something went wrong in Vigil. Nothing was saved. The details are in the log.');
    }
  });

  const openWindow = (): BrowserWindow => {
    const win = createMainWindow(BrowserWindow, { preload: opts.preload, devTools: opts.devTools });
    // Kept apart from win: after 'closed' the window object may no longer be touched.
    const contents = win.webContents;
    const contentsId = contents.id;
    const session = services.sessions.open((event, payload) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    });
    sessions.set(contentsId, session);
    // Screenshots, recordings and screen sharing see a blank window while the setting is on (the default).
    const unwatch = services.watchScreenCapture((blocked) => {
      if (!win.isDestroyed()) win.setContentProtection(blocked);
    });
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      unwatch();
      sessions.delete(contentsId);
      services.sessions.close(session);
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    win.loadURL(APP_ENTRY_URL).catch((e: unknown) => log('The console page did not load', e));
    return win;
  };

  const focus = (): void => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  return { openWindow, focus };
}
