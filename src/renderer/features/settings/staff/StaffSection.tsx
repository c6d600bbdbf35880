import { Fragment, useState } from 'react';
import { call } from '../../../lib/api';
import type { CallError, Result } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { roleLabel } from '../../../../shared/roles';
import type { Staff, StaffSummary } from '../../../../shared/contract';
import { SectionHeader } from '../SectionHeader';
import { AddStaffForm } from './AddStaffForm';
import { ResetPassphraseForm } from './ResetPassphraseForm';
import { StaffRow } from './StaffRow';

export function StaffSection({ self }: { self: StaffSummary }) {
  const list = useQuery('staff.list', {});
  const lockouts = useQuery('auth.lockouts', {});
  const lockedUntil = (id: string) => lockouts.value?.find((l) => l.staffId === id)?.lockedUntil ?? null;
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [confirming, setConfirming] = useState<Staff | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);

  function replace(member: Staff, message: string) {
    const current = list.value ?? [];
    const known = current.some((s) => s.id === member.id);
    list.setValue(known ? current.map((s) => (s.id === member.id ? member : s)) : [...current, member]);
    setError(undefined);
    setStatus(message);
  }

  async function change(action: () => Promise<Result<Staff>>, message: (s: Staff) => string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) replace(result.value, message(result.value));
    else setError(result.error);
  }

  async function clearLockout(member: Staff) {
    setBusy(true);
    const result = await call('auth.clearLockout', { staffId: member.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    lockouts.reload();
    setError(undefined);
    setStatus(`${member.name} can sign in again now.`);
  }

  function setActive(member: Staff, active: boolean) {
    void change(
      () => call('staff.setActive', { id: member.id, active }),
      (s) => `${s.name} is ${active ? 'active again and can sign in' : 'deactivated and can no longer sign in'}.`,
    );
  }

  const staff = list.value ?? [];
  return (
    <section aria-labelledby="staff-title" className="settings-section">
      <SectionHeader
        id="staff-title"
        title="Staff"
        action={
          <Button variant="primary" onClick={() => setAdding(true)} disabled={adding}>
            Add staff
          </Button>
        }
      >
        Who may sign in, and with which role. Staff are deactivated, never deleted: their records stay theirs.
      </SectionHeader>
      <StatusNotice message={status} />
      <ErrorNotice error={error ?? list.error} />
      {adding && (
        <AddStaffForm
          onSaved={(s) => {
            setAdding(false);
            replace(s, `Added ${s.name} as ${roleLabel[s.role]}.`);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {list.loading && <p className="muted">Loading staff…</p>}
      {staff.length > 0 && (
        <table className="table staff-table">
          <caption className="visually-hidden">Staff</caption>
          <thead>
            <tr>
              <th scope="col">Name and username</th>
              <th scope="col">Role</th>
              <th scope="col">Status, last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <Fragment key={member.id}>
                <StaffRow
                  member={member}
                  lockedUntil={lockedUntil(member.id)}
                  self={self}
                  busy={busy}
                  onRole={(m, role) =>
                    void change(
                      () => call('staff.setRole', { id: m.id, role }),
                      (s) => `${s.name} is now ${roleLabel[s.role]}.`,
                    )
                  }
                  onReset={setResetting}
                  onSetActive={(m, active) => (active ? setActive(m, true) : setConfirming(m))}
                  onClearLockout={(m) => void clearLockout(m)}
                />
                {resetting?.id === member.id && (
                  <tr className="row-form">
                    <td colSpan={4}>
                      <ResetPassphraseForm
                        member={member}
                        onSaved={(s) => {
                          setResetting(null);
                          replace(s, `New passphrase saved for ${s.name}.`);
                        }}
                        onCancel={() => setResetting(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Deactivate ${confirming.name}?`}
          confirmLabel="Yes, deactivate"
          onConfirm={() => {
            setActive(confirming, false);
            setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {confirming.name} will no longer be able to sign in. Everything they recorded stays, with their name on it.
            You can reactivate them later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
