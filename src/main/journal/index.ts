import type { Kernel } from '../kernel';
import { journalHandlers } from './journal.handlers';

/** The journal's contract methods (verify); the journal itself is in the kernel (db/journal.ts). */
export function createJournalMethods(k: Kernel) {
  return { handlers: journalHandlers(k.journal) };
}
