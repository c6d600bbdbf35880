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
} as const;
