import type { z } from 'zod';
import { canonicalJson } from '../db/journal';
import { invalid } from '../errors';
import {
  AMENDABLE_FIELDS,
  IncidentContent,
  crossFieldIssues,
  type FieldChange,
  type FiledRule,
  type PersonInvolved,
} from '../../shared/contract/incidents';
import type { IncidentPorts } from './ports';

/** What a value left empty in a draft is called at its field (zod's own words are for developers). */
const MISSING: Record<string, string> = {
  branchId: 'Choose the branch',
  occurredFrom: 'Enter when it happened',
  severity: 'Choose a severity',
  role: 'Choose a role',
  sex: 'Choose female, male, other or unknown',
  calledAt: 'Enter the time called',
  kind: 'Choose EMS, fire, or both',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** zod issues → one message per field path ("persons.0.role"), worded for the form. */
export function fieldMessages(error: z.ZodError, input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    const last = String(issue.path.at(-1) ?? '');
    const missing = valueAt(input, issue.path) == null && MISSING[last];
    fields[key] ??= missing || issue.message;
  }
  return fields;
}

const iso = (t: string) => new Date(t).toISOString();
const isoOrNull = (t: string | null) => (t === null ? null : iso(t));

/**
 * Parses draft (or amended) content as a filed report must be, times checked
 * against main's clock (`now`); times normalized to UTC milliseconds.
 */
export function parseContent(input: unknown, now: number): IncidentContent {
  const parsed = IncidentContent.safeParse(input);
  // The schema checks what does not depend on the time; "in the future" is judged by main's clock.
  const timely = parsed.success ? crossFieldIssues(parsed.data, now) : [];
  if (!parsed.success || timely.length > 0) {
    const fields = parsed.success ? {} : fieldMessages(parsed.error, input);
    // zod skips the cross-field checks while a field is invalid; run them anyway so every message shows at once.
    for (const { path, message } of crossFieldIssues(input as Parameters<typeof crossFieldIssues>[0], now)) {
      fields[path.join('.')] ??= message;
    }
    throw invalid(`The report is not ready: ${Object.values(fields)[0]}.`, fields);
  }
  const c = parsed.data;
  return {
    ...c,
    occurredFrom: iso(c.occurredFrom),
    occurredTo: isoOrNull(c.occurredTo),
    police: c.police && { ...c.police, calledAt: iso(c.police.calledAt), arrivedAt: isoOrNull(c.police.arrivedAt) },
    emergency: c.emergency && {
      ...c.emergency,
      calledAt: iso(c.emergency.calledAt),
      arrivedAt: isoOrNull(c.emergency.arrivedAt),
    },
    cameras: c.cameras.map((r) => ({ cameraId: r.cameraId, from: iso(r.from), to: iso(r.to) })),
  };
}

export interface Previous {
  zoneId: string | null;
  rules: FiledRule[];
}

/**
 * Checks what the schema cannot: the branch, zone, rules, persons, cameras and
 * attachments exist (and are not retired, unless the report already had them),
 * asking each owning domain through its port. Returns each rule's current version,
 * or the one the report was filed under.
 */
export function checkReferences(ports: IncidentPorts, c: IncidentContent, previous?: Previous): Map<string, string> {
  const fields: Record<string, string> = {};

  const branch = ports.branches.find(c.branchId);
  if (!branch) fields.branchId = 'That branch does not exist';
  else if (branch.retired && !previous) fields.branchId = 'That branch is retired';

  if (c.zoneId) {
    const zone = ports.branches.zoneOf(c.zoneId);
    if (!zone || zone.branchId !== c.branchId) fields.zoneId = 'That zone is not in this branch';
    else if (zone.retired && previous?.zoneId !== c.zoneId) fields.zoneId = 'That zone is retired';
  }

  const versions = new Map<string, string>();
  c.ruleIds.forEach((ruleId, i) => {
    const kept = previous?.rules.find((r) => r.ruleId === ruleId);
    if (kept) return versions.set(ruleId, kept.versionId);
    const rule = ports.guidelines.state(ruleId);
    if (!rule) fields[`ruleIds.${i}`] = 'That rule does not exist';
    else if (rule.retired) fields[`ruleIds.${i}`] = 'That rule is retired';
    else versions.set(ruleId, rule.currentVersionId);
  });

  c.persons.forEach((p, i) => {
    if (p.personId && !ports.people.exists(p.personId)) fields[`persons.${i}.personId`] = 'That person is not on file';
  });
  c.cameras.forEach((r, i) => {
    if (!ports.cameras.exists(r.cameraId)) fields[`cameras.${i}.cameraId`] = 'No such camera';
  });
  c.attachmentIds.forEach((id, i) => {
    if (!ports.attachments.exists(id)) fields[`attachmentIds.${i}`] = 'No such attachment';
  });

  const first = Object.values(fields)[0];
  if (first) throw invalid(`The report is not ready: ${first}.`, fields);
  return versions;
}

/** The persons' descriptions as one text for the full-text index. */
export const personsText = (persons: readonly PersonInvolved[]) =>
  persons
    .map((p) => [p.name, p.ageEstimate, p.height, p.build, p.hair, p.clothing, p.marks].filter(Boolean).join(' '))
    .join('\n');

/** Field-level differences between two contents; rules are shown by code, as people read them. */
export function diffContent(
  before: IncidentContent,
  after: IncidentContent,
  codeOf: (ruleId: string) => string,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of AMENDABLE_FIELDS) {
    if (canonicalJson(before[field]) === canonicalJson(after[field])) continue;
    if (field === 'ruleIds') {
      changes.push({ field: 'rules', before: before.ruleIds.map(codeOf), after: after.ruleIds.map(codeOf) });
    } else {
      changes.push({ field, before: before[field], after: after[field] });
    }
  }
  return changes;
}
