import { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { Role } from '../../shared/roles';
import { AppError } from '../errors';
import type { AuditService } from '../audit/audit.service';
import type { FullHandlerTable, Handler } from './handler';
import type { Session } from './sessions';
import { firstMalformedText, MALFORMED_TEXT_MESSAGE } from './well-formed';

export interface DispatchDeps {
  handlers: FullHandlerTable;
  audit: AuditService;
  /** The current role of an active staff member, or null (unknown or deactivated). */
  roleOf(staffId: string): Role | null;
  /** Locks the session if it has been idle too long; called before every check. */
  enforceIdle(session: Session): void;
  log(message: string, error?: unknown): void;
  /**
   * Tests turn this on: every answer is parsed against the method's output schema,
   * so a drift between what main returns and what the contract says fails a test.
   */
  checkOutputs?: boolean;
  /** The web shell's --test-clock: methods marked testOnly exist; anywhere else they do not. */
  testMethods?: boolean;
}

export type Dispatch = (session: Session, method: unknown, input: unknown) => Promise<Result<unknown>>;

/** What a refusal may repeat back: enough for a form, never an echo of a huge input. */
const MAX_FIELDS = 20;
const MAX_KEY = 100;
const MAX_MESSAGE = 300;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** zod issues → one message per field path, for the form beside each field; bounded in count and length. */
function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = clip(issue.path.map(String).join('.') || '_', MAX_KEY);
    if (!(key in fields) && Object.keys(fields).length >= MAX_FIELDS) break;
    fields[key] ??= clip(issue.message, MAX_MESSAGE);
  }
  return fields;
}

/**
 * The one door every call goes through, from either shell: method known, caller
 * allowed (audited when not), input parsed by its schema, errors turned into results.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const refuse = (session: Session, method: string, detail: string): Result<never> => {
    deps.audit.refused({ source: session.id, reason: detail, staffId: session.staffId, subject: method, detail });
    return fail('FORBIDDEN', detail);
  };

  return async (session, method, input) => {
    if (!isMethodName(method) || (contract[method].testOnly && !deps.testMethods)) {
      const name = typeof method === 'string' ? `“${method.slice(0, 80)}”` : '(not a name)';
      // Every unknown name is one reason: made-up names cannot each earn their own row.
      deps.audit.refused({
        source: session.id,
        reason: 'unknown method',
        staffId: session.staffId,
        subject: 'unknown method',
        detail: `Unknown method ${name}`,
      });
      return fail('VALIDATION', 'Unknown method.');
    }
    const spec = contract[method];
    deps.enforceIdle(session);

    if (spec.access !== 'public') {
      if (!session.staffId) return refuse(session, method, 'Sign in first.');
      const role = deps.roleOf(session.staffId);
      if (!role) return refuse(session, method, 'This staff account is no longer active.');
      if (spec.access !== 'session') {
        if (session.locked) return refuse(session, method, 'The console is locked. Unlock it first.');
        if (!(spec.access as readonly Role[]).includes(role)) {
          return refuse(session, method, `Your role (${role}) may not do this.`);
        }
      }
    }

    const malformed = firstMalformedText(input);
    if (malformed !== null) return fail('VALIDATION', MALFORMED_TEXT_MESSAGE, { [malformed]: MALFORMED_TEXT_MESSAGE });

    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const fields = fieldMessages(parsed.error);
      const first = Object.values(fields)[0] ?? 'Invalid input';
      return fail('VALIDATION', first, fields);
    }

    try {
      const handler = deps.handlers[method] as Handler<MethodName>;
      // The checks above are what make a SignedInContext true: staffId is set unless the method is public.
      const value = await handler(parsed.data as never, { session, staffId: session.staffId } as never);
      if (deps.checkOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          const where = issue?.path.map(String).join('.') || '(the whole value)';
          deps.log(`${method} returned what its contract does not say`, checked.error);
          return fail('INTERNAL', `${method} output drifted from its contract at ${where}: ${issue?.message}`);
        }
      }
      return ok(value);
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.fields);
      deps.log(`${method} failed`, e);
      if (
        e instanceof Error &&
        /SQLITE_BUSY|SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY/.test(String((e as { code?: string }).code))
      ) {
        return fail('UNAVAILABLE', 'The database is not available right now. Nothing was saved; try again.');
      }
      return fail('INTERNAL', 'Something went wrong in Vigil. Nothing was saved. The details are in the log.');
    }
  };
}
