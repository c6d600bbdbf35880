import { z } from 'zod';
import { invalid } from '../errors';
import { line } from '../../shared/contract/common';
import { CAMERA_KINDS, CameraFields, type CameraKind } from '../../shared/contract/cameras';
import type { Branch } from '../../shared/contract/branches';
import { prepareAddresses } from './addresses';
import { jsonErrorOffset, lineAndColumn } from './json-position';

/** One camera of an import, checked and resolved against this desk's branches. */
export interface PlannedCamera {
  name: string;
  branchId: string;
  /** null: a zone of this name is to be created in the branch. */
  zoneId: string | null;
  zoneName: string;
  kind: CameraKind;
  url: string;
  gridUrl: string | null;
  username: string | null;
  password: string | null;
}

export interface ImportLookup {
  branches: Branch[];
  /** Whether a current camera in the branch already has this name (ignoring case). */
  nameTaken(branchId: string, name: string): boolean;
}

const FIELDS = ['name', 'branch', 'zone', 'kind', 'url', 'gridUrl', 'username', 'password'] as const;
type Field = (typeof FIELDS)[number];
const ZoneName = line('Zone name', 80);
const Secret = z.string().max(200, 'must be at most 200 characters');

interface Problem {
  entry: number;
  field: Field | null;
  text: string;
}

/** The file's JSON, or a VALIDATION error saying where it breaks. */
function parseFile(json: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    const offset = jsonErrorOffset(json) ?? 0;
    const where = lineAndColumn(json, offset);
    // V8 gives an offset in some messages: the line and column say the same, more usefully.
    const reason = (e as Error).message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '');
    throw invalid(`The file is not valid JSON: ${reason} (at ${where}). Nothing was imported.`, {
      json: `Not valid JSON at ${where}`,
    });
  }
  const cameras = (data as { cameras?: unknown } | null)?.cameras;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(cameras)) {
    throw invalid('The file must be an object with a "cameras" list: {"cameras": [ ... ]}. Nothing was imported.', {
      json: 'Expected {"cameras": [ ... ]}',
    });
  }
  if (cameras.length === 0) throw invalid('The file lists no cameras. Nothing was imported.', { json: 'No cameras' });
  return cameras;
}

const findBranch = (branches: Branch[], text: string): Branch | undefined => {
  const t = text.trim().toLowerCase();
  return branches.find((b) => b.code.toLowerCase() === t) ?? branches.find((b) => b.name.toLowerCase() === t);
};

/**
 * Checks every entry of a camera file and resolves its branch and zone. All or
 * nothing: on any problem it throws one VALIDATION error listing every problem by
 * entry number (1-based) in its message, and at `cameras.<index>.<field>` in its fields.
 */
export function planImport(json: string, lookup: ImportLookup): PlannedCamera[] {
  const entries = parseFile(json);
  const problems: Problem[] = [];
  const planned: PlannedCamera[] = [];
  const seen = new Map<string, number>(); // branch id + name → entry number

  entries.forEach((raw, index) => {
    const entry = index + 1;
    const problem = (field: Field | null, text: string) => problems.push({ entry, field, text });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return problem(null, 'is not an object with name, branch, zone, kind and url');
    }
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!(FIELDS as readonly string[]).includes(key)) problem(null, `has an unknown field “${key}”`);
    }
    const text = (field: Field, required: boolean): string | null => {
      const v = e[field];
      if (v === undefined || v === null || (v === '' && !required)) {
        if (required) problem(field, `${field} is missing`);
        return null;
      }
      if (typeof v !== 'string') return (problem(field, `${field} must be text`), null);
      return v;
    };
    const checked = <T>(field: Field, schema: z.ZodType<T>, value: string | null): T | null => {
      if (value === null) return null;
      const r = schema.safeParse(value);
      if (!r.success) return (problem(field, `${field}: ${r.error.issues[0]?.message ?? 'not valid'}`), null);
      return r.data;
    };

    const name = checked('name', CameraFields.name, text('name', true));
    const branchText = text('branch', true);
    const zoneName = checked('zone', ZoneName, text('zone', true));
    const kindText = text('kind', true);
    const url = checked('url', CameraFields.url, text('url', true));
    const gridUrl = checked('gridUrl', CameraFields.url, text('gridUrl', false));
    const username = checked('username', Secret, text('username', false));
    const password = checked('password', Secret, text('password', false));

    const kind = CAMERA_KINDS.find((k) => k === kindText) ?? null;
    if (kindText !== null && !kind) problem('kind', `kind must be "hls" or "rtsp", not “${kindText}”`);
    const branch = branchText === null ? undefined : findBranch(lookup.branches, branchText);
    if (branchText !== null && !branch) problem('branch', `branch “${branchText}” is not a branch’s code or name`);
    else if (branch?.retired) problem('branch', `branch ${branch.code} is retired`);
    const zone =
      branch && zoneName ? branch.zones.find((z) => z.name.toLowerCase() === zoneName.toLowerCase()) : undefined;
    if (zone?.retired) problem('zone', `zone “${zone.name}” of ${branch!.code} is retired`);

    let addresses: ReturnType<typeof prepareAddresses> | null = null;
    if (kind && url !== null) {
      addresses = prepareAddresses({ kind, url, gridUrl, username, password });
      if (!addresses.ok) {
        for (const [field, text] of Object.entries(addresses.problems)) problem(field as Field, `${field} ${text}`);
      }
    }

    if (branch && name !== null) {
      const key = `${branch.id}\n${name.toLowerCase()}`;
      const earlier = seen.get(key);
      if (earlier) problem('name', `name “${name}” is also used by entry ${earlier} in ${branch.code}`);
      else if (lookup.nameTaken(branch.id, name))
        problem('name', `a camera named “${name}” already exists in ${branch.code}`);
      else seen.set(key, entry);
    }

    if (branch && zoneName !== null && name !== null && kind && addresses?.ok) {
      planned.push({
        name,
        branchId: branch.id,
        zoneId: zone?.id ?? null,
        zoneName: zone?.name ?? zoneName,
        kind,
        url: addresses.value.url,
        gridUrl: addresses.value.gridUrl,
        username: addresses.value.username,
        password: addresses.value.password ?? null,
      });
    }
  });

  if (problems.length > 0) {
    const fields: Record<string, string> = {};
    for (const p of problems) fields[`cameras.${p.entry - 1}${p.field ? `.${p.field}` : ''}`] ??= p.text;
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((p) => `Entry ${p.entry}: ${p.text}`);
    throw invalid([`Nothing was imported: the file has ${count}.`, ...lines].join('\n'), fields);
  }
  return planned;
}

export interface ExportedCamera {
  name: string;
  branch: string;
  zone: string;
  kind: CameraKind;
  url: string;
  gridUrl: string | null;
  username: string | null;
}

/** The camera file for these cameras: passwords never included, sorted by branch, then name. */
export function cameraFile(cameras: ExportedCamera[]): string {
  const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  const sorted = [...cameras].sort((a, b) => byText(a.branch, b.branch) || byText(a.name, b.name));
  const entries = sorted.map(({ gridUrl, username, ...c }) => ({
    ...c,
    ...(gridUrl !== null && { gridUrl }),
    ...(username !== null && { username }),
  }));
  return `${JSON.stringify({ cameras: entries }, null, 2)}\n`;
}
