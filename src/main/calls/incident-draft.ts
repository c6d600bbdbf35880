import type { Agency, CallRecord, NamedPerson } from '../../shared/contract/calls';
import { DraftContent } from '../../shared/contract/incidents';
import { clockIn } from './calls.rules';
import { CHANNEL_WORDS, NATURE_WORDS, OUTCOME_WORDS } from '../../shared/call-words';

const SUMMARY_MAX = 200;

const person = (p: NamedPerson) =>
  ({
    role: 'staff',
    personId: null,
    name: p.name,
    // Staff on a call are named, not described: "unknown" lets the report be filed as it is.
    sex: 'unknown',
    ageEstimate: '',
    height: '',
    build: '',
    hair: '',
    clothing: '',
    marks: '',
  }) as const;

const earliest = (times: (string | null)[]) => times.filter((t): t is string => t !== null).sort()[0] ?? null;

/**
 * An incident draft from a call: the branch, zone and times, the staff named on it
 * (caller and responders) as persons, the call's words as the start of the narrative,
 * the outcome as the actions, and police, EMS or fire as the report's responders.
 */
export function draftFromCall(call: CallRecord, timeZone: string): DraftContent {
  const at = (iso: string) => clockIn(iso, timeZone);
  const nature = NATURE_WORDS[call.nature];
  const summary = call.detail ? `${nature}: ${call.detail}` : `${nature} (staff call)`;
  const lines = [
    `Staff call received at ${at(call.receivedAt)} from ${call.caller.name} by ${CHANNEL_WORDS[call.channel]}` +
      `${call.zoneName ? `, ${call.zoneName}` : ''}: ${call.detail || nature}.`,
  ];
  if (call.respondingAt) {
    lines.push(`${names(call.responders)} responded at ${at(call.respondingAt)}.`);
  }
  if (call.onSceneAt) lines.push(`On scene at ${at(call.onSceneAt)}.`);
  if (call.clearedAt) lines.push(`Cleared at ${at(call.clearedAt)}.`);
  const actions = call.outcome
    ? `${OUTCOME_WORDS[call.outcome]}.${call.outcomeNote ? ` ${call.outcomeNote}` : ''}`
    : call.outcomeNote;

  const seen = new Set<string>();
  const persons = [call.caller, ...call.responders].filter((p) => {
    const key = p.staffId ?? p.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const police = call.agencies.find((a) => a.kind === 'police');
  const emergency = call.agencies.filter((a) => a.kind !== 'police');
  return DraftContent.parse({
    branchId: call.branchId,
    zoneId: call.zoneId,
    occurredFrom: call.receivedAt,
    occurredTo: call.clearedAt,
    summary: summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1)}…` : summary,
    narrative: lines.join(' '),
    actions,
    persons: persons.map(person),
    police: police
      ? {
          agency: police.name,
          calledAt: police.calledAt,
          arrivedAt: police.arrivedAt,
          officerName: '',
          badge: '',
          caseNumber: police.caseNumber,
        }
      : null,
    emergency: emergency.length ? emergencyOf(emergency) : null,
    staffAssistance: call.responders.length ? `Responded: ${names(call.responders)}.` : '',
  });
}

function emergencyOf(agencies: Agency[]) {
  const kinds = new Set(agencies.map((a) => a.kind));
  return {
    kind: kinds.size === 2 ? 'ems-and-fire' : kinds.has('fire') ? 'fire' : 'ems',
    agency: agencies.map((a) => a.name).join(', '),
    calledAt: earliest(agencies.map((a) => a.calledAt)),
    arrivedAt: earliest(agencies.map((a) => a.arrivedAt)),
  } as const;
}

const names = (people: NamedPerson[]) => people.map((p) => p.name).join(', ');
