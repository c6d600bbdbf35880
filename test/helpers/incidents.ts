import type Database from 'better-sqlite3';
import { openDatabase } from '../../src/main/db/connection';
import type { InputOf, OutputOf } from '../../src/shared/contract';
import { deskWithAdmin, type TestConsole, type TestDesk } from './services';

export type DraftInput = NonNullable<InputOf<'incidents.createDraft'>['content']>;

export interface IncidentDesk {
  desk: TestDesk;
  admin: TestConsole;
  officer: TestConsole;
  /** A second officer, for "only the reporter" checks. */
  other: TestConsole;
  supervisor: TestConsole;
  branch: OutputOf<'branches.add'>;
  rules: OutputOf<'guidelines.list'>;
  ids: { officer: string; other: string; supervisor: string };
  /** A complete report's content, overridable field by field. */
  content(over?: Partial<DraftInput>): DraftInput;
  /** Draft then submit, as `by`. */
  file(by: TestConsole, over?: Partial<DraftInput>): Promise<OutputOf<'incidents.submit'>>;
  /** A second connection to the same file, for raw SQL. */
  db(): Database.Database;
  close(): Promise<void>;
}

const PASS = 'a long test passphrase';

/** A desk with one branch (MAIN, two zones), an officer, a second officer and a supervisor, each signed in. */
export async function incidentDesk(opts: Parameters<typeof deskWithAdmin>[0] = {}): Promise<IncidentDesk> {
  const { desk, admin } = await deskWithAdmin(opts);
  const added = await admin.must('branches.add', {
    name: 'Main Library',
    code: 'main',
    address: '800 Main St',
    timeZone: 'America/Chicago',
  });
  await admin.must('zones.add', { branchId: added.id, name: 'Lobby', kind: 'interior', floor: '1' });
  const branch = await admin.must('zones.add', {
    branchId: added.id,
    name: 'Computer Lab',
    kind: 'interior',
    floor: '2',
  });
  const signedIn = async (username: string, role: 'officer' | 'supervisor') => {
    const staff = await admin.must('staff.add', { name: `Test ${username}`, username, role, passphrase: PASS });
    const c = desk.console();
    await c.must('auth.signIn', { username, passphrase: PASS });
    return { c, id: staff.id };
  };
  const [officer, other, supervisor] = await Promise.all([
    signedIn('olu', 'officer'),
    signedIn('kim', 'officer'),
    signedIn('sam', 'supervisor'),
  ]);
  const rules = await officer.c.must('guidelines.list', {});
  let raw: Database.Database | undefined;
  const content = (over: Partial<DraftInput> = {}): DraftInput => ({
    branchId: branch.id,
    zoneId: branch.zones[0]!.id,
    occurredFrom: new Date(Date.now() - 30 * 60_000).toISOString(),
    occurredTo: new Date(Date.now() - 20 * 60_000).toISOString(),
    ruleIds: [rules[0]!.id],
    severity: 1,
    summary: 'Loud phone call in the lobby',
    narrative: 'A patron talked loudly on a phone; stopped after a reminder.',
    actions: 'Verbal reminder.',
    persons: [
      {
        role: 'subject',
        personId: null,
        name: 'unknown',
        sex: 'male',
        ageEstimate: '30s',
        height: '',
        build: 'medium',
        hair: 'short dark',
        clothing: 'gray hoodie',
        marks: '',
      },
    ],
    ...over,
  });
  return {
    desk,
    admin,
    officer: officer.c,
    other: other.c,
    supervisor: supervisor.c,
    branch,
    rules,
    ids: { officer: officer.id, other: other.id, supervisor: supervisor.id },
    content,
    async file(by, over) {
      const draft = await by.must('incidents.createDraft', { content: content(over) });
      return by.must('incidents.submit', { id: draft.id });
    },
    db() {
      raw ??= openDatabase(desk.dataDir);
      return raw;
    },
    async close() {
      raw?.close();
      await desk.close();
    },
  };
}
