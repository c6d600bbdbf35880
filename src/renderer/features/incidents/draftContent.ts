import type { DraftContent, InputOf } from '../../../shared/contract';

export type DraftPerson = DraftContent['persons'][number];
export type DraftPolice = NonNullable<DraftContent['police']>;
export type DraftEmergency = NonNullable<DraftContent['emergency']>;
export type FiledContentInput = InputOf<'incidents.amend'>['content'];

/** A blank report, as main's DraftContent defaults make one (re-typed: no zod in the renderer). */
export const EMPTY_CONTENT: DraftContent = {
  branchId: null,
  zoneId: null,
  occurredFrom: null,
  occurredTo: null,
  ruleIds: [],
  severity: null,
  summary: '',
  narrative: '',
  actions: '',
  persons: [],
  police: null,
  emergency: null,
  injuries: '',
  propertyDamage: '',
  staffAssistance: '',
  cameras: [],
  attachmentIds: [],
};

export const EMPTY_PERSON: DraftPerson = {
  role: null,
  personId: null,
  name: '',
  sex: null,
  ageEstimate: '',
  height: '',
  build: '',
  hair: '',
  clothing: '',
  marks: '',
};

export const EMPTY_POLICE: DraftPolice = {
  agency: '',
  calledAt: null,
  arrivedAt: null,
  officerName: '',
  badge: '',
  caseNumber: '',
};

export const EMPTY_EMERGENCY: DraftEmergency = { kind: null, agency: '', calledAt: null, arrivedAt: null };

/**
 * A draft's content sent as a filed report's. Half-filled fields (null where a
 * filed report needs a value) go as they are: main checks every field and
 * answers with a message for each, which the form shows where it belongs.
 */
export function asFiledContent(content: DraftContent): FiledContentInput {
  return content as unknown as FiledContentInput;
}

/**
 * Fields changed here since the last save win; the rest take the other window's
 * newer version. Compared as JSON: content is plain data.
 */
export function mergeContent(mine: DraftContent, base: DraftContent, theirs: DraftContent): DraftContent {
  const merged = { ...theirs };
  for (const key of Object.keys(mine) as (keyof DraftContent)[]) {
    if (JSON.stringify(mine[key]) !== JSON.stringify(base[key])) Object.assign(merged, { [key]: mine[key] });
  }
  return merged;
}

/** Field messages keyed under a prefix ("content.summary") moved to the form's own keys ("summary"). */
export function fieldsUnder(fields: Record<string, string> | undefined, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields ?? {})) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = message;
  }
  return out;
}
