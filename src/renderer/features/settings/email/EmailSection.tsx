import { useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import type { MailSecurity, MailSettings, SendAttempt } from '../../../../shared/contract';
import { emailProblem, hostProblem } from '../../../../shared/contract/contact-fields';
import { SectionHeader } from '../SectionHeader';

const SECURITY: { value: MailSecurity; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'tls', label: 'TLS from the start (usually port 465)' },
  { value: 'none', label: 'None: a relay inside the library’s network only' },
];

/** Settings → Email: the mail server that sends the daily activity report, and who receives it. */
export function EmailSection() {
  const settings = useQuery('mail.settings', {});
  return (
    <section aria-labelledby="email-title">
      <SectionHeader id="email-title" title="Email">
        The mail server the desk sends its daily activity reports through, and who receives them. The password stays on
        this desk’s computer: it is never shown again, and never leaves except to this server.
      </SectionHeader>
      <ErrorNotice error={settings.error} />
      {settings.value && <EmailForm current={settings.value} onSaved={settings.setValue} />}
    </section>
  );
}

const splitAddresses = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function EmailForm({ current, onSaved }: { current: MailSettings; onSaved: (s: MailSettings) => void }) {
  const [host, setHost] = useState(current.host);
  const [port, setPort] = useState(String(current.port));
  const [security, setSecurity] = useState<MailSecurity>(current.security);
  const [username, setUsername] = useState(current.username);
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(current.from);
  const [recipients, setRecipients] = useState(current.recipients.join('\n'));
  const [autoSend, setAutoSend] = useState(current.autoSendAtShiftEnd);
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const [said, setSaid] = useState<string | undefined>(undefined);
  const [tested, setTested] = useState<SendAttempt | undefined>(undefined);
  const submit = useSubmit();
  const test = useSubmit();

  const check = (field: string, problem: string | null) =>
    setProblems((p) => ({ ...p, [field]: problem ?? undefined }));
  const recipientProblem = () => {
    const list = splitAddresses(recipients);
    if (list.length === 0) return 'Give at least one address to send reports to';
    const bad = list.map((a) => [a, emailProblem(a)] as const).find(([, p]) => p);
    return bad ? `${bad[0]}: ${bad[1]}` : null;
  };
  const fieldError = (f: string) => problems[f] ?? submit.fieldError(f);

  async function save() {
    setSaid(undefined);
    const done = await submit.run(() =>
      call('mail.saveSettings', {
        host,
        port: Number(port),
        security,
        username,
        ...(password ? { password } : {}),
        from,
        recipients: splitAddresses(recipients),
        autoSendAtShiftEnd: autoSend,
      }),
    );
    if (done) {
      setPassword('');
      setSaid('Email settings saved.');
      onSaved(done);
    }
  }

  return (
    <form
      className="card email-form"
      aria-label="Mail server"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <StatusNotice message={said} />
      <ErrorNotice error={submit.error} summarize />
      <div className="settings-grid">
        <TextField
          label="Mail server"
          value={host}
          onChange={(v) => {
            setHost(v);
            check('host', null);
          }}
          onBlur={() => check('host', hostProblem(host))}
          placeholder="smtp.library.org"
          error={fieldError('host')}
        />
        <TextField
          label="Port"
          type="number"
          min={1}
          max={65535}
          value={port}
          onChange={setPort}
          error={fieldError('port')}
        />
        <SelectField label="Security" value={security} options={SECURITY} onChange={setSecurity} />
        <TextField
          label="User name"
          value={username}
          onChange={setUsername}
          autoComplete="off"
          error={fieldError('username')}
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint={current.passwordSet ? 'A password is kept. Leave empty to keep it; type a new one to change it.' : ''}
          error={fieldError('password')}
        />
        <TextField
          label="Send from"
          type="email"
          value={from}
          onChange={(v) => {
            setFrom(v);
            check('from', null);
          }}
          onBlur={() => check('from', from.trim() ? emailProblem(from) : null)}
          placeholder="security-desk@library.org"
          error={fieldError('from')}
        />
      </div>
      <TextAreaField
        label="Send reports to (one address a line)"
        value={recipients}
        onChange={(v) => {
          setRecipients(v);
          check('recipients', null);
        }}
        onBlur={() => check('recipients', recipientProblem())}
        rows={3}
        error={problems.recipients ?? submit.fieldError('recipients') ?? submit.fieldError('recipients.0')}
      />
      <label className="checkbox-field">
        <input type="checkbox" checked={autoSend} onChange={(e) => setAutoSend(e.target.checked)} />
        <span>Send each shift’s report by itself when the shift ends</span>
      </label>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          Save email settings
        </Button>
        <Button
          disabled={test.pending || !current.configured}
          onClick={() => void test.run(() => call('mail.sendTest', {})).then((r) => setTested(r))}
        >
          {test.pending ? 'Sending…' : 'Send a test message'}
        </Button>
      </div>
      <ErrorNotice error={test.error} />
      {tested && (
        <div className={tested.ok ? 'notice notice-ok' : 'notice notice-error'} role="status">
          <span>
            {tested.message}
            {!tested.ok && tested.serverAnswer ? ` The server said: ${tested.serverAnswer}` : ''}
          </span>
        </div>
      )}
    </form>
  );
}
