import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import type { TestConsole } from '../../../test/helpers/services';
import { ManualClock } from '../clock';
import { forTheFile } from '../../../test/helpers/disclose';

const DAY = 86_400_000;
const PASS = 'a long test passphrase';

let t: IncidentDesk | undefined;
afterEach(() => t?.close());

/** A desk on a manual clock, with a second supervisor (approvals are never by the issuer). */
async function bansDesk() {
  const clock = new ManualClock(Date.parse('2026-03-01T18:00:00Z'));
  t = await incidentDesk({ clock });
  const d = t;
  await d.admin.must('staff.add', { name: 'Test Pat', username: 'pat', role: 'supervisor', passphrase: PASS });
  const second = d.desk.console();
  await second.must('auth.signIn', { username: 'pat', passphrase: PASS });
  const rule = (code: string) => d.rules.find((r) => r.code === code)!.id;
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    d.officer.must('persons.add', {
      name,
      sex: 'male',
      ageEstimate: '30s',
      height: '',
      build: '',
      hair: '',
      marks: '',
      ...extra,
    });
  /** Files a report with the person as subject, `minutesAgo` before the clock. */
  const incident = async (personId: string, name: string, code: string, by: TestConsole = d.officer) => {
    const at = new Date(clock.ms() - 30 * 60_000).toISOString();
    return d.file(by, {
      occurredFrom: at,
      occurredTo: null,
      ruleIds: [rule(code)],
      persons: [
        {
          role: 'subject',
          personId,
          name,
          sex: 'male',
          ageEstimate: '30s',
          height: '',
          build: '',
          hair: '',
          clothing: '',
          marks: '',
        },
      ],
    });
  };
  /** Moves time on; the consoles have been in use (the idle lock would otherwise lock them all). */
  const advance = (ms: number) => {
    clock.advance(ms);
    for (const session of d.desk.services.sessions.list()) session.lastActivity = clock.ms();
  };
  const setTime = (at: number) => advance(at - clock.ms());
  return { d, clock, advance, setTime, second, rule, person, incident };
}

describe('the ladder', () => {
  it('counts earlier violations of the same tier within the window only, and proposes the next step with its reason', async () => {
    const { d, advance, person, incident } = await bansDesk();
    const p = await person('Marcus Delgado');
    const first = await incident(p.id, p.name, 'B-01');
    expect(await d.officer.must('bans.propose', { personId: p.id, incidentId: first.id })).toMatchObject({
      tier: { code: 'conduct' },
      prior: [],
      step: { kind: 'warning' },
      why: '1st disruptive conduct violation in 12 months: written warning',
    });
    // Another tier does not count toward this one.
    advance(10 * DAY);
    await incident(p.id, p.name, 'B-05');
    advance(10 * DAY);
    const third = await incident(p.id, p.name, 'B-13');
    const proposal = await d.officer.must('bans.propose', { personId: p.id, incidentId: third.id });
    expect(proposal).toMatchObject({ prior: [{ number: first.number }], step: { kind: 'day' } });
    expect(proposal.why).toMatch(/^2nd disruptive conduct violation since \w{3} 1 Mar: asked to leave for the day$/);
    // Thirteen months later the first has left the window.
    advance(400 * DAY);
    const late = await incident(p.id, p.name, 'B-01');
    expect(await d.officer.must('bans.propose', { personId: p.id, incidentId: late.id })).toMatchObject({
      step: { kind: 'warning' },
    });
  });

  it('a ban lifted as rescinded stops counting; one shortened on appeal still counts', async () => {
    const { d, clock, advance, second, person, incident } = await bansDesk();
    const p = await person('Ana Lopez');
    const a = await incident(p.id, p.name, 'B-02');
    const banA = await d.officer.must('bans.issue', {
      personId: p.id,
      incidentIds: [a.id],
      step: { kind: 'day' },
      allBranches: false,
      privileges: ['building'],
    });
    await d.supervisor.must('bans.lift', { id: banA.id, reason: 'Issued to the wrong person', rescind: true });
    advance(2 * DAY);
    const b = await incident(p.id, p.name, 'B-02');
    expect(await d.officer.must('bans.propose', { personId: p.id, incidentId: b.id })).toMatchObject({
      prior: [],
      step: { kind: 'day' },
    });
    const banB = await d.officer.must('bans.issue', {
      personId: p.id,
      incidentIds: [b.id],
      step: { kind: 'days', days: 30 },
      overrideReason: 'Threatened the staff member twice',
      allBranches: false,
      privileges: ['building'],
    });
    await second.must('bans.approve', { id: banB.id });
    await d.officer.must('bans.recordDelivery', {
      id: banB.id,
      recipient: 'person',
      method: 'inPerson',
      deliveredAt: new Date(clock.ms()).toISOString(),
      signed: false,
    });
    await d.officer.must('bans.recordAppeal', { id: banB.id, receivedAt: new Date(clock.ms()).toISOString() });
    const appealId = (await d.supervisor.must('bans.get', { id: banB.id })).particulars!.appeals[0]!.id;
    await d.supervisor.must('bans.decideAppeal', {
      appealId,
      decision: 'shortened',
      newEndsAt: new Date(clock.ms() + 5 * DAY).toISOString(),
      note: 'First serious incident',
    });
    advance(40 * DAY);
    const c = await incident(p.id, p.name, 'B-02');
    expect(await d.officer.must('bans.propose', { personId: p.id, incidentId: c.id })).toMatchObject({
      prior: [{ number: b.number }],
      step: { kind: 'days', days: 30 },
    });
  });
});

describe('a ban’s life, derived from records and the clock', () => {
  it('pending approval → active → meeting required → ended after the meeting; statuses and words follow the clock', async () => {
    const { d, clock, advance, second, person, incident } = await bansDesk();
    const p = await person('Jordan Pike');
    const i = await incident(p.id, p.name, 'B-03');
    const proposal = await d.officer.must('bans.propose', { personId: p.id, incidentId: i.id });
    expect(proposal).toMatchObject({
      step: { kind: 'days', days: 90 },
      systemWide: true,
      approvalNeeded: true,
      meetingRequired: true,
    });
    const ban = await d.officer.must('bans.issue', {
      personId: p.id,
      incidentIds: [i.id],
      step: proposal.step,
      allBranches: false,
      privileges: ['building'],
    });
    // Threats are always system-wide, whatever the issuer picked.
    expect(ban).toMatchObject({
      status: 'pendingApproval',
      allBranches: true,
      number: expect.stringMatching(/^BAN-2026-\d{4}$/),
    });
    expect(await d.supervisor.call('bans.approve', { id: ban.id })).toMatchObject({ ok: true });
    expect((await d.officer.must('bans.get', { id: ban.id })).status).toBe('active');
    const check = async () => (await d.officer.must('desk.check', { text: 'jordan' })).results[0]!;
    expect((await check()).statusWords).toMatch(/^Banned from all branches until \w{3} \d{1,2} \w{3}$/);
    advance(91 * DAY);
    expect((await d.officer.must('bans.get', { id: ban.id })).status).toBe('awaitingReinstatement');
    expect((await check()).statusWords).toBe('Banned: meeting required before return');
    expect(
      await d.officer.call('bans.meetingHeld', { id: ban.id, heldAt: new Date(clock.ms()).toISOString() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await d.officer.must('bans.scheduleMeeting', {
      id: ban.id,
      at: new Date(clock.ms() + DAY).toISOString(),
      place: 'Main Library, manager’s office',
      withWhom: 'Branch manager',
    });
    advance(DAY);
    await second.must('bans.meetingHeld', {
      id: ban.id,
      heldAt: new Date(clock.ms()).toISOString(),
      conditions: 'No return to the lobby after 20:00 for a month',
    });
    expect((await d.officer.must('bans.get', { id: ban.id })).status).toBe('ended');
    expect((await check()).statusWords).toBe('Not banned');
  });

  it('raises its to-dos as desk alerts: approvals only to those who can approve, a meeting warning only when close', async () => {
    const { d, clock, advance, second, person, incident } = await bansDesk();
    const p = await person('Rowan Tate');
    const i = await incident(p.id, p.name, 'B-03');
    const proposal = await d.officer.must('bans.propose', { personId: p.id, incidentId: i.id });
    const ban = await d.officer.must('bans.issue', {
      personId: p.id,
      incidentIds: [i.id],
      step: proposal.step,
      allBranches: true,
      privileges: ['building'],
    });
    const kinds = async (c: TestConsole) =>
      (await c.must('alerts.list', {})).filter((a) => a.kind.startsWith('ban.')).map((a) => `${a.level} ${a.kind}`);
    // Officers cannot approve a ban: the strip does not ask them to.
    expect(await kinds(d.supervisor)).toContain('notice ban.approval');
    expect((await kinds(d.officer)).filter((k) => k.endsWith('ban.approval'))).toEqual([]);
    await second.must('bans.approve', { id: ban.id });
    expect((await kinds(d.supervisor)).filter((k) => k.endsWith('ban.approval'))).toEqual([]);

    // A meeting in three days is on the strip as a note, since a week before it (not since the ban was issued).
    advance(90 * DAY);
    const meetingAt = clock.ms() + 3 * DAY;
    await d.officer.must('bans.scheduleMeeting', {
      id: ban.id,
      at: new Date(meetingAt).toISOString(),
      place: 'Main Library, manager’s office',
      withWhom: 'Branch manager',
    });
    const meeting = async () => (await d.officer.must('alerts.list', {})).find((a) => a.kind === 'ban.meeting');
    expect(await meeting()).toMatchObject({ level: 'notice', since: new Date(meetingAt - 7 * DAY).toISOString() });
    // An hour before it, the desk is warned: the patron is about to arrive.
    advance(3 * DAY - 3_600_000);
    expect(await meeting()).toMatchObject({ level: 'warning' });
  });

  it('refuses an approval by the issuer, an overlapping ban (naming the first), and a missing reason to differ', async () => {
    const { d, advance, person, incident } = await bansDesk();
    const p = await person('Kai Brennan');
    const i = await incident(p.id, p.name, 'B-05', d.supervisor);
    const ban = await d.supervisor.must('bans.issue', {
      personId: p.id,
      incidentIds: [i.id],
      step: { kind: 'days', days: 30 },
      overrideReason: 'Second theft this month',
      allBranches: false,
      privileges: ['building'],
    });
    expect(await d.supervisor.call('bans.approve', { id: ban.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: /another supervisor/ },
    });
    advance(DAY);
    const j = await incident(p.id, p.name, 'B-05');
    expect(
      await d.officer.call('bans.issue', {
        personId: p.id,
        incidentIds: [j.id],
        step: { kind: 'days', days: 7 },
        allBranches: false,
        privileges: ['building'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { overrideReason: expect.any(String) } } });
    expect(
      await d.officer.call('bans.issue', {
        personId: p.id,
        incidentIds: [j.id],
        step: { kind: 'days', days: 30 },
        allBranches: false,
        privileges: ['building', 'computers'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: new RegExp(ban.number), fields: { overlapsBanId: ban.id } },
    });
  });

  it('starts the appeal clock at delivery; refuses a late appeal unless a supervisor accepts it with a reason', async () => {
    const { d, clock, second, setTime, person, incident } = await bansDesk();
    const p = await person('Rosa Whitfield');
    const i = await incident(p.id, p.name, 'B-03');
    const ban = await d.officer.must('bans.issue', {
      personId: p.id,
      incidentIds: [i.id],
      step: { kind: 'days', days: 90 },
      allBranches: true,
      privileges: ['building'],
    });
    await second.must('bans.approve', { id: ban.id });
    expect((await d.supervisor.must('bans.get', { id: ban.id })).particulars!.appealDeadline).toBeNull();
    await d.officer.must('bans.recordDelivery', {
      id: ban.id,
      recipient: 'person',
      method: 'posted',
      deliveredAt: new Date(clock.ms()).toISOString(),
      postedOn: '2026-03-01',
    });
    // Posted on 1 Mar: delivered after 7 days, then 10 days to appeal: the last day is 18 Mar in Chicago.
    const deadline = (await d.supervisor.must('bans.get', { id: ban.id })).particulars!.appealDeadline!;
    expect(deadline).toBe('2026-03-19T05:00:00.000Z');
    setTime(Date.parse(deadline) + DAY);
    const received = new Date(clock.ms()).toISOString();
    expect(await d.officer.call('bans.recordAppeal', { id: ban.id, receivedAt: received })).toMatchObject({
      ok: false,
      error: { fields: { acceptLateReason: expect.any(String) } },
    });
    expect(
      await d.officer.call('bans.recordAppeal', { id: ban.id, receivedAt: received, acceptLateReason: 'In hospital' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const accepted = await d.supervisor.must('bans.recordAppeal', {
      id: ban.id,
      receivedAt: received,
      acceptLateReason: 'The patron was in hospital',
    });
    expect(accepted.particulars!.appeals[0]).toMatchObject({ late: true, lateReason: 'The patron was in hospital' });
  });
});

describe('persons', () => {
  it('keeps card numbers to supervisors, flags possible duplicates, and merges two records keeping both histories', async () => {
    const { d, advance, person, incident } = await bansDesk();
    expect(
      await d.officer.call('persons.add', {
        name: 'Li Wei',
        sex: 'male',
        ageEstimate: '',
        height: '',
        build: '',
        hair: '',
        marks: '',
        cardNumber: '2900123',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { cardNumber: expect.any(String) } },
    });
    const refusals = await d.admin.must('audit.list', { action: 'refused' });
    expect(refusals.entries.some((e) => e.subject === 'persons.cardNumber')).toBe(true);
    const a = await d.supervisor.must('persons.add', {
      name: 'José Álvarez',
      sex: 'male',
      ageEstimate: '40s',
      height: '',
      build: '',
      hair: '',
      marks: '',
      birthDate: '1984-05-02',
      cardNumber: '2900123',
    });
    expect(a).toMatchObject({ cardNumber: '2900123', cardOnFile: true, minor: false });
    const seenByOfficer = (await d.officer.must('persons.get', { id: a.id })).person;
    expect(seenByOfficer).toMatchObject({ cardNumber: null, cardOnFile: true });
    const dups = await d.officer.must('persons.findDuplicates', { name: 'Jose Alvarez', birthDate: '1984-05-02' });
    expect(dups.duplicates[0]).toMatchObject({
      person: { id: a.id },
      why: expect.arrayContaining(['same birth date and a like name']),
    });

    const b = await person('Joe Alvarez', { aliases: ['Pepe'] });
    const incA = await incident(a.id, a.name, 'B-01');
    advance(DAY);
    const incB = await incident(b.id, b.name, 'B-01');
    expect(await d.officer.call('persons.merge', { keepId: a.id, mergeId: b.id, reason: 'Same person' })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
    const merged = await d.supervisor.must('persons.merge', {
      keepId: a.id,
      mergeId: b.id,
      reason: 'Same card, same face',
    });
    expect(merged).toMatchObject({ mergedFrom: [b.id], aliases: expect.arrayContaining(['Joe Alvarez', 'Pepe']) });
    // Both histories are the kept person's: the ladder counts the merged record's report too.
    expect(await d.officer.must('bans.propose', { personId: a.id, incidentId: incB.id })).toMatchObject({
      prior: [{ number: incA.number }],
    });
    // The desk check finds the kept record by the other's name, once.
    const found = await d.officer.must('desk.check', { text: 'pepe' });
    expect(found.results.map((r) => r.person.id)).toEqual([a.id]);
  });
});

describe('the desk check', () => {
  it('forgives typos, missing accents, swapped order and unfinished words; takes SQL and FTS syntax as text; audits each look', async () => {
    const { d, person } = await bansDesk();
    const m = await person('Marguerite Delacroix');
    await person('José Ñúñez', { aliases: ['Pepito'] });
    await person('Unknown man in red cap', { unknown: true, description: 'Red baseball cap, grey backpack, tall' });
    const names = async (text: string) =>
      (await d.officer.must('desk.check', { text })).results.map((r) => r.person.name);
    expect(await names('margeurite dela')).toEqual(['Marguerite Delacroix']);
    expect(await names('delacroix marguerite')).toEqual(['Marguerite Delacroix']);
    expect(await names('marg')).toEqual(['Marguerite Delacroix']);
    expect(await names('jose nunez')).toEqual(['José Ñúñez']);
    expect(await names('JOSÉ')).toEqual(['José Ñúñez']);
    expect(await names('pepit')).toEqual(['José Ñúñez']);
    expect(await names('red cap')).toEqual(['Unknown man in red cap']);
    expect(await names(`' OR 1=1 --`)).toEqual([]);
    expect(await names('"marg*" NEAR(a)')).toEqual([]);
    const officerView = (await d.officer.must('desk.check', { text: 'marguerite' })).results[0]!;
    expect(officerView).toMatchObject({
      person: { id: m.id },
      banned: false,
      statusWords: 'Not banned',
      history: null,
    });
    expect((await d.supervisor.must('desk.check', { text: 'marguerite' })).results[0]!.history).not.toBeNull();
    const reads = await d.admin.must('audit.list', { action: 'read', text: 'desk.check' });
    expect(reads.entries.length).toBeGreaterThanOrEqual(9);
  });
});

describe('letters', () => {
  it('prints the notice with the period, what is suspended, the rules and the appeal deadline, and a guardian copy for a minor', async () => {
    const { d, second, person, incident } = await bansDesk();
    const p = await person('Tyler Brooks', {
      birthDate: '2011-06-01',
      guardianName: 'Dana Brooks',
      guardianContact: '608-555-0100',
    });
    expect(p.minor).toBe(true);
    const i = await incident(p.id, p.name, 'B-06');
    const ban = await d.officer.must('bans.issue', {
      personId: p.id,
      incidentIds: [i.id],
      step: { kind: 'days', days: 30 },
      overrideReason: 'Broke a window on purpose',
      allBranches: false,
      privileges: ['building', 'computers'],
    });
    await second.must('bans.approve', { id: ban.id });
    const dir = mkdtempSync(join(tmpdir(), 'vigil-notice-'));
    try {
      const text = async (recipient: 'person' | 'guardian') => {
        const pdf = await d.officer.must('bans.noticePdf', { id: ban.id, recipient, disclose: forTheFile });
        const file = join(dir, pdf.fileName);
        writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
        return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      };
      const notice = await text('person');
      for (const expected of [
        ban.number,
        'Tyler Brooks',
        'B-06',
        'the building and grounds and computers',
        'Appeal by',
        '10 days from delivery',
        '43.52(2)',
      ]) {
        expect(notice).toContain(expected);
      }
      expect(notice).toMatch(/Starts \w{3} \d{1,2} Mar 2026/);
      expect(notice).toMatch(/Ends \w{3} \d{1,2} Mar 2026/);
      const guardian = await text('guardian');
      expect(guardian).toContain('Dana Brooks, for Tyler Brooks');
      expect(guardian).toContain('under 18');
      const detail = await d.supervisor.must('bans.get', { id: ban.id });
      expect(detail.particulars!.notices.map((n) => n.recipient).sort()).toEqual(['guardian', 'person']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
