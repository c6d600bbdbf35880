import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { CallOutcome, CallRecord, NamedPerson } from '../../shared/contract/calls';
import { STEP_NAMES } from '../../shared/call-words';
import type { Details } from './calls.repo';
import { currentRecords, parsePeople, timesOf } from './calls.record';
import { clockIn, laterStepTaken, STEP_WORDS } from './calls.rules';
import type { NewCall } from './calls.service';
import type { CallWriter } from './calls.writer';

/**
 * Corrections: a step's time, who responded, the outcome, or that a step did not
 * happen; and what the call was (zone, nature, priority, caller, detail). Each is a
 * new record with its reason: the original stays, and the journal has both.
 */

export interface Correction {
  stepId: string;
  at?: string | undefined;
  responders?: NamedPerson[] | undefined;
  outcome?: CallOutcome | undefined;
  note?: string | undefined;
  withdraw: boolean;
  reason: string;
}

export function correctStep(w: CallWriter, id: string, c: Correction, staffId: string): CallRecord {
  return w.change('call.stepCorrected', staffId, () => {
    const { timeZone, steps } = w.current(id);
    const current = currentRecords(steps);
    const target = steps.find((s) => s.id === c.stepId);
    if (!target) throw notFound('That step of the call');
    if (current.get(target.step)?.id !== target.id) {
      const latest = current.get(target.step)!;
      throw conflict(
        `${STEP_NAMES[target.step]} was corrected since, by ${w.nameOf(latest.recorded_by)} at ` +
          `${clockIn(latest.recorded_at, timeZone)}. Look at the call again before correcting it.`,
      );
    }
    if (!target.at) throw conflict(`${STEP_NAMES[target.step]} was withdrawn: record it again with its key.`);
    const times = timesOf(current);
    if (c.withdraw) {
      if (target.step === 'received') throw invalid('The call itself cannot be withdrawn: correct its time instead.');
      const later = laterStepTaken(times, target.step);
      if (later) {
        throw invalid(`Withdraw ${STEP_WORDS[later]} first: only the latest step can be withdrawn.`);
      }
    }
    const at = c.withdraw ? null : (c.at ?? target.at);
    const responders =
      target.step === 'responding' && !c.withdraw
        ? w.people(c.responders ?? parsePeople(target.responders))
        : parsePeople(target.responders);
    if (target.step === 'responding' && !c.withdraw && responders.length === 0) {
      throw invalid('Say who responded.', { responders: 'Choose who responded' });
    }
    const outcome = target.step === 'cleared' ? (c.outcome ?? target.outcome) : null;
    const note = target.step === 'cleared' ? (c.note ?? target.note) : '';
    const unchanged =
      at === target.at &&
      JSON.stringify(responders) === target.responders &&
      outcome === target.outcome &&
      note === target.note;
    if (unchanged) throw invalid('Nothing was changed: there is nothing to correct.');
    if (at) w.assertOrder({ ...times, [target.step]: at }, target.step, timeZone);
    w.repo.insertStep({
      id: uuidv7(),
      call_id: id,
      step: target.step,
      at,
      responders: JSON.stringify(responders),
      outcome,
      note,
      recorded_at: w.clock.now().toISOString(),
      recorded_by: staffId,
      corrects: target.id,
      reason: c.reason,
    });
    w.remirror(id, timeZone);
    return id;
  });
}

export function correctDetails(
  w: CallWriter,
  id: string,
  revision: number,
  input: Omit<NewCall, 'branchId'>,
  reason: string,
  staffId: string,
): CallRecord {
  return w.change('call.detailsCorrected', staffId, () => {
    const { row } = w.current(id);
    if (row.revision !== revision) {
      throw conflict('This call changed since you opened it. Look at it again before correcting it.');
    }
    w.assertZone(input.zoneId, row.branch_id);
    const caller = w.caller(input.caller);
    const next: Details = {
      zone_id: input.zoneId,
      caller_staff_id: caller.staffId,
      caller_name: caller.name,
      channel: input.channel,
      nature: input.nature,
      priority: input.priority,
      detail: input.detail,
    };
    const zoneName = (z: string | null) => (z ? (w.ports.branches.zoneOf(z)?.name ?? z) : 'No zone');
    const changes = (
      [
        ['Zone', zoneName(row.zone_id), zoneName(next.zone_id)],
        ['Caller', row.caller_name, next.caller_name],
        ['Channel', row.channel, next.channel],
        ['Nature', row.nature, next.nature],
        ['Priority', row.priority, next.priority],
        ['Detail', row.detail, next.detail],
      ] as const
    )
      .filter(([, before, after]) => before !== after)
      .map(([field, before, after]) => ({ field, before, after }));
    if (changes.length === 0) throw invalid('Nothing was changed: there is nothing to correct.');
    const at = w.clock.now().toISOString();
    w.repo.insertChange({
      id: uuidv7(),
      call_id: id,
      at,
      by: staffId,
      reason,
      changes: JSON.stringify(changes),
    });
    w.repo.setDetails(id, next, at);
    return id;
  });
}
