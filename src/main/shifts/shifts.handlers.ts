import type { HandlerTable } from '../rpc/handler';
import type { EntriesService } from './entries.service';
import type { EntryDraftsService } from './entry-drafts.service';
import type { ShiftsService } from './shifts.service';

type ShiftMethods =
  | 'shifts.now'
  | 'shifts.start'
  | 'shifts.endCheck'
  | 'shifts.end'
  | 'shifts.history'
  | 'shifts.log'
  | 'shifts.entry'
  | 'shifts.addEntry'
  | 'shifts.correctEntry'
  | 'shifts.callbackDone'
  | 'shifts.callbacks'
  | 'shifts.passOn'
  | 'shifts.acknowledge'
  | 'shifts.draft'
  | 'shifts.saveDraft'
  | 'shifts.discardDraft';

export const shiftsHandlers = (
  shifts: ShiftsService,
  entries: EntriesService,
  drafts: EntryDraftsService,
): HandlerTable<ShiftMethods> => ({
  'shifts.now': (_input, ctx) => shifts.now(ctx.staffId),
  'shifts.start': ({ branchId }, ctx) => shifts.start(branchId, ctx.staffId),
  'shifts.endCheck': ({ shiftId }) => shifts.endCheck(shiftId),
  'shifts.end': ({ shiftId, note }, ctx) => shifts.end(shiftId, note, ctx.staffId),
  'shifts.history': ({ branchId, from, to }) => shifts.history(branchId, from, to),
  'shifts.log': ({ branchId, date }, ctx) => entries.log(branchId, date, ctx.staffId),
  'shifts.entry': ({ id }, ctx) => entries.entry(id, ctx.staffId),
  'shifts.addEntry': (input, ctx) => entries.add(input, ctx.staffId),
  'shifts.correctEntry': ({ id, ...input }, ctx) => entries.correct(id, input, ctx.staffId),
  'shifts.callbackDone': ({ id, note }, ctx) => entries.callbackDone(id, note, ctx.staffId),
  'shifts.callbacks': (_input, ctx) => entries.callbacks(ctx.staffId),
  'shifts.passOn': (_input, ctx) => entries.passOn(ctx.staffId),
  'shifts.acknowledge': ({ id }, ctx) => entries.acknowledge(id, ctx.staffId),
  'shifts.draft': (_input, ctx) => drafts.get(ctx.staffId),
  'shifts.saveDraft': ({ revision, content }, ctx) => drafts.save(revision, content, ctx.staffId),
  'shifts.discardDraft': (_input, ctx) => drafts.discard(ctx.staffId),
});
