import { z } from 'zod';
import { admins } from '../roles';
import { method } from './define';
import { NoInput } from './common';

/**
 * Every kind of journal entry, one per change a record can go through. A service
 * appends only these (db/journal.ts takes a JournalKind), so a replaying desk knows
 * the whole list; a new domain adds its kinds here.
 */
export const JOURNAL_KINDS = [
  'staff.created',
  'staff.roleChanged',
  'staff.passphraseReset',
  'staff.deactivated',
  'staff.reactivated',
  'branch.added',
  'branch.updated',
  'branch.retired',
  'branch.restored',
  'branch.hoursChanged',
  'zone.added',
  'zone.updated',
  'zone.retired',
  'zone.restored',
  'settings.updated',
  'camera.added',
  'camera.updated',
  'camera.enabled',
  'camera.disabled',
  'camera.removed',
  'camera.imported',
  'snapshot.taken',
  'attachment.added',
  'guideline.added',
  'guideline.edited',
  'guideline.retired',
  'guideline.restored',
  'person.added',
  'person.updated',
  'person.photoAdded',
  'person.photoRemoved',
  'person.merged',
  'person.seen',
  'policy.updated',
  'ban.issued',
  'ban.approved',
  'ban.lifted',
  'ban.noticeDelivered',
  'ban.appealReceived',
  'ban.hearingScheduled',
  'ban.appealDecided',
  'ban.meetingScheduled',
  'ban.meetingHeld',
  'incident.submitted',
  'incident.amended',
  'incident.reviewed',
  'incident.closed',
  'call.received',
  'call.stepped',
  'call.stepCorrected',
  'call.detailsCorrected',
  'call.agencyRecorded',
  'call.incidentLinked',
  'calls.alertSettingsUpdated',
  'evacuation.started',
  'evacuation.recorded',
  'evacuation.allClear',
  'evacuation.planUpdated',
  'closing.templateSaved',
  'closing.policySaved',
  'closing.runStarted',
  'closing.itemAnswered',
  'closing.exceptionOpened',
  'closing.exceptionStep',
  'closing.incidentLinked',
  'closing.signed',
  'closing.abandoned',
  'route.saved',
  'route.retired',
  'route.restored',
  'round.started',
  'round.checkpointVisited',
  'round.checkpointSkipped',
  'round.observation',
  'round.incidentLinked',
  'round.ended',
  'clip.cut',
  'bookmark.added',
  'bookmark.updated',
  'bookmark.removed',
  'recording.configured',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export const VerifyReport = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number() }),
  z.object({
    ok: z.literal(false),
    entries: z.number(),
    /** Position (1-based) and id of the first entry that does not verify, and why. */
    firstBroken: z.object({ seq: z.number(), id: z.string(), reason: z.string() }),
  }),
]);
export type VerifyReport = z.infer<typeof VerifyReport>;

export const journalContract = {
  'journal.verify': method({
    summary: 'Walk the journal’s hash chain and name the first broken entry.',
    input: NoInput,
    output: VerifyReport,
    access: admins,
  }),
} as const;
