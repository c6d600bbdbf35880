import { ManualClock } from '../clock';
import { callsService, type CallPorts } from '../calls';
import { evacuationService, type EvacuationPorts } from '../evacuation';
import type { Kernel } from '../kernel';
import type { CallNature, CallOutcome, CallPriority, NamedPerson } from '../../shared/contract/calls';
import { atLocal, prng } from './incidents';

const DAYS = 28;
const MINUTE = 60_000;

/** Where each demo branch gathers, and who usually sweeps which zone. */
const PLANS: Record<string, { assemblyPoint: string; sweepers: Record<string, string> }> = {
  MAIN: {
    assemblyPoint: 'Across Main Street, on the west sidewalk in front of the bank',
    sweepers: {
      "Children's Room": "Children's librarian",
      'Computer Lab': 'Reference desk',
      'Reading Room': 'Reference desk',
      'Restrooms, 2nd floor': 'Security (floor walker)',
      Lobby: 'Circulation desk',
      'Circulation Desk': 'Circulation desk',
    },
  },
  NORTH: { assemblyPoint: 'Kane Street sidewalk, by the bus shelter', sweepers: { 'Teen Space': 'Teen librarian' } },
  SOUTH: { assemblyPoint: 'Far end of the parking lot, by light pole A', sweepers: { 'Meeting Room': 'Room host' } },
};

const CALLERS = [
  "Maria at the children's desk",
  'Tom at circulation',
  'Reference desk',
  'Ray from facilities',
  'Jess at the teen desk',
  'Circulation supervisor',
];

interface Scenario {
  nature: CallNature;
  weight: number;
  details: string[];
  outcomes: CallOutcome[];
}

const SCENARIOS: Scenario[] = [
  {
    nature: 'disturbance',
    weight: 34,
    details: [
      'Two patrons arguing loudly over a computer',
      'Patron shouting at staff about a fine',
      'Group of teens being loud and throwing paper',
      'Patron playing music out loud, refuses headphones',
    ],
    outcomes: ['resolved', 'resolved', 'patron-left', 'patron-left', 'police-took-over'],
  },
  {
    nature: 'patron-help',
    weight: 24,
    details: [
      'Older patron confused, cannot find the way out',
      'Child separated from a parent',
      'Patron locked out of the restroom',
      'Patron asks for help with someone following them',
    ],
    outcomes: ['resolved', 'resolved', 'referred', 'no-action'],
  },
  {
    nature: 'medical',
    weight: 10,
    details: ['Patron feels faint near the stairs', 'Patron fell on the wet entrance floor', 'Nosebleed, child'],
    outcomes: ['resolved', 'referred'],
  },
  {
    nature: 'suspicious',
    weight: 12,
    details: ['Unattended backpack by the study tables', 'Man looking into parked cars', 'Patron filming children'],
    outcomes: ['no-action', 'resolved', 'patron-left', 'police-took-over'],
  },
  {
    nature: 'facility',
    weight: 14,
    details: ['Water on the floor under the drinking fountain', 'Restroom flooding', 'Door alarm sounding'],
    outcomes: ['referred', 'resolved'],
  },
  {
    nature: 'other',
    weight: 6,
    details: ['Lost wallet handed in', 'Bird inside the building'],
    outcomes: ['resolved'],
  },
];

export interface DemoCallsDeps {
  kernel: Kernel;
  calls: CallPorts;
  evacuation: EvacuationPorts;
}

/**
 * Four weeks of staff calls across the demo branches with realistic response times
 * (urgent calls answered faster, a few slow evenings), each stepped through the real
 * service at its own past moment; the branches' evacuation plans; and one past drill.
 */
export function seedDemoCalls(deps: DemoCallsDeps): number {
  const random = prng(20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const clock = new ManualClock(deps.kernel.clock.ms());
  const kernel = { ...deps.kernel, clock };
  const calls = callsService(kernel, deps.calls);
  const evacuations = evacuationService(kernel, deps.evacuation);
  const staff = deps.calls.staff.list();
  const officer = staff.find((s) => s.role === 'officer')!;
  const supervisor = staff.find((s) => s.role === 'supervisor')!;
  const admin = staff.find((s) => s.role === 'admin')!;
  const branches = deps.calls.branches.list();
  const today = deps.kernel.clock.now();

  for (const branch of branches) {
    const plan = PLANS[branch.code];
    if (!plan) continue;
    const order = [...branch.zones].sort((a, b) => zoneRank(a) - zoneRank(b));
    evacuations.plans.save(
      {
        branchId: branch.id,
        assemblyPoint: plan.assemblyPoint,
        sweepTargetMinutes: 3,
        zones: order.map((z) => ({ zoneId: z.id, assignee: plan.sweepers[z.name] ?? '' })),
      },
      admin.id,
    );
  }

  const totalWeight = SCENARIOS.reduce((n, s) => n + s.weight, 0);
  const scenario = () => {
    let w = random() * totalWeight;
    for (const s of SCENARIOS) if ((w -= s.weight) < 0) return s;
    return SCENARIOS[0]!;
  };
  let logged = 0;
  for (let daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
    const day = new Date(today.getTime() - daysAgo * 24 * 3_600_000);
    for (const branch of branches) {
      const count = branch.code === 'MAIN' ? 1 + Math.floor(random() * 4) : Math.floor(random() * 3);
      for (let n = 0; n < count; n++) {
        const s = scenario();
        const priority: CallPriority =
          s.nature === 'medical' || (s.nature === 'disturbance' && random() < 0.3)
            ? 'urgent'
            : s.nature === 'other' || (s.nature === 'facility' && random() < 0.5)
              ? 'low'
              : 'normal';
        // A busy evening now and then: everything takes longer.
        const slow = random() < 0.12 ? 2.5 : 1;
        const received = atLocal(day, 14 + Math.floor(random() * 7), Math.floor(random() * 60), branch.timeZone);
        const dispatch =
          slow *
          (priority === 'urgent' ? between(15, 80) : priority === 'normal' ? between(30, 240) : between(90, 600));
        const travel = slow * between(50, priority === 'urgent' ? 150 : 300);
        const handled = between(3, s.nature === 'medical' ? 45 : 25) * MINUTE;
        const caller: NamedPerson =
          random() < 0.35 ? { staffId: supervisor.id, name: supervisor.name } : { staffId: null, name: pick(CALLERS) };
        const responder: NamedPerson =
          random() < 0.8
            ? { staffId: officer.id, name: officer.name }
            : { staffId: supervisor.id, name: supervisor.name };
        const zone = pick(branch.zones);

        clock.set(received);
        const call = calls.create(
          {
            branchId: branch.id,
            zoneId: zone.id,
            caller,
            channel: pick(['phone', 'phone', 'radio', 'radio', 'desk'] as const),
            nature: s.nature,
            priority,
            detail: pick(s.details),
          },
          officer.id,
        );
        clock.advance(dispatch * 1000);
        calls.step(call.id, { step: 'responding', responders: [responder], note: '' }, officer.id);
        const outcome = pick(s.outcomes);
        if (outcome === 'police-took-over') {
          clock.advance(60_000);
          calls.recordAgency(
            call.id,
            {
              kind: 'police',
              name: 'City Police Department',
              calledAt: clock.now().toISOString(),
              arrivedAt: null,
              caseNumber: '',
            },
            officer.id,
          );
        }
        // A few calls are cleared by radio before anyone reaches the spot.
        if (random() > 0.06) {
          clock.advance(travel * 1000);
          calls.step(call.id, { step: 'on-scene', responders: [], note: '' }, officer.id);
        }
        clock.advance(handled);
        calls.step(call.id, { step: 'cleared', responders: [], outcome, note: outcomeNote(outcome) }, officer.id);
        logged++;
      }
    }
  }
  seedDrill(
    evacuations,
    branches.find((b) => b.code === 'MAIN'),
    { clock, today, staff: { supervisor, officer } },
  );
  return logged;
}

const outcomeNote = (o: CallOutcome) =>
  ({
    resolved: 'Spoke with those involved; settled.',
    'patron-left': 'Patron left the building on their own.',
    'police-took-over': 'Police arrived and took over.',
    referred: 'Referred to the branch manager.',
    'no-action': 'Checked; nothing needed.',
  })[o];

/** Interior zones first, by floor from the top down; outside zones last. */
const zoneRank = (z: { kind: string; floor: string }) => (z.kind === 'exterior' ? 100 : -Number(z.floor || 0));

/** One past drill at Main: started mid-morning ten days ago, swept in about five minutes, all clear at nine. */
function seedDrill(
  evacuations: ReturnType<typeof evacuationService>,
  branch: { id: string; timeZone: string } | undefined,
  o: { clock: ManualClock; today: Date; staff: { supervisor: { id: string }; officer: { id: string } } },
): void {
  if (!branch) return;
  const { clock } = o;
  const start = atLocal(new Date(o.today.getTime() - 10 * 24 * 3_600_000), 10, 30, branch.timeZone);
  clock.set(start);
  const by = o.staff.supervisor.id;
  const drill = evacuations.start(branch.id, 'drill', 'Scheduled fire drill, announced to staff the week before', by);
  const sweptAt = [75, 110, 140, 165, 200, 230, 265, 290];
  drill.zones.forEach((z, i) => {
    clock.set(start.getTime() + (sweptAt[i] ?? 300 + i * 20) * 1000);
    evacuations.record(drill.id, { kind: 'sweep', zoneId: z.zoneId, result: 'clear', by: z.assignee, note: '' }, by);
  });
  clock.set(start.getTime() + 360_000);
  evacuations.record(
    drill.id,
    {
      kind: 'headcount',
      staff: [
        { staffId: o.staff.supervisor.id, status: 'accounted' },
        { staffId: o.staff.officer.id, status: 'accounted' },
      ],
      patrons: 31,
      visitors: 4,
      note: 'Counted at the assembly point by the bank',
    },
    by,
  );
  clock.set(start.getTime() + 420_000);
  evacuations.record(
    drill.id,
    { kind: 'note', text: 'Restrooms on the 2nd floor were slow: the door sign was not seen. Add a strobe.' },
    by,
  );
  clock.set(start.getTime() + 540_000);
  evacuations.allClear(drill.id, 'Sam Supervisor, drill coordinator', [], by);
}
