import type { ManualClock } from '../../src/main/clock';
import type { OutputOf } from '../../src/shared/contract';
import { deskWithAdmin, type DeskOpts, type TestConsole, type TestDesk } from './services';

const PASS = 'a long test passphrase';

export interface DutyDesk {
  desk: TestDesk;
  clock: ManualClock;
  admin: TestConsole;
  officer: TestConsole;
  /** A second officer at another console, for two people on one run. */
  other: TestConsole;
  branch: OutputOf<'branches.add'>;
  zone(name: string): string;
  /** Moves main's clock; every console here counts as just used, so none locks for being idle. */
  advance(ms: number): void;
  set(iso: string): void;
  close(): Promise<void>;
}

/**
 * A desk at Main Library (America/Chicago) open Mon–Sat 09:00–20:00 and Sun 13:00–17:00,
 * with four zones, an administrator and two officers signed in, on a clock the test moves.
 */
export async function dutyDesk(
  clock: ManualClock,
  opts: Omit<DeskOpts, 'demo' | 'dataDir' | 'clock'> = {},
): Promise<DutyDesk> {
  const { desk, admin } = await deskWithAdmin({ ...opts, clock });
  const added = await admin.must('branches.add', {
    name: 'Main Library',
    code: 'main',
    address: '800 Main St',
    timeZone: 'America/Chicago',
  });
  for (const [name, kind] of [
    ['Lobby', 'interior'],
    ['Restrooms', 'interior'],
    ["Children's Room", 'interior'],
    ['Parking Lot', 'exterior'],
  ] as const) {
    await admin.must('zones.add', { branchId: added.id, name, kind, floor: '' });
  }
  const weekly = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '09:00', closes: '20:00' }));
  const branch = await admin.must('branches.setWeeklyHours', {
    branchId: added.id,
    weekly: [...weekly, { weekday: 7, opens: '13:00', closes: '17:00' }],
  });
  const signedIn = async (username: string) => {
    await admin.must('staff.add', { name: `Test ${username}`, username, role: 'officer', passphrase: PASS });
    const c = desk.console();
    await c.must('auth.signIn', { username, passphrase: PASS });
    return c;
  };
  const officer = await signedIn('olu');
  const other = await signedIn('kim');
  const consoles = [admin, officer, other];
  const awake = () => consoles.forEach((c) => (c.session.lastActivity = clock.ms()));
  return {
    desk,
    clock,
    admin,
    officer,
    other,
    branch,
    zone: (name) => branch.zones.find((z) => z.name === name)!.id,
    advance(ms) {
      clock.advance(ms);
      awake();
    },
    set(iso) {
      clock.set(iso);
      awake();
    },
    close: () => desk.close(),
  };
}
