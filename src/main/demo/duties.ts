import { ManualClock } from '../clock';
import { closingServices } from '../closing';
import { originDesk } from '../db/desk';
import { Journal } from '../db/journal';
import { DomainEvents } from '../events';
import type { Kernel } from '../kernel';
import { roundsServices } from '../rounds';
import type { ItemInput } from '../closing/templates.service';
import type { BranchesService } from '../branches/branches.service';
import type { StaffService } from '../staff/staff.service';
import type { Branch } from '../../shared/contract/branches';
import type { AnswerValue, ClosingRun } from '../../shared/contract/closing';
import { addDays, localDate, sessionsBetween, zonedInstant } from '../../shared/opening-hours';
import { prng } from './incidents';

const DAYS = 21;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** The local dates of the demo's notable moments. */
interface Moments {
  missed: string | undefined;
  hurried: string | undefined;
  child: string | undefined;
  cleaners: string | undefined;
}

/** Hours of the three demo branches, by code: Monday…Sunday, null for closed. */
const HOURS: Record<string, ([string, string] | null)[]> = {
  MAIN: [
    ['09:00', '20:00'],
    ['09:00', '20:00'],
    ['09:00', '20:00'],
    ['09:00', '20:00'],
    ['09:00', '18:00'],
    ['09:00', '17:00'],
    ['13:00', '17:00'],
  ],
  NORTH: [
    ['10:00', '20:00'],
    ['10:00', '20:00'],
    ['10:00', '20:00'],
    ['10:00', '20:00'],
    ['10:00', '17:00'],
    ['10:00', '17:00'],
    null,
  ],
  SOUTH: [
    ['10:00', '19:00'],
    ['10:00', '19:00'],
    ['10:00', '19:00'],
    ['10:00', '19:00'],
    ['10:00', '17:00'],
    ['10:00', '14:00'],
    null,
  ],
};

/** Routes of the demo branches: name, zones in order with what to look for, interval, first after opening. */
const ROUTES: Record<
  string,
  { name: string; stops: [string, string][]; every: number; first: number; minGap: number }[]
> = {
  MAIN: [
    {
      name: 'Interior round',
      stops: [
        ['Lobby', ''],
        ['Circulation Desk', 'Say hello to the desk staff; ask if anything needs a look'],
        ["Children's Room", 'Any child alone for long? Look behind the picture-book bins'],
        ['Computer Lab', ''],
        ['Reading Room', 'Walk the far aisle by the windows'],
        ['Restrooms, 2nd floor', 'Knock, then check every stall'],
      ],
      every: 60,
      first: 30,
      minGap: 45,
    },
    {
      name: 'Exterior round',
      stops: [
        ['Parking Lot', 'Look behind the parking-lot dumpster'],
        ['Book Drop', 'Check the book drop: not jammed, nothing left beside it'],
      ],
      every: 120,
      first: 60,
      minGap: 30,
    },
  ],
  NORTH: [
    {
      name: 'Building round',
      stops: [
        ['Entrance', ''],
        ['Stacks', 'Walk every aisle to the back wall'],
        ['Teen Space', ''],
        ['Front Walk', 'Check the bike rack and the bench by the door'],
      ],
      every: 60,
      first: 30,
      minGap: 45,
    },
  ],
  SOUTH: [
    {
      name: 'Building round',
      stops: [
        ['Entrance', ''],
        ['Meeting Room', 'Program room: doors closed between programs'],
        ['Public Computers', ''],
        ['Parking Lot', 'Look along the fence line'],
      ],
      every: 90,
      first: 30,
      minGap: 45,
    },
  ],
};

export interface DemoDutiesDeps {
  kernel: Kernel;
  branches: BranchesService;
  staff: StaffService;
}

/**
 * A training desk's opening hours, closing checklists and patrol routes, and three
 * weeks of their history, made through the real services on a clock of their own
 * (each record at its own past moment): nightly closings signed building clear,
 * one with an unattended child and a failed item, one with cleaners still inside;
 * rounds through the open hours, with a missed round, skips with reasons, and a
 * round walked too fast. One transaction, and an event bus of its own, so the seed
 * neither waits on the disk thousands of times nor wakes the alerts each step.
 */
export function seedDemoDuties(deps: DemoDutiesDeps): void {
  const { kernel, branches } = deps;
  const now = kernel.clock.ms();
  const clock = new ManualClock(now - (DAYS + 2) * DAY);
  const k: Kernel = {
    ...kernel,
    clock,
    journal: new Journal(kernel.db, originDesk(kernel.db), clock),
    events: new DomainEvents(kernel.log),
  };
  const ports = { branches, staff: deps.staff, journal: k.journal };
  const closing = closingServices(k, ports);
  const patrol = roundsServices(k, ports);
  const staff = deps.staff.list();
  const officer = staff.find((s) => s.role === 'officer')!;
  const supervisor = staff.find((s) => s.role === 'supervisor')!;
  const admin = staff.find((s) => s.role === 'admin')!;
  const random = prng(20261130);

  kernel.db.transaction(() => {
    for (const b of branches.list()) setUp(b);
    const list = branches.list();
    const sessions = list.flatMap((b) =>
      sessionsBetween(b.hours, b.timeZone, historyStart(b), now).map((s) => ({ branch: b, ...s })),
    );
    // The days the demo's notable moments fall on: the branch's opening nearest so many days ago.
    const nearest = (code: string, daysAgo: number) =>
      sessions
        .filter((s) => s.branch.code === code && s.closesAt < now)
        .reduce<(typeof sessions)[number] | undefined>(
          (best, s) =>
            !best || Math.abs(now - s.opensAt - daysAgo * DAY) < Math.abs(now - best.opensAt - daysAgo * DAY)
              ? s
              : best,
          undefined,
        )?.date;
    const moments = {
      missed: nearest('NORTH', 5),
      hurried: nearest('NORTH', 8),
      child: nearest('MAIN', 6),
      cleaners: nearest('NORTH', 3),
    };
    for (const s of sessions.sort((a, b) => a.opensAt - b.opensAt)) {
      walkRounds(s.branch, s, moments);
      if (s.closesAt + 20 * MIN < now) closeUp(s.branch, s, moments);
    }
  })();

  function setUp(b: Branch): void {
    clock.set(now - (DAYS + 2) * DAY);
    const week = HOURS[b.code] ?? HOURS.MAIN!;
    branches.setWeeklyHours(
      b.id,
      week.flatMap((h, i) => (h ? [{ weekday: i + 1, opens: h[0], closes: h[1] }] : [])),
      admin.id,
    );
    const today = localDate(now, b.timeZone);
    if (b.code === 'MAIN') {
      branches.setSpecialDay(
        b.id,
        { date: addDays(today, 9), opens: null, closes: null, note: 'Staff training day' },
        admin.id,
      );
      branches.setSpecialDay(
        b.id,
        { date: addDays(today, 4), opens: '09:00', closes: '16:00', note: 'Early close for the book sale' },
        admin.id,
      );
      branches.setSpecialDay(
        b.id,
        { date: addDays(today, -10), opens: '12:00', closes: '20:00', note: 'Late opening: all-staff meeting' },
        admin.id,
      );
    }
    const zone = (name: string) => b.zones.find((z) => z.name === name)!.id;
    const first = closing.templates.save(b.id, closing.templates.defaultFor(b.id).items, admin.id);
    if (b.code === 'MAIN') {
      // Ten days on, the administrator adds the book drop: runs before keep the first wording.
      clock.advance(10 * DAY);
      const items: ItemInput[] = [...first.items];
      items.splice(
        items.findIndex((i) => i.label.startsWith('Alarm')),
        0,
        {
          zoneId: zone('Book Drop'),
          label: 'Book drop door locked from inside',
          kind: 'yesno',
          okAnswer: 'yes',
          expectedCount: 0,
          noteOnFail: true,
        },
      );
      closing.templates.save(b.id, items, admin.id);
    }
    // The routes begin with the history, so no day before it counts as missed rounds.
    clock.set(historyStart(b));
    for (const r of ROUTES[b.code] ?? []) {
      patrol.routes.save(
        {
          branchId: b.id,
          name: r.name,
          checkpoints: r.stops.map(([name, instructions]) => ({ zoneId: zone(name), instructions })),
          intervalMinutes: r.every,
          firstAfterMinutes: r.first,
          graceMinutes: 15,
          minGapSeconds: r.minGap,
        },
        admin.id,
      );
    }
  }

  /** Local midnight DAYS days ago at the branch: where the demo's history begins. */
  function historyStart(b: Branch): number {
    return zonedInstant(addDays(localDate(now, b.timeZone), -DAYS), '00:00', b.timeZone);
  }

  function walkRounds(b: Branch, s: { opensAt: number; closesAt: number; date: string }, moments: Moments): void {
    for (const route of patrol.routes.list(b.id)) {
      // North, about five days ago: nobody went on the first round due after 15:00 (the demo's missed round).
      let missOne = b.code === 'NORTH' && s.date === moments.missed;
      // North, about eight days ago: the first round of the day walked in a hurry (the demo's flagged round).
      let hurryOne = b.code === 'NORTH' && s.date === moments.hurried;
      let due = s.opensAt + route.firstAfterMinutes * MIN;
      while (due < s.closesAt && due + 10 * MIN < now) {
        if (missOne && localClock(due, b.timeZone) >= '15:00') {
          missOne = false;
          due += route.intervalMinutes * MIN;
          continue;
        }
        const start = due - 5 * MIN + Math.floor(random() * 12) * MIN;
        if (start >= now - 10 * MIN) break;
        walkOne(b, route.id, start, hurryOne);
        hurryOne = false;
        due = start + route.intervalMinutes * MIN;
      }
    }
  }

  function walkOne(b: Branch, routeId: string, start: number, hurried: boolean): void {
    const who = random() < 0.75 ? officer : supervisor;
    clock.set(start);
    const round = patrol.rounds.start(routeId, who.id);
    const evening = localClock(start, b.timeZone) >= '17:00';
    for (const c of round.checkpoints) {
      clock.advance(hurried ? 20_000 : (60 + Math.floor(random() * 150)) * 1000);
      if (c.zoneName === 'Meeting Room' && random() < 0.15) {
        patrol.rounds.skip(round.id, c.id, 'Program in the meeting room; looked in through the door window', who.id);
        continue;
      }
      if (c.zoneName.startsWith('Restrooms') && random() < 0.04) {
        patrol.rounds.skip(round.id, c.id, 'Closed for cleaning, wet floor', who.id);
        continue;
      }
      const onCamera = c.zoneKind === 'exterior' && evening && random() < 0.5;
      patrol.rounds.visit(round.id, c.id, onCamera ? 'camera' : 'walked', who.id);
      if (random() < 0.03) {
        patrol.rounds.observe(round.id, c.id, OBSERVATIONS[Math.floor(random() * OBSERVATIONS.length)]!, who.id);
      }
    }
    clock.advance(60_000);
    patrol.rounds.end(round.id, '', '', who.id);
  }

  function closeUp(b: Branch, s: { closesAt: number; date: string }, moments: Moments): void {
    const who = random() < 0.7 ? officer : supervisor;
    clock.set(s.closesAt - (4 + Math.floor(random() * 6)) * MIN);
    const run = closing.service.start(b.id, who.id);
    const childNight = b.code === 'MAIN' && s.date === moments.child;
    const cleanersNight = b.code === 'NORTH' && s.date === moments.cleaners;
    for (const item of run.items) {
      clock.advance((15 + Math.floor(random() * 40)) * 1000);
      const { value, note } = answerFor(item, childNight, b);
      const method = run.items.indexOf(item) % 7 === 3 || item.zoneName === 'Parking Lot' ? 'camera' : 'walked';
      closing.service.answer({ runId: run.id, branchId: b.id, itemId: item.id, value, note, method }, who.id);
      if (childNight && item.kind === 'yesno' && item.okAnswer === 'no') {
        const opened = closing.service.openException(
          {
            runId: run.id,
            kind: 'child',
            zoneId: item.zoneId,
            who: '',
            role: '',
            where: 'Picture-book corner',
            why: '',
            description: 'Girl, about 9, purple backpack; said her dad was coming from work.',
          },
          who.id,
        );
        const child = opened.exceptions[0]!;
        clock.advance(2 * MIN);
        closing.service.recordStep(
          { exceptionId: child.id, step: 'guardianCalled', note: 'Called the number she gave; he said 20 minutes.' },
          who.id,
        );
        clock.advance(24 * MIN);
        closing.service.recordStep(
          {
            exceptionId: child.id,
            step: 'guardianArrived',
            note: 'Father arrived; gave him the unattended-children policy card.',
          },
          who.id,
        );
      }
    }
    if (cleanersNight) {
      closing.service.openException(
        {
          runId: run.id,
          kind: 'inside',
          zoneId: null,
          who: 'Two cleaners from Bright Co.',
          role: 'cleaner',
          where: 'Second floor, staff areas',
          why: 'Nightly cleaning',
          description: '',
        },
        who.id,
      );
    }
    clock.advance((2 + Math.floor(random() * 4)) * MIN);
    closing.service.sign(run.id, childNight ? 'Closed late: waited with a child for her father.' : '', who.id);
  }

  function answerFor(
    item: ClosingRun['items'][number],
    childNight: boolean,
    b: Branch,
  ): { value: AnswerValue; note: string } {
    if (item.kind === 'check') return { value: { kind: 'check', ok: true }, note: '' };
    if (item.kind === 'yesno') {
      if (childNight && item.okAnswer === 'no')
        return {
          value: { kind: 'yesno', answer: 'yes' },
          note: 'A girl of about 9 waiting for her father: see the exception.',
        };
      return { value: { kind: 'yesno', answer: item.okAnswer }, note: '' };
    }
    if (item.kind === 'count') {
      if (childNight && item.zoneName?.startsWith('Restrooms')) {
        return {
          value: { kind: 'count', count: 1 },
          note: 'A patron asleep in the last stall; woken and walked to the door.',
        };
      }
      return { value: { kind: 'count', count: item.expectedCount }, note: '' };
    }
    return {
      value: { kind: 'note' },
      note: random() < 0.2 ? HANDOVER[Math.floor(random() * HANDOVER.length)]!.replace('{branch}', b.name) : '',
    };
  }
}

const OBSERVATIONS = [
  'Wet patch under the water fountain; told facilities.',
  'A patron asleep in an armchair; woke them gently, all fine.',
  'Bike locked to the handrail by the ramp.',
  'Flickering light over the back aisle.',
];

const HANDOVER = [
  'Copier on the second floor jammed; sign left on it.',
  'Lost-and-found: a blue umbrella at the desk.',
  'Side-door closer is slow; facilities ticket open.',
];

function localClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(ms),
  );
}
