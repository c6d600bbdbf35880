import WebSocket from 'ws';
import type { Result } from '../../src/shared/result';

/** A minimal contract client over the web shell's WebSocket, as the browser bridge speaks it. */
export interface WsClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  raw(frame: string): void;
  events: { event: string; payload: unknown }[];
  close(): void;
}

export function connectWs(port: number, token: string, origin = `http://127.0.0.1:${port}`): Promise<WsClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`, { origin });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const events: WsClient['events'] = [];
  let nextId = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as
      { t: 'result'; id: number; result: Result<unknown> } | { t: 'event'; event: string; payload: unknown };
    if (msg.t === 'result') {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else events.push({ event: msg.event, payload: msg.payload });
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('open', () =>
      resolve({
        events,
        call(method, input) {
          const id = nextId++;
          return new Promise((res) => {
            pending.set(id, res);
            ws.send(JSON.stringify({ t: 'call', id, method, input }));
          });
        },
        raw: (frame) => ws.send(frame),
        close: () => ws.close(),
      }),
    );
  });
}
