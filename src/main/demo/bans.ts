import { z } from 'zod';
import personsJson from '../../../resources/demo/persons.json';
import type { AttachmentsService } from '../attachments/attachments.service';
import { createBans } from '../bans';
import type { BanPorts } from '../bans/ports';
import { ManualClock } from '../clock';
import { incidentsService, type IncidentsDeps } from '../incidents';
import type { DeskKernel } from '../kernel';
import { personInput, type PersonsService } from '../people/persons.service';
import type { StaffService } from '../staff/staff.service';
import { BAN_STATUSES, type Step } from '../../shared/contract/bans';
import { DraftContent } from '../../shared/contract/incident-fields';
import { SEXES } from '../../shared/contract/people';
import { atWallClock, localDate } from '../zoned';
import { portraitPng } from './portrait';

const DemoPerson = z.object({
  name: z.string(),
  unknown: z.boolean().default(false),
  aliases: z.array(z.string()),
  description: z.string().default(''),
  sex: z.enum(SEXES),
  ageEstimate: z.string(),
  height: z.string(),
  build: z.string(),
  hair: z.string(),
  marks: z.string(),
  birthDate: z.string().nullable(),
  cardNumber: z.string().nullable(),
  guardianName: z.string().default(''),
  guardianContact: z.string().default(''),
  colour: z.tuple([z.number(), z.number(), z.number()]),
  ban: z.enum(BAN_STATUSES),
  rule: z.string(),
});
const data = z.object({ persons: z.array(DemoPerson) }).parse(personsJson);

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface DemoBanDeps {
  kernel: DeskKernel;
  incidentPorts: IncidentsDeps;
  banPorts: BanPorts;
  people: PersonsService;
  attachments: AttachmentsService;
  staff: StaffService;
}

/** How each demo person's ban comes to be in the status their line names, in days before today. */
interface Plan {
  incidentDaysAgo: number;
  step: Step;
  startsInDays?: number;
  meeting?: boolean;
}

const PLANS: Record<(typeof BAN_STATUSES)[number], Plan> = {
  active: { incidentDaysAgo: 12, step: { kind: 'days', days: 30 } },
  awaitingReinstatement: { incidentDaysAgo: 40, step: { kind: 'days', days: 30 }, meeting: true },
  underAppeal: { incidentDaysAgo: 6, step: { kind: 'days', days: 90 } },
  pendingApproval: { incidentDaysAgo: 1, step: { kind: 'days', days: 30 } },
  scheduled: { incidentDaysAgo: 1, step: { kind: 'days', days: 30 }, startsInDays: 3 },
  ended: { incidentDaysAgo: 15, step: { kind: 'day' } },
  lifted: { incidentDaysAgo: 10, step: { kind: 'days', days: 7 } },
  warning: { incidentDaysAgo: 5, step: { kind: 'warning' } },
};

/**
 * The training desk's persons (with synthetic portraits) and a ban in every status,
 * each resting on a report and made through the real services on a clock of its own:
 * approvals, notices delivered, an appeal with its hearing, and a meeting this week.
 */
export function seedDemoBans(deps: DemoBanDeps): void {
  const now = deps.kernel.clock.ms();
  const clock = new ManualClock(now);
  const k = { ...deps.kernel, clock };
  const incidents = incidentsService(k, deps.incidentPorts);
  const bans = createBans(k, deps.banPorts, { register: () => undefined });
  const staff = deps.staff.list();
  const officer = staff.find((s) => s.role === 'officer')!;
  const supervisor = staff.find((s) => s.role === 'supervisor')!;
  const admin = staff.find((s) => s.role === 'admin')!;
  const branch =
    deps.incidentPorts.branches.list().find((b) => b.code === 'MAIN') ?? deps.incidentPorts.branches.list()[0]!;

  // Meetings and hearings at a time a manager would book, in the branch's own day.
  const atHour = (ms: number, time: string) =>
    atWallClock(localDate(new Date(ms), branch.timeZone), time, branch.timeZone).toISOString();

  for (const p of data.persons) {
    const { colour, ban: status, rule, ...fields } = p;
    const person = deps.people.add(personInput(fields), supervisor.id);
    const photo = deps.attachments.addImage(
      { dataBase64: portraitPng(colour).toString('base64'), takenAt: null },
      officer.id,
    );
    deps.people.addPhoto(person.id, photo.id, officer.id);

    const plan = PLANS[status];
    clock.set(now - plan.incidentDaysAgo * DAY);
    const ruleId = deps.banPorts.guidelines.list().find((r) => r.code === rule)!.id;
    const zone = branch.zones[Math.abs(hash(p.name)) % branch.zones.length]!;
    const draft = incidents.createDraft(
      DraftContent.parse({
        branchId: branch.id,
        zoneId: zone.id,
        occurredFrom: new Date(clock.ms() - HOUR).toISOString(),
        ruleIds: [ruleId],
        severity: rule === 'B-03' ? 3 : 2,
        summary: `${person.name}: ${rule} in ${zone.name}`,
        narrative: `${person.name} was asked to stop and did not; staff called the desk, who came to ${zone.name}.`,
        actions: 'Spoke with the patron and explained the guidelines.',
        persons: [
          { role: 'subject', personId: person.id, name: person.name, sex: person.sex, ageEstimate: person.ageEstimate },
        ],
      }),
      officer.id,
    );
    const filed = incidents.submit(draft.id, officer.id);
    clock.advance(HOUR);
    const proposal = bans.service.propose(person.id, filed.id, officer.id);
    const differs = JSON.stringify(proposal.step) !== JSON.stringify(plan.step);
    const ban = bans.service.issue(
      {
        personId: person.id,
        incidentIds: [filed.id],
        step: plan.step,
        overrideReason: differs ? 'Staff were threatened; the branch manager asked for a longer suspension.' : '',
        allBranches: proposal.systemWide,
        branchIds: [branch.id],
        // One suspension of a service only, so the desk sees that a ban is not always the building.
        privileges: status === 'lifted' ? ['computers'] : ['building'],
        startsAt: plan.startsInDays ? new Date(now + plan.startsInDays * DAY).toISOString() : undefined,
        meetingRequired: plan.meeting,
      },
      officer.id,
    );
    if (status === 'warning' || status === 'ended') continue;
    if (ban.status === 'pendingApproval' && status !== 'pendingApproval') {
      clock.advance(2 * HOUR);
      bans.service.approve(ban.id, supervisor.id);
    }
    if (status === 'pendingApproval') continue;
    clock.advance(HOUR);
    bans.process.recordDelivery(
      {
        id: ban.id,
        recipient: 'person',
        method: p.unknown ? 'posted' : 'inPerson',
        deliveredAt: new Date(clock.ms()).toISOString(),
        signed: p.unknown ? null : status !== 'underAppeal',
        postedOn: p.unknown ? new Date(clock.ms()).toISOString().slice(0, 10) : null,
        note: '',
      },
      officer.id,
    );
    if (status === 'lifted') {
      clock.advance(2 * DAY);
      bans.service.lift(ban.id, 'A misunderstanding: staff confused her with another patron.', true, admin.id);
    }
    if (status === 'underAppeal') {
      clock.set(now - 2 * DAY);
      bans.process.recordAppeal(
        { id: ban.id, receivedAt: new Date(clock.ms()).toISOString(), acceptLateReason: '' },
        officer.id,
      );
      const appealId = bans.process.appealIdOf(ban.id)!;
      bans.process.scheduleHearing(
        {
          appealId,
          at: atHour(now + 3 * DAY, '15:30'),
          place: 'Main Library, director’s office',
          attendees: 'Library director, branch manager',
        },
        supervisor.id,
      );
    }
    if (status === 'awaitingReinstatement') {
      clock.set(now - DAY);
      bans.process.scheduleMeeting(
        {
          id: ban.id,
          at: atHour(now + 2 * DAY, '14:00'),
          place: 'Main Library, manager’s office',
          withWhom: 'Branch manager',
        },
        supervisor.id,
      );
    }
  }
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
