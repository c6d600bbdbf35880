import type { Migration } from './index';

/**
 * Sign-in attempts are reserved before the passphrase is checked (auth/sign-in-guard.ts),
 * per bucket: a username's sign-ins, or one signed-in person's unlocks. The old
 * per-username failure counter goes: it was only written after the check.
 * Audit rows gain a count, so repeated refusals from one source are one row per window.
 */
const signInGuard: Migration = {
  version: 40,
  name: 'sign-in-guard',
  up: /* sql */ `
    DROP TABLE sign_in_failures;
    CREATE TABLE sign_in_guard (
      bucket TEXT PRIMARY KEY,
      window_start TEXT NOT NULL,
      attempts INTEGER NOT NULL CHECK (attempts >= 0),
      locked_until TEXT
    ) STRICT;

    ALTER TABLE audit ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);
  `,
};

export default signInGuard;
