import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/channels';
import type { VigilBridge } from '../shared/contract';

/**
 * window.vigil for Electron: exactly the contract's call and on, nothing else.
 * No raw ipcRenderer reaches the page; main validates the sender, method and input.
 */

const bridge: VigilBridge = {
  call: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  on: (event, listener) => {
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('vigil', bridge);
