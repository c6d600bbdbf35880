import { useState } from 'react';
import { call } from '../../../lib/api';
import type { CallError, Result } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { Button } from '../../../components/Button';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { EmptyState } from '../../../components/EmptyState';
import type { Branch, Zone } from '../../../../shared/contract';
import { SectionHeader } from '../SectionHeader';
import { BranchForm } from './BranchForm';
import { BranchCard } from './BranchCard';

/** The one form open in this section, if any: opening another closes it. */
export type Editing =
  | { kind: 'addBranch' }
  | { kind: 'editBranch'; branch: Branch }
  | { kind: 'addZone'; branch: Branch }
  | { kind: 'editZone'; branch: Branch; zone: Zone }
  | { kind: 'hours'; branch: Branch }
  | { kind: 'specialDay'; branch: Branch }
  | null;

export function BranchesSection() {
  const list = useQuery('branches.list', {}, { refetchOn: ['branches.changed'] });
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);

  function replace(branch: Branch) {
    const current = list.value ?? [];
    const known = current.some((b) => b.id === branch.id);
    list.setValue(known ? current.map((b) => (b.id === branch.id ? branch : b)) : [...current, branch]);
  }

  function saved(branch: Branch, message: string) {
    replace(branch);
    setEditing(null);
    setError(undefined);
    setStatus(message);
  }

  async function change(action: () => Promise<Result<Branch>>, message: (b: Branch) => string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) saved(result.value, message(result.value));
    else setError(result.error);
  }

  const branches = list.value ?? [];
  return (
    <section aria-labelledby="branches-title" className="settings-section">
      <SectionHeader
        id="branches-title"
        title="Branches"
        action={
          <Button variant="primary" onClick={() => setEditing({ kind: 'addBranch' })}>
            Add branch
          </Button>
        }
      >
        Library buildings and their zones. Retired ones stay listed so old records keep their place.
      </SectionHeader>
      <StatusNotice message={status} />
      <ErrorNotice error={error ?? list.error} />
      {editing?.kind === 'addBranch' && (
        <BranchForm onSaved={(b) => saved(b, `Added ${b.name}.`)} onCancel={() => setEditing(null)} />
      )}
      {list.loading && <p className="muted">Loading branches…</p>}
      {!list.loading && branches.length === 0 && !list.error && (
        <EmptyState title="No branches yet">
          <p>Add the library’s buildings with “Add branch”. Each branch can then have zones such as Entrance.</p>
        </EmptyState>
      )}
      <div className="branch-list">
        {branches.map((b) => (
          <BranchCard
            key={b.id}
            branch={b}
            editing={editing}
            busy={busy}
            onEdit={setEditing}
            onSaved={saved}
            onSetRetired={(branch, retired) =>
              void change(
                () => call('branches.setRetired', { id: branch.id, retired }),
                (r) => `${r.name} is ${retired ? 'retired' : 'back in use'}.`,
              )
            }
            onRemoveDay={(branch, date) =>
              void change(
                () => call('branches.removeSpecialDay', { branchId: branch.id, date }),
                (r) => `Removed the special day from ${r.name}.`,
              )
            }
            onSetZoneRetired={(zone, retired) =>
              void change(
                () => call('zones.setRetired', { id: zone.id, retired }),
                () => `${zone.name} is ${retired ? 'retired' : 'back in use'}.`,
              )
            }
          />
        ))}
      </div>
    </section>
  );
}
