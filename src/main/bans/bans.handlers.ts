import type { HandlerTable } from '../rpc/handler';
import { mediaBase } from '../rpc/sessions';
import type { BansService } from './bans.service';
import type { BanDesk } from './desk.service';
import type { BanProcess } from './process.service';

type BanMethods =
  | 'bans.policy'
  | 'bans.updatePolicy'
  | 'bans.propose'
  | 'bans.issue'
  | 'bans.approve'
  | 'bans.lift'
  | 'bans.get'
  | 'bans.list'
  | 'bans.todo'
  | 'bans.noticePdf'
  | 'bans.recordDelivery'
  | 'bans.recordAppeal'
  | 'bans.scheduleHearing'
  | 'bans.decideAppeal'
  | 'bans.decisionLetterPdf'
  | 'bans.scheduleMeeting'
  | 'bans.meetingHeld'
  | 'desk.check'
  | 'bans.forPerson'
  | 'bans.personSeen';

export const bansHandlers = (bans: BansService, process: BanProcess, desk: BanDesk): HandlerTable<BanMethods> => ({
  'bans.policy': () => bans.policy(),
  'bans.updatePolicy': ({ body }, ctx) => bans.updatePolicy(body, ctx.staffId),
  'bans.propose': ({ personId, incidentId }, ctx) => bans.propose(personId, incidentId, ctx.staffId),
  'bans.issue': (input, ctx) => bans.issue(input, ctx.staffId),
  'bans.approve': ({ id }, ctx) => bans.approve(id, ctx.staffId),
  'bans.lift': ({ id, reason, rescind }, ctx) => bans.lift(id, reason, rescind, ctx.staffId),
  'bans.get': ({ id }, ctx) => bans.get(id, ctx.staffId),
  'bans.list': (input, ctx) => bans.list(input, ctx.staffId),
  'bans.todo': (_input, ctx) => desk.todoFor(ctx.staffId),
  'bans.noticePdf': ({ id, recipient, disclose }, ctx) => process.noticePdf(id, recipient, disclose, ctx.staffId),
  'bans.recordDelivery': (input, ctx) => process.recordDelivery(input, ctx.staffId),
  'bans.recordAppeal': (input, ctx) => process.recordAppeal(input, ctx.staffId),
  'bans.scheduleHearing': (input, ctx) => process.scheduleHearing(input, ctx.staffId),
  'bans.decideAppeal': (input, ctx) => process.decideAppeal(input, ctx.staffId),
  'bans.decisionLetterPdf': ({ appealId, disclose }, ctx) => process.decisionLetterPdf(appealId, disclose, ctx.staffId),
  'bans.scheduleMeeting': (input, ctx) => process.scheduleMeeting(input, ctx.staffId),
  'bans.meetingHeld': (input, ctx) => process.meetingHeld(input, ctx.staffId),
  'desk.check': ({ text, limit }, ctx) => ({
    results: desk.check(text, limit, ctx.staffId),
    mediaBase: mediaBase(ctx.session),
  }),
  'bans.forPerson': ({ personId }, ctx) => bans.forPerson(personId, ctx.staffId),
  'bans.personSeen': ({ personId, branchId }, ctx) => desk.personSeen(personId, branchId, ctx.staffId),
});
