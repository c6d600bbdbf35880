import type { AuditEntry } from '../../../../shared/contract';

export type AuditAction = AuditEntry['action'];

/**
 * Words for each action. Typed against the contract (a new action fails the
 * build here) but not imported from it as a value, which would pull zod into
 * the renderer bundle.
 */
export const auditActionLabel: Record<AuditAction, string> = {
  read: 'Read',
  refused: 'Refused',
  signIn: 'Signed in',
  signInFailed: 'Sign-in failed',
  signOut: 'Signed out',
  lock: 'Locked',
  unlock: 'Unlocked',
  lockoutCleared: 'Lockout cleared',
  copied: 'Copied',
};

export const AUDIT_ACTIONS = Object.keys(auditActionLabel) as AuditAction[];

/** Actions worth a second look get a mark beside the word. */
export const auditActionIsWarning = (action: AuditAction): boolean => action === 'refused' || action === 'signInFailed';
