/** The Electron IPC channels: the preload sends calls on one and listens for pushes on the other. */
export const CALL_CHANNEL = 'vigil:call';
export const EVENT_CHANNEL = 'vigil:event';
