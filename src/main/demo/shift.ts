import { ManualClock } from '../clock';
import { communityService } from '../community';
import { originDesk } from '../db/desk';
import { Journal } from '../db/journal';
import { DomainEvents } from '../events';
import type { Kernel } from '../kernel';
import { shiftServices, type ShiftDeps } from '../shifts';
import type { ResourceInput } from '../community/community.service';
import type { EntryInput } from '../shifts/entries.service';
import { addDays, localDate, zonedInstant } from '../../shared/opening-hours';
import { prng } from './incidents';

const DAYS = 21;
const MIN = 60_000;

/** A small directory of the kind a branch keeps by the desk phone (numbers in the 555-01xx range). */
const DIRECTORY: ResourceInput[] = [
  {
    name: 'Harbor House Shelter',
    kind: 'shelter',
    phone: '608-555-0100',
    address: '12 Lake St',
    hours: 'Check-in 6 pm to 9 pm every night',
    notes: 'Adults; families go to Bridge Family Center. Bring ID if you have one, not required.',
    languages: ['English', 'Spanish'],
  },
  {
    name: 'Bridge Family Center',
    kind: 'shelter',
    phone: '608-555-0107',
    address: '400 Park Ave',
    hours: 'Open all day, every day',
    notes: 'Families with children.',
    languages: ['English', 'Spanish', 'Hmong'],
  },
  {
    name: '988 Suicide & Crisis Lifeline',
    kind: 'crisis-line',
    phone: '988',
    address: '',
    hours: 'Call or text, any time',
    notes: 'Free and private.',
    languages: ['English', 'Spanish'],
  },
  {
    name: 'County Mental Health Crisis Team',
    kind: 'mental-health',
    phone: '608-555-0122',
    address: '1202 Northport Dr',
    hours: 'Any time',
    notes: 'Will come to the library when asked.',
    languages: ['English'],
  },
  {
    name: 'St. Vincent Community Meals',
    kind: 'meals',
    phone: '608-555-0131',
    address: '88 Willow St',
    hours: 'Lunch 11:30 to 1, supper 5 to 6:30, Mon to Sat',
    notes: 'No sign-up needed.',
    languages: ['English'],
  },
  {
    name: 'Recovery Connection Line',
    kind: 'substance-use',
    phone: '608-555-0145',
    address: '',
    hours: '8 am to midnight',
    notes: 'Someone in recovery answers. Can arrange a ride to treatment.',
    languages: ['English', 'Spanish'],
  },
  {
    name: 'Youth Drop-In Center',
    kind: 'youth',
    phone: '608-555-0158',
    address: '35 State St',
    hours: '3 pm to 9 pm, Mon to Fri',
    notes: 'Ages 12 to 21: a meal, a shower, someone to talk to.',
    languages: ['English'],
  },
  {
    name: 'Safe Harbor Domestic Violence Hotline',
    kind: 'domestic-violence',
    phone: '608-555-0169',
    address: '',
    hours: 'Any time',
    notes: 'Confidential. Can arrange a safe place to stay tonight.',
    languages: ['English', 'Spanish', 'Arabic'],
  },
  {
    name: 'Legal Aid Society',
    kind: 'legal-aid',
    phone: '608-555-0173',
    address: '22 N Carroll St',
    hours: '9 am to 4 pm, Mon to Thu',
    notes: 'Housing, benefits, family law. Free for people on a low income.',
    languages: ['English', 'Spanish'],
  },
  {
    name: 'Access Community Health Clinic',
    kind: 'medical',
    phone: '608-555-0186',
    address: '2202 S Park St',
    hours: '8 am to 7 pm, Mon to Fri',
    notes: 'Walk-ins welcome; pay what you can.',
    languages: ['English', 'Spanish', 'Hmong'],
  },
];

const NOTES = [
  'Quiet evening; the study rooms were full until close.',
  'Printer in the computer lab jammed twice; reported to IT.',
  'Teen group by the graphic novels was loud; asked them to lower voices, they did.',
  'Patron asked for help finding a shelter bed; gave the directory card.',
  'Elevator out of service from 17:10 to 17:40; facilities came.',
  'Lost and found: one blue umbrella, one phone charger.',
];
const PASS_ON = [
  'The east door is sticking: push it firmly until facilities fixes it.',
  'A patron left a wallet at the desk; it is in the safe, logged in lost and found.',
  'Facilities will replace the lobby light on Thursday before opening.',
  'The Children’s Room restroom is out of order; sign is up.',
  'Police asked us to call if the man in the green coat returns; description in the incident report.',
];
const MESSAGES = [
  { from: 'Ms. Lee', text: 'Asks whether her umbrella was found.', number: '608-555-0134' },
  { from: 'Facilities (Ray)', text: 'Will come by about the elevator tomorrow morning.', number: '608-555-0190' },
  { from: 'Mr. Okafor', text: 'Wants to know the reinstatement meeting time.', number: '608-555-0142' },
  { from: 'Branch manager', text: 'Please leave the closing notes on her desk.', number: '' },
  { from: 'City Police (Officer Diaz)', text: 'Returning our call about the parking lot.', number: '608-555-0111' },
];

export interface DemoShiftDeps {
  kernel: Kernel;
  shifts: ShiftDeps;
  staff: { list(): { id: string; role: string }[] };
}

/**
 * Three weeks of evening shifts (until yesterday's) at the demo branches, each with its log: notes, phone
 * calls and voicemails (callbacks made, and one still waiting), notes passed on and
 * acknowledged by the next person; the community directory and referrals counted by
 * kind. Made through the real services on a clock of their own, in one transaction,
 * with an event bus of their own so nothing is mailed and no alert wakes meanwhile.
 */
export function seedDemoShift(deps: DemoShiftDeps): void {
  const { kernel } = deps;
  const now = kernel.clock.ms();
  const clock = new ManualClock(now - (DAYS + 1) * 86_400_000);
  const k: Kernel = {
    ...kernel,
    clock,
    journal: new Journal(kernel.db, originDesk(kernel.db), clock),
    events: new DomainEvents(kernel.log),
  };
  const { shifts, entries } = shiftServices(k, deps.shifts);
  const community = communityService(k, deps.shifts);
  const random = prng(20261213);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  kernel.db.transaction(() => {
    const people = deps.staff.list();
    const admin = people.find((s) => s.role === 'admin')!;
    const evening = [people.find((s) => s.role === 'officer')!, people.find((s) => s.role === 'supervisor')!];
    const resources = DIRECTORY.map((r) => community.save(undefined, undefined, r, admin.id));
    const branches = deps.shifts.branches.list().filter((b) => b.code === 'MAIN' || b.code === 'NORTH');
    const entry = (branchId: string, input: Partial<EntryInput>, by: string) =>
      entries.add(
        {
          branchId,
          kind: 'note',
          text: '',
          fromName: '',
          callbackNumber: '',
          callbackNeeded: false,
          links: [],
          ...input,
        },
        by,
      );
    for (const branch of branches) {
      const today = localDate(now, branch.timeZone);
      let passedOn: string[] = [];
      for (let daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
        const date = addDays(today, -daysAgo);
        const start = zonedInstant(date, '15:30', branch.timeZone);
        if (start >= now) continue;
        const who = evening[(daysAgo + (branch.code === 'MAIN' ? 0 : 1)) % 2]!;
        clock.set(start);
        const shift = shifts.start(branch.id, who.id);
        // The next person reads what the last one passed on, first thing.
        clock.advance(3 * MIN);
        for (const id of passedOn) entries.acknowledge(id, who.id);
        passedOn = [];
        const end = Math.min(start + 5 * 60 * MIN, now - 10 * MIN);
        const moments = 2 + Math.floor(random() * 4);
        for (let i = 0; i < moments; i++) {
          clock.set(start + 20 * MIN + Math.floor(((end - start - 40 * MIN) * (i + random())) / moments));
          if (clock.ms() >= end) break;
          const roll = random();
          if (roll < 0.4) entry(branch.id, { text: pick(NOTES) }, who.id);
          else if (roll < 0.75) {
            const m = pick(MESSAGES);
            const kind = random() < 0.5 ? 'voicemail' : 'phone';
            const made = entry(
              branch.id,
              {
                kind,
                fromName: m.from,
                text: m.text,
                callbackNumber: m.number,
                callbackNeeded: m.number !== '',
                at: new Date(clock.ms() - (kind === 'voicemail' ? 25 : 0) * MIN).toISOString(),
              },
              who.id,
            );
            // Callbacks are made within the hour, except on the latest evening: one still waits.
            if (made.callbackNeeded && daysAgo > 1) {
              clock.advance(Math.floor(10 + random() * 40) * MIN);
              entries.callbackDone(made.id, 'Called back; answered their question.', who.id);
            }
          } else {
            const chosen = [pick(resources), ...(random() < 0.4 ? [pick(resources)] : [])];
            community.refer(
              chosen.map((r) => r.id),
              branch.id,
              random() < 0.7,
              who.id,
            );
          }
        }
        if (random() < 0.6 || daysAgo === 1) {
          clock.set(end - 5 * MIN);
          passedOn.push(entry(branch.id, { kind: 'pass-on', text: pick(PASS_ON) }, who.id).id);
        }
        clock.set(end);
        shifts.end(shift.id, random() < 0.3 ? 'Handed over to the closing staff.' : '', who.id);
      }
    }
  })();
}
