import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import {
  CallAlertSettings,
  type CallListItem,
  type CallOutcome,
  type CallRecord,
  type NamedPerson,
  type NextStep,
  type ResponseFigures,
} from '../../shared/contract/calls';
import { FUTURE_TOLERANCE_MS } from '../../shared/contract/incident-fields';
import type { CallRow, CallsRepo, Details, StepRow } from './calls.repo';
import type { CallFiguresRepo } from './calls.figures.repo';
import { CallRecords, currentRecords, mirrorOf, parsePeople, timesOf } from './calls.record';
import { clockIn, monthInZone, STEP_WORDS } from './calls.rules';
import { buildFigures, monthsBefore } from './figures';
import { draftFromCall } from './incident-draft';
import type { CallPorts } from './ports';
import type { ReadAudit } from './read-audit';
import { CallSearch, type CallFilters } from './calls.search';
import { correctDetails, correctStep, type Correction } from './calls.corrections';
import { CallWriter } from './calls.writer';

export const DEFAULT_ALERTS: CallAlertSettings = { urgentUnansweredMinutes: 2, openTooLongMinutes: 30 };

export interface NewCall extends Omit<Details, 'zone_id' | 'caller_staff_id' | 'caller_name'> {
  branchId: string;
  zoneId: string | null;
  caller: NamedPerson;
}

export interface StepInput {
  step: NextStep;
  at?: string | undefined;
  responders: NamedPerson[];
  outcome?: CallOutcome | undefined;
  note: string;
}

export interface AgencyInput {
  agencyId?: string | undefined;
  kind: 'police' | 'ems' | 'fire';
  name: string;
  calledAt: string;
  arrivedAt: string | null;
  caseNumber: string;
}

/**
 * Staff calls for assistance, the desk's dispatch log. The step records are the
 * record: a step is added, never edited; a correction is another record naming the
 * one it corrects, with a reason. Every change runs in one IMMEDIATE transaction
 * that checks the call as it is now (so of two consoles stepping at once, the second
 * is told who was first), mirrors the steps on the call row, and journals its state.
 */
export class CallsService {
  private readonly records: CallRecords;
  private readonly finder: CallSearch;
  private readonly w: CallWriter;

  constructor(
    private readonly db: Db,
    private readonly repo: CallsRepo,
    private readonly figureQueries: CallFiguresRepo,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAudit,
    private readonly ports: CallPorts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {
    this.records = new CallRecords(repo, ports);
    this.finder = new CallSearch(repo, this.records);
    this.w = new CallWriter(db, repo, journal, this.records, ports, events, clock);
  }

  create(input: NewCall, staffId: string): CallRecord {
    const call = this.w.change('call.received', staffId, () => {
      const branch = this.ports.branches.find(input.branchId);
      if (!branch || branch.retired) throw invalid('Choose a branch in use.', { branchId: 'Choose a branch' });
      this.w.assertZone(input.zoneId, input.branchId);
      const now = this.clock.now().toISOString();
      const id = uuidv7();
      const caller = this.w.caller(input.caller);
      const step: StepRow = {
        id: uuidv7(),
        call_id: id,
        step: 'received',
        at: now,
        responders: '[]',
        outcome: null,
        note: '',
        recorded_at: now,
        recorded_by: staffId,
        corrects: null,
        reason: null,
      };
      this.repo.insertCall({
        id,
        branch_id: input.branchId,
        zone_id: input.zoneId,
        caller_staff_id: caller.staffId,
        caller_name: caller.name,
        channel: input.channel,
        nature: input.nature,
        priority: input.priority,
        detail: input.detail,
        received_by: staffId,
        ...mirrorOf([step], branch.timeZone, now),
      });
      this.repo.insertStep(step);
      return id;
    });
    return call;
  }

  step(id: string, input: StepInput, staffId: string): CallRecord {
    return this.w.change('call.stepped', staffId, () => {
      const { row, timeZone, steps } = this.w.current(id);
      const current = currentRecords(steps);
      const taken = current.get(input.step);
      if (taken?.at) {
        const who = this.w.nameOf(taken.recorded_by);
        const whom =
          input.step === 'responding'
            ? ` (${parsePeople(taken.responders)
                .map((r) => r.name)
                .join(', ')})`
            : '';
        throw conflict(
          `Already marked ${STEP_WORDS[input.step]} by ${who} at ${clockIn(taken.at, timeZone)}${whom}. Nothing was recorded twice.`,
        );
      }
      if (row.status === 'cleared') {
        throw conflict(`This call was cleared at ${clockIn(row.cleared_at!, timeZone)}: correct it instead.`);
      }
      const now = this.clock.now().toISOString();
      const at = input.at ?? now;
      const responders = input.step === 'responding' ? this.w.people(input.responders) : [];
      if (input.step === 'responding' && responders.length === 0) {
        throw invalid('Say who is responding.', { responders: 'Choose who is responding' });
      }
      if (input.step === 'cleared' && !input.outcome) {
        throw invalid('Choose the outcome to clear the call.', { outcome: 'Choose the outcome' });
      }
      this.w.assertOrder({ ...timesOf(current), [input.step]: at }, input.step, timeZone);
      this.repo.insertStep({
        id: uuidv7(),
        call_id: id,
        step: input.step,
        at,
        responders: JSON.stringify(responders),
        outcome: input.step === 'cleared' ? input.outcome! : null,
        note: input.step === 'cleared' ? input.note : '',
        recorded_at: now,
        recorded_by: staffId,
        // A step taken again after it was withdrawn continues that step's chain.
        corrects: taken?.id ?? null,
        reason: null,
      });
      this.w.remirror(id, timeZone);
      return id;
    });
  }

  correctStep(id: string, c: Correction, staffId: string): CallRecord {
    return correctStep(this.w, id, c, staffId);
  }

  correctDetails(
    id: string,
    revision: number,
    input: Omit<NewCall, 'branchId'>,
    reason: string,
    staffId: string,
  ): CallRecord {
    return correctDetails(this.w, id, revision, input, reason, staffId);
  }

  recordAgency(id: string, a: AgencyInput, staffId: string): CallRecord {
    return this.w.change('call.agencyRecorded', staffId, () => {
      const { row, timeZone } = this.w.current(id);
      const now = this.clock.ms();
      const future = (iso: string | null) => iso !== null && Date.parse(iso) > now + FUTURE_TOLERANCE_MS;
      if (future(a.calledAt)) throw invalid('The time called is in the future.', { calledAt: 'In the future' });
      if (future(a.arrivedAt)) throw invalid('The arrival time is in the future.', { arrivedAt: 'In the future' });
      if (Date.parse(a.calledAt) < Date.parse(row.received_at)) {
        throw invalid(`Called before the call was received (${clockIn(row.received_at, timeZone)}).`, {
          calledAt: 'Before the call was received',
        });
      }
      if (a.arrivedAt && Date.parse(a.arrivedAt) < Date.parse(a.calledAt)) {
        throw invalid('Arrival is before the call to them.', { arrivedAt: 'Before they were called' });
      }
      const at = this.clock.now().toISOString();
      const agency = {
        id: a.agencyId ?? uuidv7(),
        call_id: id,
        kind: a.kind,
        name: a.name,
        called_at: a.calledAt,
        arrived_at: a.arrivedAt,
        case_number: a.caseNumber,
        recorded_by: staffId,
        updated_at: at,
      };
      if (a.agencyId) {
        if (!this.repo.agencies(id).some((x) => x.id === a.agencyId)) throw notFound('That agency on this call');
        this.repo.updateAgency(agency);
      } else this.repo.insertAgency(agency);
      this.repo.touch(id, at);
      return id;
    });
  }

  /** Starts a report from the call (a draft in the caller's name) and links the two. */
  reportIncident(id: string, staffId: string): { draftId: string; call: CallRecord } {
    const before = this.records.load(id);
    if (!before) throw notFound('That call');
    const branch = this.ports.branches.find(before.branchId)!;
    const draft = this.ports.incidents.createDraft(draftFromCall(before, branch.timeZone), staffId);
    const call = this.w.change('call.incidentLinked', staffId, () => {
      const at = this.clock.now().toISOString();
      this.repo.insertIncidentLink({
        call_id: id,
        incident_id: draft.id,
        number: null,
        linked_at: at,
        linked_by: staffId,
      });
      this.repo.touch(id, at);
      return id;
    });
    return { draftId: draft.id, call };
  }

  /** A report started from a call was filed: the link gets its number (subscribed to 'incident.submitted'). */
  incidentFiled(incidentId: string, number: string): void {
    const callIds = this.db
      .transaction(() => {
        const ids = this.repo.setIncidentNumber(incidentId, number);
        const at = this.clock.now().toISOString();
        for (const callId of ids) {
          this.repo.touch(callId, at);
          this.w.appendJournal('call.incidentLinked', callId, null);
        }
        return ids;
      })
      .immediate();
    for (const callId of callIds) this.events.emit('call.changed', { callId });
  }

  // ---- reading ----

  /** Open calls without an audit entry: for a port that shows only their nature and place (a shift's end). */
  openItems(): CallListItem[] {
    return this.records.items(this.repo.open());
  }

  open(staffId: string): CallListItem[] {
    const items = this.openItems();
    // The desk keeps these on screen and reloads them: their details can describe a patron.
    this.audit.shown(
      staffId,
      'calls.open',
      'Open calls shown',
      items.map((c) => c.id),
    );
    return items;
  }

  /** Open calls as rows, for the alert source. */
  openRows(): CallRow[] {
    return this.repo.open();
  }

  get(id: string, staffId: string): CallRecord {
    const record = this.records.load(id);
    if (!record) throw notFound('That call');
    this.readAudit.read(staffId, 'call', id, `Opened the call of ${record.receivedAt} (${record.nature})`);
    return record;
  }

  /** A call as the lists show it, without an audit entry: for a caller that names it (a shift log link). */
  listItem(id: string): CallListItem | null {
    const row = this.repo.call(id);
    return row ? this.records.items([row])[0]! : null;
  }

  forIncident(incidentId: string, staffId: string): CallListItem | null {
    const callId = this.repo.callForIncident(incidentId);
    const row = callId ? this.repo.call(callId) : undefined;
    const item = row ? this.records.items([row])[0]! : null;
    if (item)
      this.audit.shown(staffId, 'calls.forIncident', `The call report ${incidentId} was started from`, [item.id]);
    return item;
  }

  search(filters: CallFilters, staffId: string): { items: CallListItem[]; nextCursor: string | null } {
    const found = this.finder.run(filters);
    // Details and names can describe patrons: one audit entry names the calls a word search showed.
    const text = filters.text.trim();
    if (text && found.items.length > 0) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'calls.search',
        detail: `Searched calls for “${text.slice(0, 200)}”: ${found.items.map((c) => c.id).join(', ')}`,
      });
    } else {
      this.audit.shown(
        staffId,
        'calls.list',
        'Listed calls',
        found.items.map((c) => c.id),
      );
    }
    return found;
  }

  figures(range: {
    from?: string | undefined;
    to?: string | undefined;
    branchId?: string | undefined;
  }): ResponseFigures {
    const branches = this.ports.branches.list();
    const zone = branches.find((b) => b.id === range.branchId)?.timeZone ?? branches[0]?.timeZone ?? 'UTC';
    const to = range.to ?? monthInZone(this.clock.now().toISOString(), zone);
    const from = range.from ?? monthsBefore(to, 11);
    if (from > to) throw invalid('The first month is after the last.', { from: 'After the last month' });
    return buildFigures(
      this.figureQueries.figureSource(from, to),
      { from, to, branchId: range.branchId },
      branches.map((b) => b.id),
    );
  }

  activeStaff(): { id: string; name: string }[] {
    return this.ports.staff
      .list()
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, name: s.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  alertSettings(): CallAlertSettings {
    const stored = this.repo.setting('alerts');
    const parsed = CallAlertSettings.safeParse({
      ...DEFAULT_ALERTS,
      ...(stored ? (JSON.parse(stored) as object) : {}),
    });
    return parsed.success ? parsed.data : DEFAULT_ALERTS;
  }

  updateAlertSettings(next: CallAlertSettings, staffId: string): CallAlertSettings {
    this.db
      .transaction(() => {
        this.repo.putSetting('alerts', JSON.stringify(next));
        this.journal.append({
          kind: 'calls.alertSettingsUpdated',
          recordId: 'call-alerts',
          actor: staffId,
          payload: next,
        });
      })
      .immediate();
    this.events.emit('callAlerts.changed', {});
    return next;
  }
}
