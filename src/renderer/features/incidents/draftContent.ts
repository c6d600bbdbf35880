import type { Clip, DraftContent, InputOf } from '../../../shared/contract';

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

/**
 * A report's content with a clip added: attached, its footage referenced, and where the
 * report has no branch, zone or start yet, the camera's and the clip's in point.
 */
export function withClip(
  content: DraftContent,
  clip: Clip,
  camera: { branchId: string; zoneId: string },
): DraftContent {
  const from = clip.frameTime ?? clip.takenAt;
  const to = clip.clip?.to ?? from;
  const referenced = content.cameras.some(
    (r) => r.cameraId === clip.cameraId && Date.parse(r.from) <= Date.parse(from) && Date.parse(to) <= Date.parse(r.to),
  );
  const sameBranch = content.branchId === null || content.branchId === camera.branchId;
  return {
    ...content,
    branchId: content.branchId ?? camera.branchId,
    zoneId: content.zoneId ?? (sameBranch ? camera.zoneId : null),
    occurredFrom: content.occurredFrom ?? clip.clip?.requestedFrom ?? from,
    cameras:
      referenced || !clip.cameraId ? content.cameras : [...content.cameras, { cameraId: clip.cameraId, from, to }],
    attachmentIds: content.attachmentIds.includes(clip.id)
      ? content.attachmentIds
      : [...content.attachmentIds, clip.id],
  };
}
