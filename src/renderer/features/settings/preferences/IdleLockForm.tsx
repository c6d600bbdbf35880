import { useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { TextField } from '../../../components/Field';
import { Button } from '../../../components/Button';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useSession } from '../../../app/session';
import type { DeskSettings } from '../../../../shared/contract';

/** Desk-wide: minutes without keyboard or mouse before every console locks. Admins only. */
export function IdleLockForm() {
  const settings = useQuery('settings.get', {});
  if (settings.error) return <ErrorNotice error={settings.error} />;
  if (!settings.value) return <p className="muted">Loading settings…</p>;
  return <IdleLockFields initial={settings.value} onSaved={settings.setValue} />;
}

function IdleLockFields({ initial, onSaved }: { initial: DeskSettings; onSaved: (s: DeskSettings) => void }) {
  const { setSession } = useSession();
  const [minutes, setMinutes] = useState(String(initial.idleLockMinutes));
  const [status, setStatus] = useState<string | undefined>(undefined);
  const submit = useSubmit();

  async function save(e: FormEvent) {
    e.preventDefault();
    setStatus(undefined);
    const saved = await submit.run(() => call('settings.update', { idleLockMinutes: Number(minutes) }));
    if (!saved) return;
    onSaved(saved);
    setStatus(
      `Saved. Consoles lock after ${saved.idleLockMinutes} idle ${saved.idleLockMinutes === 1 ? 'minute' : 'minutes'}.`,
    );
    // The idle timer reads its minutes from the session: fetch it again so it starts using the new value.
    const state = await call('auth.state', {});
    if (state.ok) setSession(state.value);
  }

  return (
    <form className="pref-group" onSubmit={save} noValidate aria-labelledby="idle-lock-title">
      <h4 id="idle-lock-title" className="pref-title">
        Idle lock
      </h4>
      <ErrorNotice error={submit.error} />
      <TextField
        label="Lock after idle (minutes)"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        step={1}
        value={minutes}
        onChange={setMinutes}
        hint="Between 1 and 240. When nobody touches the keyboard or mouse for this long, the console locks and asks for a passphrase."
        error={submit.fieldError('idleLockMinutes')}
        fieldClassName="field-short"
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          Save preferences
        </Button>
      </div>
      <StatusNotice message={status} />
    </form>
  );
}
