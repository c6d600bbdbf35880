import type { EventName, EventPayload, InputOf, MethodName, OutputOf, VigilBridge } from '../../shared/contract';
import type { CallError, Result } from '../../shared/result';

declare global {
  interface Window {
    vigil?: VigilBridge;
  }
}

let bridge: VigilBridge | undefined;

/** Electron's preload puts window.vigil there; in a browser the web shell's bridge is loaded. */
export async function connectBridge(): Promise<VigilBridge> {
  if (bridge) return bridge;
  if (window.vigil) bridge = window.vigil;
  else {
    const { createWebBridge } = await import('./web-bridge');
    bridge = createWebBridge();
    window.vigil = bridge;
  }
  return bridge;
}

function current(): VigilBridge {
  if (!bridge) throw new Error('connectBridge() must run before the app renders');
  return bridge;
}

/** Calls a contract method; never throws, resolves to the result. */
export function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  return current().call(method, input);
}

/** Subscribes to a push event; returns the unsubscribe for an effect's cleanup. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return current().on(event, listener);
}

export type { CallError, Result };
