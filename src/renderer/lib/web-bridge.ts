import type { VigilBridge } from '../../shared/contract';
import type { Result } from '../../shared/result';

/**
 * window.vigil for the web shell: the same contract carried over a WebSocket to
 * main's loopback server. The per-start token arrives in the URL fragment (never
 * sent in an HTTP request), is kept in sessionStorage for reloads, and is removed
 * from the address bar.
 */
const TOKEN_KEY = 'vigil.token';

type ServerMessage =
  { t: 'result'; id: number; result: Result<unknown> } | { t: 'event'; event: string; payload: unknown };

function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createWebBridge(): VigilBridge {
  const token = takeToken();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

  function connect(): void {
    socket = new WebSocket(url);
    ready = new Promise((resolve) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('close', () => resolve(), { once: true });
    });
    socket.addEventListener('message', (m: MessageEvent<string>) => {
      const msg = JSON.parse(m.data) as ServerMessage;
      if (msg.t === 'result') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else {
        for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve(unavailable('Lost the connection to Vigil. Try again.'));
      pending.clear();
      // A new connection is a new session: the page learns it is signed out from this event.
      for (const l of listeners.get('session.changed') ?? []) l({ state: 'signedOut' });
      setTimeout(connect, 1000);
    });
  }
  connect();

  return {
    async call(method, input) {
      await ready;
      if (socket.readyState !== WebSocket.OPEN) return unavailable('Vigil is not reachable. Is it still running?');
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Result<unknown>) => void);
        socket.send(JSON.stringify({ t: 'call', id, method, input }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
