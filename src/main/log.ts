/** Main's log: a message, and the error behind it if any. Never patron data, never secrets. */
export type Log = (message: string, error?: unknown) => void;

export const consoleLog: Log = (message, error) =>
  console.error(`[vigil] ${message}`, error instanceof Error ? error.stack : (error ?? ''));
