import { ManualClock } from '../../src/main/clock';
import type { InputOf, OutputOf } from '../../src/shared/contract';
import { incidentDesk, type IncidentDesk } from './incidents';
import { ADMIN, type TestConsole } from './services';

const PASS = 'a long test passphrase';

export interface CallDesk extends IncidentDesk {
  clock: ManualClock;
  /**
   * Moves main's clock (forward or back) and keeps every console signed in and unlocked;
   * going back, or forward less than four hours, needs no passphrase.
   */
  at(when: string | number): Promise<void>;
  /** Moves main's clock forward by seconds. */
  after(seconds: number): Promise<void>;
  /** A zone of MAIN by name, as the desk began (zones come sorted by name). */
  zone(name: 'Lobby' | 'Computer Lab'): string;
  /** Logs a call with sensible defaults (Lobby), as `by`. */
  call(by: TestConsole, over?: Partial<InputOf<'calls.create'>>): Promise<OutputOf<'calls.create'>>;
}

/**
 * The incident test desk (branch MAIN in America/Chicago with Lobby and Computer Lab,
 * officers olu and kim, supervisor sam) on a ManualClock, for calls and evacuations.
 */
export async function callDesk(start = '2026-11-30T19:00:00Z'): Promise<CallDesk> {
  const clock = new ManualClock(Date.parse(start));
  const t = await incidentDesk({ clock });
  // Consoles stay unlocked across the test's own jumps of a few hours (an unlock checks a passphrase: slow).
  await t.admin.must('settings.update', { idleLockMinutes: 240 });
  const consoles: [TestConsole, string][] = [
    [t.admin, ADMIN.passphrase],
    [t.officer, PASS],
    [t.other, PASS],
    [t.supervisor, PASS],
  ];
  const awake = async () => {
    for (const [c, passphrase] of consoles) {
      const state = await c.must('auth.state', {});
      if (state.state === 'locked') await c.must('auth.unlock', { passphrase });
      else await c.must('auth.activity', {});
    }
  };
  const zone = (name: 'Lobby' | 'Computer Lab') => t.branch.zones.find((z) => z.name === name)!.id;
  return {
    ...t,
    zone,
    clock,
    async at(when) {
      clock.set(when);
      await awake();
    },
    async after(seconds) {
      clock.advance(seconds * 1000);
      await awake();
    },
    call(by, over = {}) {
      return by.must('calls.create', {
        branchId: t.branch.id,
        zoneId: zone('Lobby'),
        caller: { staffId: null, name: 'Pat at the circulation desk' },
        channel: 'phone',
        nature: 'disturbance',
        priority: 'normal',
        detail: 'Two patrons arguing loudly by the printers',
        ...over,
      });
    },
  };
}
