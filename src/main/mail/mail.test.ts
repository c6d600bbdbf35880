import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { shiftDesk, type ShiftDesk } from '../../../test/helpers/shift';
import { closedPort, silentServer, startMailServer, type TestMailServer } from '../../../test/helpers/smtp';
import type { InputOf } from '../../shared/contract';
import { forTheFile } from '../../../test/helpers/disclose';

const PASSWORD = 'mail secret 42';
const monday = (hhmm: string) => `2026-11-30T${hhmm}:00.000-06:00`;

let t: ShiftDesk | undefined;
let server: TestMailServer | undefined;
const logged: string[] = [];
afterEach(async () => {
  await t?.close();
  await server?.close();
  t = undefined;
  server = undefined;
  logged.length = 0;
});

const settings = (port: number, over: Partial<InputOf<'mail.saveSettings'>> = {}): InputOf<'mail.saveSettings'> => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  username: 'vigil',
  password: PASSWORD,
  from: 'desk@library.org',
  recipients: ['manager@library.org'],
  autoSendAtShiftEnd: false,
  ...over,
});

async function deskWithReport(opts: Parameters<typeof shiftDesk>[1] = {}) {
  t = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))), {
    log: (m, e) => logged.push(`${m} ${e instanceof Error ? e.stack : String(e ?? '')}`),
    ...opts,
  });
  const shift = await t.officer.must('shifts.start', { branchId: t.branch.id });
  await t.entry(t.officer, { kind: 'pass-on', text: 'The east door sticks: push it firmly.' });
  t.advance(60 * 60_000);
  const report = await t.officer.must('activity.generate', { scope: 'shift', shiftId: shift.id });
  return { shift, report };
}

/** Everything main keeps: the database, its WAL, and any other file in the data folder. */
function everythingKept(d: ShiftDesk): string {
  const dir = d.desk.dataDir;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => readFileSync(join(f.parentPath, f.name)).toString('latin1'))
    .join('\n');
}

describe('mail', () => {
  it('sends the report through a real SMTP server: the PDF attached, the summary as the body', async () => {
    server = await startMailServer();
    const { report } = await deskWithReport();
    const saved = await t!.admin.must('mail.saveSettings', settings(server.port));
    expect(saved).toMatchObject({ configured: true, passwordSet: true, recipients: ['manager@library.org'] });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    // Settings are an administrator's; the desk only learns whether reports can go, and to whom.
    expect(await t!.officer.call('mail.settings', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t!.officer.must('mail.status', {})).toEqual({
      configured: true,
      recipients: ['manager@library.org'],
      autoSendAtShiftEnd: false,
    });

    const sent = await t!.officer.must('activity.send', { id: report.id });
    expect(sent.sends).toHaveLength(1);
    expect(sent.sends[0]).toMatchObject({ ok: true, failure: null, message: 'Sent to manager@library.org' });
    const [mail] = await server.waitFor(1);
    expect(mail!.subject).toBe(report.title);
    expect(mail!.from?.text).toBe('desk@library.org');
    expect(mail!.text).toContain('Shift log: 1 entry, 1 note passed on (1 not yet read)');
    expect(mail!.text).not.toContain('east door');
    expect(mail!.attachments).toHaveLength(1);
    const pdf = mail!.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe(report.fileName);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    // What arrived is what was kept.
    const kept = await t!.officer.must('activity.pdf', { id: report.id, disclose: forTheFile });
    expect(Buffer.from(kept.pdfBase64, 'base64').equals(pdf.content)).toBe(true);

    // Sent to whom an administrator set: a disclosure under library administration, asked of nobody.
    const disclosed = await t!.admin.must('audit.disclosures', { recordId: report.id });
    expect(disclosed.entries.map((e) => e.method)).toEqual(['activity.pdf', 'activity.send']);
    expect(disclosed.entries[1]).toMatchObject({
      basis: 'library-administration',
      recipient: 'manager@library.org',
      staffName: 'Test olu',
      fileName: report.fileName,
      sha256: report.sha256,
    });

    // The password is sealed at rest and appears nowhere: not in a file, a journal entry or the log.
    expect(everythingKept(t!)).not.toContain(PASSWORD);
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('names a refused login, a refused recipient and a server that is down, keeps the report, and sends on retry', async () => {
    server = await startMailServer({ refuse: ['nobody@library.org'] });
    const { report } = await deskWithReport();

    await t!.admin.must('mail.saveSettings', settings(server.port, { password: 'not the password' }));
    let r = await t!.officer.must('activity.send', { id: report.id });
    expect(r.sends.at(-1)).toMatchObject({
      ok: false,
      failure: 'auth',
      message: 'The mail server refused the login for “vigil”. Check the user name and password in Settings → Email.',
    });
    expect(r.sends.at(-1)!.serverAnswer).toContain('535');
    expect(JSON.stringify(r)).not.toContain('not the password');

    await t!.admin.must('mail.saveSettings', settings(server.port, { recipients: ['nobody@library.org'] }));
    r = await t!.officer.must('activity.send', { id: report.id });
    expect(r.sends.at(-1)).toMatchObject({ ok: false, failure: 'recipient' });
    expect(r.sends.at(-1)!.message).toBe(
      'The mail server refused the recipient nobody@library.org. Check the address in Settings → Email.',
    );
    expect(r.sends.at(-1)!.serverAnswer).toContain('Recipient address rejected');

    const down = await closedPort();
    await t!.admin.must('mail.saveSettings', settings(down));
    r = await t!.officer.must('activity.send', { id: report.id });
    expect(r.sends.at(-1)).toMatchObject({ ok: false, failure: 'connection' });
    expect(r.sends.at(-1)!.message).toBe(
      `Could not connect to the mail server at 127.0.0.1:${down}: the connection was refused. Is the server running, and is the port right?`,
    );

    // Nothing was lost: the report and every attempt are kept, and a retry goes through.
    await t!.admin.must('mail.saveSettings', settings(server.port));
    r = await t!.officer.must('activity.send', { id: report.id });
    expect(r.sends.map((s) => s.failure)).toEqual(['auth', 'recipient', 'connection', null]);
    // Only the email that went is a disclosure.
    const disclosed = await t!.admin.must('audit.disclosures', { recordId: report.id });
    expect(disclosed.entries.map((e) => e.method)).toEqual(['activity.send']);
    expect(server.received).toHaveLength(1);
    const listed = await t!.officer.must('activity.list', {});
    expect(listed.map((x) => x.id)).toEqual([report.id]);
    expect(listed[0]!.sends).toHaveLength(4);
    const kinds = t!
      .db()
      .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ? ORDER BY seq')
      .all(report.id)
      .map((x) => x.kind);
    expect(kinds).toEqual([
      'activity.reportMade',
      'activity.reportSendFailed',
      'activity.reportSendFailed',
      'activity.reportSendFailed',
      'activity.reportSent',
    ]);
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('sends the shift’s report by itself at the shift’s end when an administrator asked for it', async () => {
    server = await startMailServer();
    const { shift } = await deskWithReport();
    await t!.admin.must('mail.saveSettings', settings(server.port, { autoSendAtShiftEnd: true }));
    await t!.officer.must('shifts.end', { shiftId: shift.id, note: 'All quiet at the end.' });
    const [mail] = await server.waitFor(1);
    expect(mail!.subject).toBe('Shift report: Test olu at Main Library, Mon 30 Nov 2026');
    const [report] = await t!.officer.must('activity.list', {});
    expect(report).toMatchObject({ shiftId: shift.id, createdBy: null });
    // Sent by the desk itself: a disclosure with nobody's name on it.
    await expect
      .poll(async () => (await t!.admin.must('audit.disclosures', { recordId: report!.id })).entries)
      .toEqual([expect.objectContaining({ method: 'activity.send', staffId: null, basis: 'library-administration' })]);
    await expect.poll(async () => (await t!.officer.must('activity.list', {}))[0]!.sends.length).toBe(1);
  });

  it('gives up on a server that never answers, in words, within its time', async () => {
    const silent = await silentServer();
    try {
      const { report } = await deskWithReport({
        mailTimeouts: { connectionMs: 500, greetingMs: 500, socketMs: 500, totalMs: 2_000 },
      });
      await t!.admin.must('mail.saveSettings', settings(silent.port));
      const r = await t!.officer.must('activity.send', { id: report.id });
      expect(r.sends.at(-1)).toMatchObject({ ok: false, failure: 'timeout' });
      expect(r.sends.at(-1)!.message).toMatch(
        new RegExp(`^The mail server at 127\\.0\\.0\\.1:${silent.port} did not answer within \\d+ seconds?\\. `),
      );
    } finally {
      await silent.close();
    }
  });

  it('refuses an address or server that is not one at the field, and keeps a password to its own server', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))));
    const bad = await t.admin.call('mail.saveSettings', {
      ...settings(25),
      host: 'smtp://mail.library.org',
      recipients: ['manager.library.org'],
    });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('The server’s name only, without smtp:// or https://');
    expect(JSON.stringify(bad)).toContain('Not an email address: it looks like name@library.org');

    await t.admin.must('mail.saveSettings', settings(25));
    const { password: _typed, ...rest } = settings(25);
    expect(await t.admin.must('mail.saveSettings', rest)).toMatchObject({ passwordSet: true });
    expect(await t.admin.call('mail.saveSettings', { ...rest, host: 'mail.elsewhere.example' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Type the password again: the server or user name changed.' },
    });
    // Without a server set, a send says so and the report stays.
    const unset = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))));
    try {
      const shift = await unset.officer.must('shifts.start', { branchId: unset.branch.id });
      const report = await unset.officer.must('activity.generate', { scope: 'shift', shiftId: shift.id });
      const r = await unset.officer.must('activity.send', { id: report.id });
      expect(r.sends[0]).toMatchObject({ ok: false, failure: 'not-configured' });
    } finally {
      await unset.close();
    }
  });
});
