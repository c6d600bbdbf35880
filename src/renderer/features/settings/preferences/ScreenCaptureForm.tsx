import { useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';

/**
 * Desk-wide, admins only: the Electron window is left out of screenshots, screen
 * recording and screen sharing, so camera images and patron records are not captured
 * by another program. On by default; saved as soon as it is changed.
 */
export function ScreenCaptureForm() {
  const settings = useQuery('settings.get', {});
  const submit = useSubmit();
  const [status, setStatus] = useState<string | undefined>(undefined);
  if (settings.error) return <ErrorNotice error={settings.error} />;
  if (!settings.value) return null;
  const blocked = settings.value.blockScreenCapture;

  async function change(next: boolean) {
    setStatus(undefined);
    const saved = await submit.run(() => call('settings.update', { blockScreenCapture: next }));
    if (!saved) return;
    settings.setValue(saved);
    setStatus(
      saved.blockScreenCapture
        ? 'Saved. Screenshots and screen sharing show a blank Vigil window.'
        : 'Saved. Screenshots and screen sharing can show the Vigil window.',
    );
  }

  return (
    <div className="pref-group" role="group" aria-labelledby="screen-capture-title">
      <h4 id="screen-capture-title" className="pref-title">
        Screen capture
      </h4>
      <ErrorNotice error={submit.error} />
      <label className="check">
        <input
          type="checkbox"
          checked={blocked}
          disabled={submit.pending}
          onChange={(e) => void change(e.target.checked)}
        />{' '}
        Keep the Vigil window out of screenshots, screen recording and screen sharing
      </label>
      <p className="field-hint">
        Camera images and patron records are confidential. In the desktop app, another program capturing the screen sees
        a blank window while this is on. (The browser shell cannot enforce it.)
      </p>
      <StatusNotice message={status} />
    </div>
  );
}
