import { useState } from 'react';
import { call } from '../../../lib/api';
import type { CallError, Result } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import type { Camera, CameraDetail } from '../../../../shared/contract';
import { useCameraList } from '../../cameras/useCameraList';
import { SectionHeader } from '../SectionHeader';
import { CameraFileTools } from './CameraFileTools';
import { CameraForm } from './CameraForm';
import { CameraTable } from './CameraTable';
import { RecordingSection } from './RecordingSection';

/** The one form open here: adding, or editing a camera whose addresses have been loaded. */
type Editing = { kind: 'add' } | { kind: 'edit'; camera: CameraDetail } | null;

export function CamerasSection() {
  const list = useCameraList();
  const branchList = useQuery('branches.list', {}, { refetchOn: ['branches.changed'] });
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Camera | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);

  const branches = branchList.value ?? [];
  const activeBranches = branches.filter((b) => !b.retired);
  const cameras = list.cameras ?? [];

  function done(message: string) {
    setError(undefined);
    setStatus(message);
    list.reload();
  }

  async function change<T>(action: () => Promise<Result<T>>, message: (value: T) => string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) done(message(result.value));
    else setError(result.error);
  }

  async function edit(camera: Camera) {
    const result = await call('cameras.get', { id: camera.id });
    if (result.ok) setEditing({ kind: 'edit', camera: result.value });
    else setError(result.error);
  }

  const form = editing && (
    <CameraForm
      key={editing.kind === 'edit' ? editing.camera.id : 'new'}
      branches={activeBranches}
      camera={editing.kind === 'edit' ? editing.camera : undefined}
      onSaved={(c) => {
        setEditing(null);
        done(editing.kind === 'edit' ? `Saved ${c.name}.` : `Added ${c.name}. It appears on the wall.`);
      }}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <section aria-labelledby="cameras-title" className="settings-section">
      <SectionHeader
        id="cameras-title"
        title="Cameras"
        action={
          <Button variant="primary" onClick={() => setEditing({ kind: 'add' })} disabled={editing?.kind === 'add'}>
            Add camera
          </Button>
        }
      >
        The cameras on the wall. Addresses and passwords stay on this computer; the wall never sees them.
      </SectionHeader>
      <CameraFileTools onDone={done} />
      <StatusNotice message={status} />
      <ErrorNotice error={error ?? list.error ?? branchList.error} />
      {form}
      {!list.cameras && !list.error && <p className="muted">Loading cameras…</p>}
      {list.cameras && cameras.length === 0 && (
        <EmptyState title="No cameras yet">
          <p>Add cameras one by one with “Add camera”, or import a camera file with “Import cameras”.</p>
        </EmptyState>
      )}
      {cameras.length > 0 && (
        <CameraTable
          cameras={cameras}
          branches={branches}
          busy={busy}
          onEdit={(c) => void edit(c)}
          onSetEnabled={(c, enabled) =>
            void change(
              () => call('cameras.setEnabled', { id: c.id, enabled }),
              (d) => (enabled ? `${d.name} is on again.` : `${d.name} is turned off. It stays listed here.`),
            )
          }
          onRemove={setRemoving}
        />
      )}
      {cameras.length > 0 && <RecordingSection />}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Yes, remove"
          onConfirm={() => {
            const camera = removing;
            setRemoving(null);
            void change(
              () => call('cameras.remove', { id: camera.id }),
              () => `Removed ${camera.name} from the wall.`,
            );
          }}
          onCancel={() => setRemoving(null)}
        >
          <p>
            {removing.name} leaves the wall and every saved view, and its replay buffer is deleted. Snapshots, clips and
            records that mention it keep it. To stop it for a while instead, use Disable.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
