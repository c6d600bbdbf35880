import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a method.
 * - 'public': anyone holding the shell's token, signed in or not (sign-in, first-run setup).
 * - 'session': a signed-in session, even while the console is locked (unlock, sign out).
 * - Role[]: a signed-in, unlocked session whose staff member has one of these roles.
 */
export type Access = 'public' | 'session' | readonly Role[];

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
