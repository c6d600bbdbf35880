import type { Db } from '../connection';
import foundation from './0010-foundation';
import cameras from './0020-cameras';
import incidents from './0030-incidents';
import signInGuard from './0040-sign-in-guard';
import personsBans from './0050-persons-bans';
import closingRounds from './0060-closing-rounds';
import callsEvacuation from './0070-calls-evacuation';
import shift from './0080-shift';
import replay from './0090-replay';
import auditByRecord from './0100-audit-by-record';
import retention from './0110-retention';
import shiftEntryDrafts from './0130-shift-entry-drafts';
import attachmentReports from './0140-attachment-reports';
import disclosures from './0150-disclosures';

export interface Migration {
  /** Multiples of 10, in order. A released migration is never edited: add the next one. */
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}

export const migrations: readonly Migration[] = [
  foundation,
  cameras,
  incidents,
  signInGuard,
  personsBans,
  closingRounds,
  callsEvacuation,
  shift,
  replay,
  auditByRecord,
  retention,
  shiftEntryDrafts,
  attachmentReports,
  disclosures,
];
