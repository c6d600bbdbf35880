import type { ChangeField } from '../../shared/contract/incident-fields';
import type { Emergency, FieldChange, PersonInvolved, Police } from '../../shared/contract/incidents';

/**
 * Words for a printed report: times in the branch's zone, spelled so nobody reading
 * it later has to guess the day, month or zone ("Sat 28 Nov 2026, 19:42").
 */

export interface TimeFormat {
  /** "Sat 28 Nov 2026, 19:42" in the branch's zone. */
  when(iso: string): string;
  /** The same with the zone named: "Sat 28 Nov 2026, 19:42 (America/Chicago)". */
  whenZoned(iso: string): string;
  /** "19:42", or the whole date when it falls on another day than `sameDayAs`. */
  timeAfter(iso: string, sameDayAs: string): string;
  /** To the second, for video: "Sat 28 Nov 2026, 19:42:07.250" (milliseconds when they are not zero). */
  whenExact(iso: string): string;
  /** "19:42:07.250", or the whole date and time when it falls on another day than `sameDayAs`. */
  exactAfter(iso: string, sameDayAs: string): string;
}

export function timeFormat(timeZone: string): TimeFormat {
  // en-GB gives day-month order and a 24-hour clock; the parts are assembled by hand so no locale comma or "at" sneaks in.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const pieces = (iso: string) => {
    const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
    return { day: `${p.weekday} ${p.day} ${p.month} ${p.year}`, time: `${p.hour}:${p.minute}` };
  };
  const when = (iso: string) => {
    const { day, time } = pieces(iso);
    return `${day}, ${time}`;
  };
  const seconds = new Intl.DateTimeFormat('en-GB', { timeZone, second: '2-digit' });
  const exactTime = (iso: string) => {
    const ms = new Date(iso).getUTCMilliseconds();
    const s = seconds.format(new Date(iso)).padStart(2, '0');
    return `${pieces(iso).time}:${s}${ms ? `.${String(ms).padStart(3, '0')}` : ''}`;
  };
  const whenExact = (iso: string) => `${pieces(iso).day}, ${exactTime(iso)}`;
  return {
    when,
    whenZoned: (iso) => `${when(iso)} (${timeZone})`,
    timeAfter: (iso, sameDayAs) => (pieces(iso).day === pieces(sameDayAs).day ? pieces(iso).time : when(iso)),
    whenExact,
    exactAfter: (iso, sameDayAs) => (pieces(iso).day === pieces(sameDayAs).day ? exactTime(iso) : whenExact(iso)),
  };
}

export const SEVERITY_WORDS = { 1: '1 – minor', 2: '2 – serious', 3: '3 – severe' } as const;

export const ROLE_WORDS: Record<PersonInvolved['role'], string> = {
  subject: 'Subject',
  witness: 'Witness',
  victim: 'Victim',
  staff: 'Staff',
  guardian: 'Guardian',
};

export const STATUS_WORDS = {
  submitted: 'Submitted, awaiting review',
  returned: 'Returned to the reporter',
  approved: 'Approved',
  closed: 'Closed',
} as const;

export const DECISION_WORDS = { approved: 'Approved', returned: 'Returned', closed: 'Closed' } as const;

const EMERGENCY_WORDS: Record<Emergency['kind'], string> = { ems: 'EMS', fire: 'Fire', 'ems-and-fire': 'EMS and fire' };

/** A person's description as label/value pairs, only what was observed. */
export function personFacts(p: PersonInvolved): [string, string][] {
  const facts: [string, string | null][] = [
    ['Sex', p.sex === 'unknown' ? null : p.sex[0]!.toUpperCase() + p.sex.slice(1)],
    ['Age (estimate)', p.ageEstimate],
    ['Height', p.height],
    ['Build', p.build],
    ['Hair', p.hair],
    ['Clothing', p.clothing],
    ['Distinguishing marks', p.marks],
  ];
  return facts.filter((f): f is [string, string] => !!f[1]?.trim());
}

export function policeFacts(p: Police, t: TimeFormat): [string, string][] {
  const facts: [string, string][] = [
    ['Agency', p.agency],
    ['Called', t.when(p.calledAt)],
    ['Arrived', p.arrivedAt ? t.when(p.arrivedAt) : 'Not recorded'],
    ['Officer', p.officerName],
    ['Badge', p.badge],
    ['Case number', p.caseNumber],
  ];
  return facts.filter(([, v]) => v.trim());
}

export function emergencyFacts(e: Emergency, t: TimeFormat): [string, string][] {
  const facts: [string, string][] = [
    ['Service', EMERGENCY_WORDS[e.kind]],
    ['Agency', e.agency],
    ['Called', t.when(e.calledAt)],
    ['Arrived', e.arrivedAt ? t.when(e.arrivedAt) : 'Not recorded'],
  ];
  return facts.filter(([, v]) => v.trim());
}

/** Names for the ids an amendment's changes carry (zones, cameras, attachments). */
export interface Names {
  zone(id: string): string;
  camera(id: string): string;
  /** An attachment by its SHA-256, the name it is known by outside the desk. */
  attachment(id: string): string;
}

const FIELD_WORDS: Record<ChangeField, string> = {
  zoneId: 'Zone',
  occurredFrom: 'Occurred from',
  occurredTo: 'Occurred to',
  rules: 'Rules violated',
  severity: 'Severity',
  summary: 'Summary',
  narrative: 'Narrative',
  actions: 'Actions taken',
  persons: 'Persons involved',
  police: 'Police',
  emergency: 'EMS / fire',
  injuries: 'Injuries',
  propertyDamage: 'Property damage',
  staffAssistance: 'Staff assistance',
  cameras: 'Camera references',
  attachmentIds: 'Attachments',
};

export const fieldWords = (field: string) => FIELD_WORDS[field as ChangeField] ?? field;

const line = (facts: [string, string][]) => facts.map(([k, v]) => `${k}: ${v}`).join('; ');

/** One side of an amendment's change, as text a reader can compare with the other side. */
export function changeValue(change: FieldChange, side: 'before' | 'after', t: TimeFormat, names: Names): string {
  const v = change[side];
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '(none)';
  switch (change.field) {
    case 'zoneId':
      return names.zone(v as string);
    case 'occurredFrom':
    case 'occurredTo':
      return t.when(v as string);
    case 'severity':
      return SEVERITY_WORDS[v as 1 | 2 | 3] ?? String(v);
    case 'rules':
      return (v as string[]).join(', ');
    case 'persons':
      return (v as PersonInvolved[])
        .map(
          (p, i) =>
            `${i + 1}. ${ROLE_WORDS[p.role]}: ${p.name}${personFacts(p).length ? ` (${line(personFacts(p))})` : ''}`,
        )
        .join('\n');
    case 'police':
      return line(policeFacts(v as Police, t));
    case 'emergency':
      return line(emergencyFacts(v as Emergency, t));
    case 'cameras':
      return (v as { cameraId: string; from: string; to: string }[])
        .map((c) => `${names.camera(c.cameraId)}, ${t.when(c.from)} to ${t.timeAfter(c.to, c.from)}`)
        .join('\n');
    case 'attachmentIds':
      return (v as string[]).map((id) => `SHA-256 ${names.attachment(id)}`).join('\n');
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}
