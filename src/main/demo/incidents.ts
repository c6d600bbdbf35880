import { z } from 'zod';
import scenariosJson from '../../../resources/demo/incidents.json';
import { ManualClock } from '../clock';
import { incidentsService, type IncidentsDeps } from '../incidents';
import { parseContent } from '../incidents/incidents.validate';
import type { Kernel } from '../kernel';
import { personInput, type PersonsService } from '../people/persons.service';
import type { BranchesService } from '../branches/branches.service';
import type { GuidelinesService } from '../guidelines/guidelines.service';
import type { StaffService } from '../staff/staff.service';
import { DraftContent, PERSON_ROLES, type PersonInvolved } from '../../shared/contract/incidents';
import { SEXES } from '../../shared/contract/people';

const Described = z.object({
  role: z.enum(PERSON_ROLES),
  name: z.string(),
  sex: z.enum(SEXES),
  ageEstimate: z.string(),
  height: z.string(),
  build: z.string(),
  hair: z.string(),
  clothing: z.string(),
  marks: z.string(),
});
const Scenarios = z.object({
  persons: z.array(Described.omit({ role: true, clothing: true })),
  scenarios: z.array(
    z.object({
      rules: z.array(z.string()),
      severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      summary: z.string(),
      narrative: z.string(),
      actions: z.string(),
      police: z.boolean().optional(),
      ems: z.boolean().optional(),
      injuries: z.string().optional(),
      damage: z.string().optional(),
      assistance: z.string().optional(),
      persons: z.array(z.union([Described, z.object({ role: z.enum(PERSON_ROLES), personRef: z.number().int() })])),
    }),
  ),
});
const data = Scenarios.parse(scenariosJson);

const DAYS = 24;
/** A reviewer's request and the sentence the reporter adds in the amendment. */
const RETURNS: [string, string][] = [
  ['Please add what time the patron left and which door they used.', 'The patron left by the main entrance at about'],
  ['Please say whether the evening supervisor was told, and when.', 'I told the evening supervisor by phone at about'],
  ['Please add when you checked the area again afterwards.', 'I checked the area again on the next round at about'],
];
const localClock = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(d);
const HOUR = 3_600_000;

/** mulberry32: a small seeded PRNG, so every demo desk gets the same reports. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The UTC instant of a wall-clock time in a time zone (the demo's evenings are local evenings). */
export function atLocal(day: Date, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return new Date(guess - (wall - guess));
}

export interface DemoIncidentDeps {
  kernel: Kernel;
  ports: IncidentsDeps & { staff: StaffService; branches: BranchesService; guidelines: GuidelinesService };
  people: PersonsService;
}

/**
 * Seeds a few weeks of evening-desk reports across the demo branches, through the
 * real service (numbers, journal, reviews), each filed at its own past moment.
 * Most are approved; some were returned and amended; the last days wait for review.
 */
export function seedDemoIncidents(deps: DemoIncidentDeps): number {
  const random = prng(20261128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // The reports are filed through the real service, on a clock of their own set to each past moment.
  const clock = new ManualClock(deps.kernel.clock.ms());
  const incidents = incidentsService({ ...deps.kernel, clock }, deps.ports);
  const staff = deps.ports.staff.list();
  const officer = staff.find((s) => s.role === 'officer')!;
  const supervisor = staff.find((s) => s.role === 'supervisor')!;
  const admin = staff.find((s) => s.role === 'admin')!;
  const rules = new Map(deps.ports.guidelines.list().map((r) => [r.code, r.id]));
  const known = data.persons.map((p) => deps.people.add(personInput(p), officer.id));
  const branches = deps.ports.branches.list();
  const today = deps.kernel.clock.now();
  let filed = 0;

  for (let daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
    const day = new Date(today.getTime() - daysAgo * 24 * HOUR);
    for (const branch of branches) {
      const count = branch.code === 'MAIN' ? 1 + Math.floor(random() * 2) : random() < 0.5 ? 1 : 0;
      for (let n = 0; n < count; n++) {
        const s = pick(data.scenarios);
        const zone = pick(branch.zones);
        const start = atLocal(day, 15 + Math.floor(random() * 6), Math.floor(random() * 60), branch.timeZone);
        const end = new Date(start.getTime() + (5 + Math.floor(random() * 40)) * 60_000);
        const reporter = random() < 0.8 ? officer : supervisor;
        const persons = s.persons.map((p): PersonInvolved => {
          if (!('personRef' in p)) return { ...p, personId: null };
          const k = known[p.personRef]!;
          return {
            role: p.role,
            personId: k.id,
            name: k.name,
            sex: k.sex,
            ageEstimate: k.ageEstimate,
            height: k.height,
            build: k.build,
            hair: k.hair,
            marks: k.marks,
            clothing: '',
          };
        });
        const minutes = (m: number) => new Date(start.getTime() + m * 60_000).toISOString();
        const content = DraftContent.parse({
          branchId: branch.id,
          zoneId: zone.id,
          occurredFrom: start.toISOString(),
          occurredTo: end.toISOString(),
          ruleIds: s.rules.map((code) => rules.get(code)!),
          severity: s.severity,
          summary: s.summary.replace('{zone}', zone.name),
          narrative: s.narrative.replace('{zone}', zone.name),
          actions: s.actions,
          persons,
          police: s.police
            ? {
                agency: 'City Police Department',
                calledAt: minutes(6),
                arrivedAt: minutes(19),
                officerName: pick(['Officer R. Lindqvist', 'Officer T. Okafor', 'Sgt. M. Delgado']),
                badge: String(1000 + Math.floor(random() * 9000)),
                caseNumber: `26-0${10000 + Math.floor(random() * 89999)}`,
              }
            : null,
          emergency: s.ems ? { kind: 'ems', agency: 'County EMS', calledAt: minutes(3), arrivedAt: minutes(11) } : null,
          injuries: s.injuries ?? '',
          propertyDamage: s.damage ?? '',
          staffAssistance: s.assistance ?? '',
        });
        clock.set(end.getTime() + 20 * 60_000);
        const draft = incidents.createDraft(content, reporter.id);
        const { id } = incidents.submit(draft.id, reporter.id);
        filed++;
        if (daysAgo <= 2) continue; // still waiting for review
        const reviewer = reporter.id === supervisor.id ? admin : supervisor;
        clock.advance(14 * HOUR);
        if (random() < 0.2) {
          const [comment, addition] = pick(RETURNS);
          incidents.review(id, 1, 'return', comment, reviewer.id);
          if (random() < 0.3) continue; // still with its reporter
          clock.advance(3 * HOUR);
          const narrative = `${content.narrative} ${addition} ${localClock(end, branch.timeZone)}.`;
          const reason = 'Added what the reviewer asked for.';
          incidents.amend(id, 1, reason, parseContent({ ...content, narrative }, clock.ms()), reporter.id);
          clock.advance(2 * HOUR);
          incidents.review(id, 2, 'approve', '', reviewer.id);
        } else {
          incidents.review(id, 1, 'approve', '', reviewer.id);
          if (daysAgo > 14 && random() < 0.3) incidents.close(id, 'No further action.', reviewer.id);
        }
      }
    }
  }
  return filed;
}
