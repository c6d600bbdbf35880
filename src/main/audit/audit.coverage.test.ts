import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { testDesk, type TestConsole, type TestDesk } from '../../../test/helpers/services';
import { encodePng } from '../../../test/helpers/png';
import { contract, methodNames, type InputOf, type MethodName } from '../../shared/contract';
import { patronSchemas } from '../../shared/contract/define';
import { ManualClock } from '../clock';
import { DATABASE_FILE } from '../db/connection';
import { demoAccounts } from '../demo/seed';
import { forTheFile } from '../../../test/helpers/disclose';

/**
 * Audit coverage (issue 15): library records are confidential (Wis. Stat. 43.30), so
 * (a) every method the contract marks as reading or exporting patron data, called with a
 *     valid input on a seeded desk, leaves an audit entry;
 * (b) no method marked `patron: 'none'` can answer a schema tagged as patron data;
 * (c) every method marked as writing leaves a journal or an audit entry;
 * (d) every method marked as exporting takes a Disclose step in its input, is refused
 *     without one, and records the disclosure (the daily report's email excepted: an
 *     administrator set its recipients, so main records it without asking).
 * A new method cannot slip through: one that is marked and has no fixture here fails.
 */

/** The tagged schemas an output schema can hold, walking every wrapper, field and option. */
export function patronIn(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found: string[] = [];
  const tag = patronSchemas.get(schema);
  if (tag) found.push(tag.what);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (s: unknown) => {
    if (s && typeof s === 'object' && '_zod' in s) found.push(...patronIn(s as z.ZodType, seen));
  };
  switch (def.type) {
    case 'object':
      for (const v of Object.values(def.shape as Record<string, unknown>)) walk(v);
      walk(def.catchall);
      break;
    case 'array':
      walk(def.element);
      break;
    case 'union':
      for (const o of def.options as unknown[]) walk(o);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'record':
    case 'map':
      walk(def.keyType);
      walk(def.valueType);
      break;
    case 'set':
      walk(def.valueType);
      break;
    case 'tuple':
      for (const o of def.items as unknown[]) walk(o);
      walk(def.rest);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
    default:
      walk(def.innerType);
  }
  return found;
}

/** What the seeded desk holds, found once through the contract. */
interface Seed {
  personId: string;
  personWithPhoto: { personId: string; attachmentId: string };
  otherPersonId: string;
  incidentId: string;
  incidentVersion: number;
  banId: string;
  pendingBanId: string;
  appealId: string;
  decidedAppealId: string;
  callId: string;
  callIncidentId: string;
  evacuationId: string;
  closingRunId: string;
  roundId: string;
  shiftDate: string;
  shiftEntryId: string;
  branchId: string;
  zoneId: string;
  routeId: string;
  draftId: string;
  activityId: string;
}

type Fixture = (s: Seed, c: TestConsole) => unknown;
const f = <M extends MethodName>(fn: (s: Seed, c: TestConsole) => InputOf<M> | Promise<InputOf<M>>) => fn as Fixture;

const newCall = (s: Seed): InputOf<'calls.create'> => ({
  branchId: s.branchId,
  zoneId: null,
  caller: { staffId: null, name: 'Front desk' },
  channel: 'radio',
  nature: 'disturbance',
  priority: 'normal',
  detail: 'Man in red cap shouting',
});

const png = () => encodePng(64, 48).toString('base64');

/**
 * A valid input for each method, called in this order on the demo desk as its
 * administrator (reads first; then writes, which may depend on earlier ones).
 */
const FIXTURES: Partial<Record<MethodName, Fixture>> = {
  // Reads.
  'persons.search': f<'persons.search'>(() => ({ text: '' })),
  'persons.get': f<'persons.get'>((s) => ({ id: s.personId })),
  'persons.findDuplicates': f<'persons.findDuplicates'>(() => ({ name: 'Marcus Delgado' })),
  'incidents.get': f<'incidents.get'>((s) => ({ id: s.incidentId })),
  'incidents.search': f<'incidents.search'>(() => ({})),
  'incidents.exportPdf': f<'incidents.exportPdf'>((s) => ({ id: s.incidentId, disclose: forTheFile })),
  'incidents.getDraft': f<'incidents.getDraft'>((s) => ({ id: s.draftId })),
  'shifts.draft': f<'shifts.draft'>(async (s, c) => {
    // An unfinished entry linking a person: reopening it names them.
    await c.must('shifts.saveDraft', {
      revision: 0,
      content: { text: 'Asked about the lost phone', links: [{ kind: 'person', id: s.personId }] },
    });
    return {};
  }),
  'incidents.getAmendDraft': f<'incidents.getAmendDraft'>(async (s, c) => {
    const record = await c.must('incidents.get', { id: s.incidentId });
    await c.must('incidents.saveAmendDraft', {
      id: record.id,
      baseVersion: record.version,
      revision: 0,
      reason: 'Coverage test',
      content: record.content,
    });
    return { id: record.id };
  }),
  'attachments.describe': f<'attachments.describe'>((s) => ({ ids: [s.personWithPhoto.attachmentId] })),
  'bans.get': f<'bans.get'>((s) => ({ id: s.banId })),
  'bans.list': f<'bans.list'>(() => ({ which: 'all' })),
  'bans.todo': f<'bans.todo'>(() => ({})),
  'bans.forPerson': f<'bans.forPerson'>((s) => ({ personId: s.personId })),
  'bans.propose': f<'bans.propose'>((s) => ({ personId: s.personId, incidentId: s.incidentId })),
  'bans.noticePdf': f<'bans.noticePdf'>((s) => ({ id: s.banId, recipient: 'person', disclose: forTheFile })),
  'desk.check': f<'desk.check'>(() => ({ text: 'marky' })),
  'calls.get': f<'calls.get'>((s) => ({ id: s.callId })),
  'calls.open': f<'calls.open'>(async (s, c) => {
    await c.must('calls.create', { ...newCall(s), detail: 'Woman asleep by the stacks' });
    return {};
  }),
  'calls.search': f<'calls.search'>(() => ({})),
  'calls.forIncident': f<'calls.forIncident'>(async (s, c) => {
    const call = await c.must('calls.create', newCall(s));
    return { incidentId: (await c.must('calls.reportIncident', { id: call.id })).draftId };
  }),
  'evacuations.get': f<'evacuations.get'>((s) => ({ id: s.evacuationId })),
  'evacuations.exportPdf': f<'evacuations.exportPdf'>((s) => ({ id: s.evacuationId, disclose: forTheFile })),
  'closing.get': f<'closing.get'>((s) => ({ runId: s.closingRunId })),
  'closing.exportPdf': f<'closing.exportPdf'>((s) => ({ runId: s.closingRunId, disclose: forTheFile })),
  'rounds.get': f<'rounds.get'>((s) => ({ roundId: s.roundId })),
  'rounds.exportPdf': f<'rounds.exportPdf'>((s) => ({
    branchId: s.branchId,
    from: `${s.shiftDate.slice(0, 8)}01`,
    to: s.shiftDate,
    disclose: forTheFile,
  })),
  'shifts.log': f<'shifts.log'>((s) => ({ branchId: null, date: s.shiftDate })),
  'shifts.entry': f<'shifts.entry'>((s) => ({ id: s.shiftEntryId })),
  'shifts.callbacks': f<'shifts.callbacks'>(() => ({})),
  'shifts.passOn': f<'shifts.passOn'>(async (s) => {
    // A note another staff member passed on, naming a person on file.
    await supervisor().must('shifts.addEntry', {
      branchId: null,
      kind: 'pass-on',
      text: 'Keep an eye out for him tonight',
      links: [{ kind: 'person', id: s.personId }],
    });
    return {};
  }),
  'snapshots.list': f<'snapshots.list'>(() => ({})),
  'bookmarks.list': f<'bookmarks.list'>(() => ({})),
  'audit.list': f<'audit.list'>(() => ({})),
  'audit.exportCsv': f<'audit.exportCsv'>(() => ({ disclose: forTheFile })),
  'audit.disclosures': f<'audit.disclosures'>(() => ({})),
  'audit.exportDisclosures': f<'audit.exportDisclosures'>(() => ({ disclose: forTheFile })),
  'retention.holds': f<'retention.holds'>(() => ({})),
  'retention.holdOf': f<'retention.holdOf'>((s) => ({ kind: 'person', recordId: s.personId })),
  'activity.pdf': f<'activity.pdf'>((s) => ({ id: s.activityId, disclose: forTheFile })),

  // Writes.
  'retention.setHold': f<'retention.setHold'>((s) => ({
    kind: 'incident',
    recordId: s.incidentId,
    reason: 'police',
    note: 'Coverage test',
    caseNumber: '26-1',
  })),
  'retention.releaseHold': f<'retention.releaseHold'>(async (s, c) => {
    const h = await c.must('retention.setHold', {
      kind: 'person',
      recordId: s.otherPersonId,
      reason: 'appeal',
      note: '',
      caseNumber: '',
    });
    return { id: h.id, note: 'Appeal decided' };
  }),
  'attachments.addImage': f<'attachments.addImage'>(() => ({ dataBase64: png() })),
  'persons.add': f<'persons.add'>(() => ({ name: 'Coverage Test Person', description: 'grey coat' })),
  'persons.update': f<'persons.update'>(async (s, c) => {
    const { person } = await c.must('persons.get', { id: s.otherPersonId });
    const { id, version, name, aliases, description } = person;
    return { id, version, name, aliases, description: `${description} (seen again)` };
  }),
  'persons.removePhoto': f<'persons.removePhoto'>((s) => s.personWithPhoto),
  'persons.addPhoto': f<'persons.addPhoto'>((s) => s.personWithPhoto),
  'incidents.createDraft': f<'incidents.createDraft'>(() => ({})),
  'bans.approve': f<'bans.approve'>((s) => ({ id: s.pendingBanId })),
  'bans.personSeen': f<'bans.personSeen'>((s) => ({ personId: s.personId, branchId: s.branchId })),
  'bans.lift': f<'bans.lift'>((s) => ({ id: s.banId, reason: 'Coverage test: lifted' })),
  'calls.create': f<'calls.create'>((s) => newCall(s)),
  'calls.reportIncident': f<'calls.reportIncident'>((s) => ({ id: s.callId })),
  'evacuations.start': f<'evacuations.start'>((s) => ({ branchId: s.branchId, kind: 'drill' })),
  'closing.start': f<'closing.start'>((s) => ({ branchId: s.branchId })),
  'rounds.start': f<'rounds.start'>((s) => ({ routeId: s.routeId })),
  'shifts.addEntry': f<'shifts.addEntry'>((s) => ({
    branchId: s.branchId,
    kind: 'phone',
    at: clock.now().toISOString(),
    text: 'Asked whether the lost wallet was found',
    fromName: 'A patron',
  })),
  'shifts.acknowledge': f<'shifts.acknowledge'>(async (_s, c) => ({ id: (await c.must('shifts.passOn', {}))[0]!.id })),
  'activity.generate': f<'activity.generate'>((s) => ({ scope: 'day', branchId: s.branchId, date: s.shiftDate })),
  'audit.copied': f<'audit.copied'>((s) => ({ recordKind: 'person', recordId: s.personId, chars: 40 })),
  'settings.update': f<'settings.update'>(() => ({ idleLockMinutes: 200 })),
  'branches.update': f<'branches.update'>(async (s, c) => {
    const b = (await c.must('branches.list', {})).find((x) => x.id === s.branchId)!;
    return {
      id: b.id,
      name: b.name,
      code: b.code,
      address: `${b.address} `.trim() + ' (rear door)',
      timeZone: b.timeZone,
    };
  }),
  'zones.add': f<'zones.add'>((s) => ({ branchId: s.branchId, name: 'Coverage Annex', kind: 'interior', floor: '3' })),
  'guidelines.add': f<'guidelines.add'>(() => ({
    code: 'COV1',
    title: 'Coverage rule',
    description: 'For the coverage test',
    severity: 1,
  })),
  'staff.add': f<'staff.add'>(() => ({
    name: 'Cora Coverage',
    username: 'cora',
    role: 'officer',
    passphrase: 'a long coverage passphrase',
  })),
  'calls.updateAlertSettings': f<'calls.updateAlertSettings'>(() => ({
    urgentUnansweredMinutes: 3,
    openTooLongMinutes: 60,
  })),
  'auth.lock': f<'auth.lock'>(() => ({})),
  'auth.unlock': f<'auth.unlock'>(() => ({ passphrase: admin().passphrase })),
};

/**
 * Marked methods this test does not call, each with why and where it is checked instead.
 * Shrink it; never grow it without a reason a reviewer accepts.
 */
const JOURNALED_NOT_YET_HERE =
  'a journaled change that answers the record it changed, on a record the demo desk must first be put in the right state for; not yet called here';
const NOT_CALLED_HERE: Partial<Record<MethodName, string>> = {
  'replay.open': 'needs recorded camera video (ffmpeg): replay.test.ts checks its audit entry',
  'replay.clips': 'needs a clip cut from recorded video: replay.test.ts',
  'replay.cutClip': 'needs recorded camera video: replay.test.ts',
  'snapshots.save': 'needs a live camera: snapshots tests',
  'bookmarks.add': 'needs a camera with a buffer: bookmarks tests',
  'bookmarks.update': 'needs a bookmark (a camera with a buffer)',
  'evidence.export': 'writes to a folder the caller chooses: evidence.service.test.ts checks its audit entry',
  'activity.send': 'needs a mail server: mail.test.ts checks its audit entry and its disclosure',
  'persons.merge': JOURNALED_NOT_YET_HERE,
  'bans.issue': JOURNALED_NOT_YET_HERE,
  'bans.recordDelivery': JOURNALED_NOT_YET_HERE,
  'bans.recordAppeal': JOURNALED_NOT_YET_HERE,
  'bans.decideAppeal': JOURNALED_NOT_YET_HERE,
  'bans.scheduleMeeting': JOURNALED_NOT_YET_HERE,
  'bans.meetingHeld': JOURNALED_NOT_YET_HERE,
  'calls.step': JOURNALED_NOT_YET_HERE,
  'calls.correctStep': JOURNALED_NOT_YET_HERE,
  'calls.correctDetails': JOURNALED_NOT_YET_HERE,
  'calls.recordAgency': JOURNALED_NOT_YET_HERE,
  'evacuations.record': JOURNALED_NOT_YET_HERE,
  'evacuations.allClear': JOURNALED_NOT_YET_HERE,
  'closing.answer': JOURNALED_NOT_YET_HERE,
  'closing.openException': JOURNALED_NOT_YET_HERE,
  'closing.recordStep': JOURNALED_NOT_YET_HERE,
  'closing.linkIncident': JOURNALED_NOT_YET_HERE,
  'closing.sign': JOURNALED_NOT_YET_HERE,
  'closing.abandon': JOURNALED_NOT_YET_HERE,
  'rounds.visit': JOURNALED_NOT_YET_HERE,
  'rounds.skip': JOURNALED_NOT_YET_HERE,
  'rounds.observe': JOURNALED_NOT_YET_HERE,
  'rounds.linkIncident': JOURNALED_NOT_YET_HERE,
  'rounds.end': JOURNALED_NOT_YET_HERE,
  'shifts.correctEntry': JOURNALED_NOT_YET_HERE,
  'shifts.callbackDone': JOURNALED_NOT_YET_HERE,
  'bans.scheduleHearing': JOURNALED_NOT_YET_HERE,
  'bans.decisionLetterPdf':
    'the demo desk has no decided appeal; its input schema is checked by (d), its service shares AuditService.disclosed with bans.noticePdf',
};

function admin() {
  return demoAccounts.find((a) => a.role === 'admin')!;
}

// Lists a screen reloads are audited once per quarter hour: the test moves the clock past that between calls.
const clock = new ManualClock(Date.now());

/** Exports main records as disclosures without a Disclose step in their input, and why. */
const DISCLOSED_WITHOUT_ASKING: Partial<Record<MethodName, string>> = {
  'activity.send': 'emails the report to the recipients an administrator set, as library administration',
};
let desk: TestDesk;
let c: TestConsole;
let sup: TestConsole | null = null;
let db: Database.Database;
const supervisor = () => sup!;
let seed: Seed;

async function findSeed(): Promise<Seed> {
  const persons = await c.must('persons.search', { text: '', limit: 100 });
  const bans = await c.must('bans.list', { which: 'all', limit: 200 });
  const withBan = bans.find((b) => b.status === 'active') ?? bans[0]!;
  let personWithPhoto: Seed['personWithPhoto'] | null = null;
  for (const p of persons) {
    const { person } = await c.must('persons.get', { id: p.id });
    if (person.photos.length > 0 && p.id !== withBan.personId) {
      personWithPhoto = { personId: p.id, attachmentId: person.photos[0]!.attachmentId };
      break;
    }
  }
  const incidents = await c.must('incidents.search', { personId: withBan.personId, limit: 10 });
  const incident = incidents.items[0] ?? (await c.must('incidents.search', {})).items[0]!;
  const todo = await c.must('bans.todo', {});
  let appealId = '';
  let decidedAppealId = '';
  for (const b of bans) {
    const d = await c.must('bans.get', { id: b.id });
    for (const a of d.particulars?.appeals ?? []) {
      if (a.decision) decidedAppealId ||= a.id;
      else if (!a.hearing) appealId ||= a.id;
    }
  }
  if (!appealId) appealId = decidedAppealId;
  const calls = await c.must('calls.search', { limit: 200 });
  const call = calls.items.find((x) => x.incidentNumbers.length === 0) ?? calls.items[0]!;
  const linked = calls.items.find((x) => x.incidentNumbers.length > 0);
  const callIncidentId = linked ? (await c.must('calls.get', { id: linked.id })).incidents[0]!.incidentId : incident.id;
  const branches = await c.must('branches.list', {});
  const branch = branches[0]!;
  const closing = await c.must('closing.history', { branchId: branch.id });
  const evacuations = await c.must('evacuations.list', {});
  const routes = await c.must('rounds.routes', { branchId: branch.id });
  const today = clock.now().toISOString().slice(0, 10);
  const rounds = await c.must('rounds.history', {
    branchId: branch.id,
    from: `${today.slice(0, 8)}01`,
    to: today,
  });
  const shifts = await c.must('shifts.history', { from: `${today.slice(0, 8)}01`, to: today });
  // A day whose log names someone (a caller or a person on file).
  let shiftDate = today;
  let shiftEntryId = '';
  for (const sh of shifts) {
    const date = sh.startedAt.slice(0, 10);
    const log = await c.must('shifts.log', { branchId: null, date });
    const named = log.entries.find((e) => e.fromName !== '' || e.links.some((l) => l.kind === 'person'));
    if (named) {
      shiftDate = date;
      shiftEntryId = named.id;
      break;
    }
  }
  const draft = await c.must('incidents.createDraft', {});
  const report = await c.must('activity.generate', { scope: 'day', branchId: branch.id, date: shiftDate });
  return {
    personId: withBan.personId,
    personWithPhoto: personWithPhoto!,
    otherPersonId: persons.find((p) => p.id !== withBan.personId && p.id !== personWithPhoto?.personId)!.id,
    incidentId: incident.id,
    incidentVersion: incident.version,
    banId: withBan.id,
    pendingBanId: todo.pendingApprovals[0]!.id,
    appealId,
    decidedAppealId,
    callId: call.id,
    callIncidentId,
    evacuationId: evacuations[0]!.id,
    closingRunId: (closing.items.find((r) => r.exceptions > 0) ?? closing.items[0]!).id,
    roundId: (rounds.rounds.find((r) => r.observations > 0) ?? rounds.rounds[0]!).id,
    shiftDate,
    shiftEntryId,
    branchId: branch.id,
    zoneId: branch.zones[0]!.id,
    routeId: routes.find((r) => !r.retired)!.id,
    draftId: draft.id,
    activityId: report.id,
  };
}

beforeAll(async () => {
  desk = testDesk({ demo: true, clock });
  await desk.services.ready;
  c = desk.console();
  await c.must('auth.signIn', { username: admin().username, passphrase: admin().passphrase });
  await c.must('settings.update', { idleLockMinutes: 240 });
  sup = desk.console();
  const account = demoAccounts.find((a) => a.role === 'supervisor')!;
  await sup.must('auth.signIn', { username: account.username, passphrase: account.passphrase });
  db = new Database(join(desk.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  seed = await findSeed();
}, 120_000);
afterAll(async () => {
  db?.close();
  await desk?.close();
});

const staffId = () =>
  (db.prepare('SELECT staff_id AS id FROM audit WHERE action = ? LIMIT 1').get('signIn') as { id: string }).id;
const auditCount = (who: string) =>
  (db.prepare('SELECT count(*) AS n FROM audit WHERE staff_id = ?').get(who) as { n: number }).n;
const disclosureCount = () => (db.prepare('SELECT count(*) AS n FROM disclosures').get() as { n: number }).n;
const journalCount = (who: string) =>
  (db.prepare('SELECT count(*) AS n FROM journal WHERE actor = ?').get(who) as { n: number }).n;

describe('audit coverage (Wis. Stat. 43.30)', { timeout: 300_000 }, () => {
  it('(b) no method marked as not reading patron data can answer it', () => {
    const wrong = methodNames
      .filter((m) => contract[m].patron === 'none')
      .flatMap((m) => {
        const found = patronIn(contract[m].output);
        return found.length > 0
          ? [`${m} is marked patron: 'none' but can answer ${[...new Set(found)].join(', ')}`]
          : [];
      });
    expect(wrong).toEqual([]);
  });

  it('the walk finds patron data however deep it is', () => {
    expect(patronIn(contract['persons.get'].output)).toContain('a person’s record');
    expect(patronIn(contract['bans.todo'].output)).toContain('a ban names its person');
    expect(patronIn(contract['incidents.get'].output)).toContain('an incident’s narrative and persons');
    expect(patronIn(contract['branches.list'].output)).toEqual([]);
  });

  it('(d) every export takes a Disclose step in its input', () => {
    const wrong = methodNames.filter((m) => {
      if (contract[m].patron !== 'exports' || DISCLOSED_WITHOUT_ASKING[m]) return false;
      const def = (contract[m].input as unknown as { _zod: { def: { type: string; shape?: object } } })._zod.def;
      return def.type !== 'object' || !def.shape || !('disclose' in def.shape);
    });
    expect(wrong).toEqual([]);
  });

  it('every marked method has a fixture here (or a reason it is checked elsewhere)', () => {
    const missing = methodNames.filter((m) => contract[m].patron !== 'none' && !FIXTURES[m] && !NOT_CALLED_HERE[m]);
    expect(missing).toEqual([]);
  });

  it('(a) every read of patron data leaves an audit entry, (c) every write a journal or audit entry', async () => {
    const me = staffId();
    const wrong: string[] = [];
    for (const [method, fixture] of Object.entries(FIXTURES) as [MethodName, Fixture][]) {
      const spec = contract[method];
      clock.advance(16 * 60_000);
      await c.must('auth.activity', {});
      await supervisor().must('auth.activity', {});
      const input = await fixture(seed, c);
      const audit = auditCount(me);
      const journal = journalCount(me);
      const disclosures = disclosureCount();
      if (spec.patron === 'exports') {
        const { disclose: _, ...without } = input as { disclose?: unknown };
        const refused = await c.call(method, without as never);
        if (refused.ok || refused.error.code !== 'VALIDATION' || !refused.error.fields?.disclose) {
          wrong.push(`${method}: exported without a Disclose step`);
        }
      }
      const r = await c.call(method, input as never);
      if (!r.ok) {
        wrong.push(`${method}: the fixture failed: ${r.error.code} ${r.error.message}`);
        continue;
      }
      const audited = auditCount(me) > audit;
      const journaled = journalCount(me) > journal;
      const reads = spec.patron !== 'none';
      // A write that answers with the record it changed is traced by its journal entry.
      if (reads && !audited && !(spec.writes && spec.patron === 'reads' && journaled)) {
        wrong.push(`${method}: read patron data without an audit entry`);
      }
      if (spec.patron === 'exports' && disclosureCount() !== disclosures + 1) {
        wrong.push(`${method}: exported without recording one disclosure`);
      }
      if (spec.writes && !audited && !journaled) wrong.push(`${method}: wrote without a journal or audit entry`);
      if (!reads && !spec.writes && (audited || journaled)) {
        // Not wrong in itself, but the mark should say so.
        wrong.push(`${method}: is marked neither reading nor writing yet left a trace`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('who has seen a person, through the records that show them', { timeout: 120_000 }, () => {
  it('lists a read of a report or a ban under each person on it, naming the record', async () => {
    const ban = await c.must('bans.get', { id: seed.banId });
    const onReport = await c.must('incidents.search', { personId: ban.person.id, limit: 1 });
    const report = await c.must('incidents.get', { id: onReport.items[0]!.id });
    const seen = await c.must('audit.list', { recordId: ban.person.id, action: 'read', limit: 50 });
    const details = seen.entries.map((e) => e.detail);
    expect(details).toContain(`Seen on ban ${ban.number} (ban ${ban.id})`);
    expect(details).toContain(`Seen on report ${report.number} (incident ${report.id})`);
    // The report's and the ban's own entries stay under their ids.
    const reportSeen = await c.must('audit.list', { recordId: report.id, limit: 5 });
    expect(reportSeen.entries[0]).toMatchObject({ subject: 'incident', detail: `Opened ${report.number}` });
  });
});
