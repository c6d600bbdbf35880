import { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a method.
 * - 'public': anyone holding the shell's token, signed in or not (sign-in, first-run setup).
 * - 'session': a signed-in session, even while the console is locked (unlock, sign out).
 * - Role[]: a signed-in, unlocked session whose staff member has one of these roles.
 */
export type Access = 'public' | 'session' | readonly Role[];

/**
 * What a method does with patron-identifying data (persons, photos, ban reasons, incident
 * narratives and persons, snapshots, clips, exports, call and shift-log entries that name
 * people). Library records are confidential (Wis. Stat. 43.30): every such read is audited.
 * - 'reads': its answer can carry patron data; main leaves an audit entry for every answer
 *   (a write that answers with the record it changed may leave its journal entry instead).
 * - 'exports': it puts patron data in a file, a print or an email that can leave the desk;
 *   audited like a read.
 * - 'none': its answer carries none (src/main/audit/audit.coverage.test.ts walks every
 *   answer's schema and fails when one can hold a schema tagged with `patronData`).
 */
export type PatronUse = 'reads' | 'exports' | 'none';

/**
 * Schemas whose values identify or describe a patron. The audit-coverage test walks each
 * method's output schema for them; a method that can answer one must say `patron: 'reads'`.
 */
export const patronSchemas = z.registry<{ what: string }>();

/** Tags a schema as patron-identifying data (`what` says why, for the test's message). */
export function patronData<T extends z.ZodType>(schema: T, what: string): T {
  patronSchemas.add(schema, { what });
  return schema;
}

export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  input: I;
  output: O;
  /** Kept literal ('public', or the role group) so a handler's context knows whether a staff id is set. */
  access: A;
  /** One line for the handler table and the docs. */
  summary: string;
  /** What it does with patron-identifying data: see PatronUse. */
  patron: PatronUse;
  /**
   * Whether it changes records: then it appends a journal entry (a record change) or an
   * audit entry (a session, a setting kept outside the journal), and the coverage test checks it.
   */
  writes: boolean;
  /**
   * Exists only in the web shell started with --test-clock (end-to-end tests):
   * anywhere else main answers as it does for a method it does not know.
   */
  testOnly?: true;
}

export const method = <I extends z.ZodType, O extends z.ZodType, A extends Access>(
  spec: MethodSpec<I, O, A>,
): MethodSpec<I, O, A> => spec;

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  /** Roles that receive it; 'session' = every signed-in session. */
  audience: 'session' | readonly Role[];
}

export const event = <P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> => spec;
