import type { Role } from '../../shared/roles';
import type { Clock, ShiftedClock } from '../clock';
import { demoAccounts } from '../demo/seed';
import { AppError } from '../errors';
import type { DomainEvents } from '../events';
import type { HandlerTable } from '../rpc/handler';
import type { Sessions } from '../rpc/sessions';

export interface SystemFacts {
  version: string;
  shell: 'electron' | 'web';
  demo: boolean;
  dataDir: string;
}

export interface SystemDeps {
  roleOf(staffId: string): Role | null;
  clock: Clock;
  /** Set only in the web shell started with --test-clock. */
  testClock: ShiftedClock | null;
  events: DomainEvents;
  sessions: Sessions;
}

export const systemHandlers = (
  facts: SystemFacts,
  deps: SystemDeps,
): HandlerTable<'system.info' | 'system.setTestClock'> => ({
  'system.info': (_input, { session }) => ({
    state: 'ready',
    version: facts.version,
    shell: facts.shell,
    demo: facts.demo,
    demoAccounts: facts.demo ? demoAccounts : [],
    // Where the records live on disk is an administrator's business, not a signed-out page's.
    dataDir: session.staffId && !session.locked && deps.roleOf(session.staffId) === 'admin' ? facts.dataDir : null,
    now: deps.clock.now().toISOString(),
    testClock: deps.testClock !== null,
  }),
  'system.setTestClock': ({ at, advanceMs }) => {
    // Dispatch already hides this method without a test clock; this is the second lock on the door.
    if (!deps.testClock) throw new AppError('FORBIDDEN', 'There is no test clock on this desk.');
    const before = deps.clock.ms();
    if (at !== undefined) deps.testClock.set(new Date(at));
    else deps.testClock.advance(advanceMs ?? 0);
    // Moving the clock is not the person walking away: consoles stay as idle as they were.
    const moved = deps.clock.ms() - before;
    for (const s of deps.sessions.list()) s.lastActivity += moved;
    const now = deps.clock.now().toISOString();
    deps.events.emit('clock.changed', { now });
    return { now };
  },
});
