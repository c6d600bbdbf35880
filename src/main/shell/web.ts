import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { fail } from '../../shared/result';
import type { Services } from '../services';
import { contentSecurityPolicy } from './csp';
import { mimeTypeFor, readStaticFile, resolveStaticFile } from './static-files';

export interface WebShellOptions {
  services: Services;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface WebShell {
  /** The address to open, token included (in the fragment, so it is never sent over HTTP). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Frames larger than this are refused before parsing: no method takes more. The
 * largest input is an image file from disk (attachments.addImage: 15 MB, ~21 MB of base64).
 */
const MAX_MESSAGE_BYTES = 22 * 1024 * 1024;

const CallMessage = z.strictObject({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  // JSON drops an undefined input: the method's own schema judges its absence.
  input: z.unknown().optional(),
});

/** The caller's id from a frame that is otherwise malformed, so its promise still settles. */
function idOf(frame: unknown): number {
  const id = (frame as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : -1;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The web shell: the built renderer and the contract over a WebSocket, on
 * 127.0.0.1 only. Same services as Electron, only the transport differs. Guards:
 * a random per-start token, Host and Origin checks (no DNS rebinding, no other
 * site's page can connect), a size cap on frames.
 */
export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const token = randomBytes(24).toString('base64url');
  const { services } = opts;
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const server = createServer((req, res) => {
    void serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) return void res.writeHead(421).end('Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/media/')) {
      return serveMedia(path.slice('/media/'.length), req.method, req.headers.range ?? null, res);
    }
    const file = await resolveStaticFile(opts.rendererDir, path);
    if (!file) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    const body = await readStaticFile(file);
    res.writeHead(200, {
      'Content-Type': mimeTypeFor(file),
      'Content-Security-Policy': contentSecurityPolicy({
        connect: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
      }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  // Camera video and snapshots: the media key in the path stands for the session (media elements send no token).
  async function serveMedia(path: string, method: string, range: string | null, res: ServerResponse): Promise<void> {
    const media = await services.media(path, method, range);
    res.writeHead(media.status, {
      ...media.headers,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.end(method === 'HEAD' ? undefined : (media.body ?? undefined));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: number, reason: string, detail = reason) => {
      services.auditRefused({ source: 'web shell connection', reason, subject: 'web shell connection', detail });
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname !== '/ws') return refuse(403, 'unknown path');
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(403, 'wrong Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      return refuse(403, 'foreign origin', `foreign origin ${origin.slice(0, 200)}`);
    }
    if (!sameToken(url.searchParams.get('token') ?? '', token)) return refuse(401, 'missing or wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const send = (message: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const session = services.sessions.open((event, payload) => send({ t: 'event', event, payload }));
    ws.on('message', (data, isBinary) => {
      let frame: unknown;
      try {
        frame = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        frame = undefined;
      }
      const envelope = CallMessage.safeParse(frame);
      if (!envelope.success) {
        return send({ t: 'result', id: idOf(frame), result: fail('VALIDATION', 'Malformed message.') });
      }
      const parsed = envelope.data;
      void services
        .dispatch(session, parsed.method, parsed.input)
        .then((result) => send({ t: 'result', id: parsed.id, result }));
    });
    ws.on('close', () => services.sessions.close(session));
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
