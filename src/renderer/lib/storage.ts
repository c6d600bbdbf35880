/** localStorage that never throws (storage can be disabled or full); values are strings. */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Remembering a preference is a convenience; the desk works without it.
  }
}

export const STORAGE_KEYS = {
  theme: 'vigil.theme',
  branchFilter: 'vigil.branchFilter',
  split: 'vigil.cameraAreaPercent',
  workTab: 'vigil.workTab',
  /** The report or draft open in the Incidents panel, reopened after a restart. */
  openIncident: 'vigil.openIncident',
  /** The ban or person open in the Bans panel, reopened after a restart. */
  openBan: 'vigil.openBan',
  /** Prefix: a draft's text as typed, until main has saved it (survives a crash between keystroke and save). */
  draftBackup: 'vigil.draftBackup.',
  /** Prefix: an amendment's reason and text as typed, until main has saved it. */
  amendBackup: 'vigil.amendBackup.',
} as const;

export function removeStored(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clean up if storage is unavailable.
  }
}
