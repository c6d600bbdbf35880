import { Button } from '../../../components/Button';
import { Unseen } from '../../../components/Unseen';
import type { Branch, Camera } from '../../../../shared/contract';
import { STATE_WORD, healthOf } from '../../cameras/status';

interface CameraTableProps {
  cameras: readonly Camera[];
  branches: readonly Branch[];
  busy: boolean;
  onEdit: (camera: Camera) => void;
  onSetEnabled: (camera: Camera, enabled: boolean) => void;
  onRemove: (camera: Camera) => void;
}

/** Every camera, one line each, with what it is doing now in words. */
export function CameraTable({ cameras, branches, busy, onEdit, onSetEnabled, onRemove }: CameraTableProps) {
  const branchOf = new Map(branches.map((b) => [b.id, b]));
  return (
    <table className="table camera-table">
      <caption className="visually-hidden">Cameras</caption>
      <thead>
        <tr>
          <th scope="col">Camera</th>
          <th scope="col">Branch</th>
          <th scope="col">Zone</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {cameras.map((camera) => {
          const branch = branchOf.get(camera.branchId);
          const zone = branch?.zones.find((z) => z.id === camera.zoneId);
          const health = healthOf(camera, 'main');
          const state = camera.enabled ? (health?.state ?? 'connecting') : 'disabled';
          return (
            <tr key={camera.id} className={camera.enabled ? undefined : 'is-retired'}>
              <th scope="row">{camera.name}</th>
              <td>{branch?.name ?? <span className="muted">Unknown branch</span>}</td>
              <td>{zone?.name ?? <span className="muted">—</span>}</td>
              <td>{camera.kind.toUpperCase()}</td>
              <td>
                <span className={`badge state-badge state-${state}`}>{STATE_WORD[state]}</span>
                {camera.enabled && health?.state !== 'live' && health?.message && (
                  <span className="camera-reason muted">{health.message}</span>
                )}
              </td>
              <td className="cell-actions">
                <Button small variant="quiet" onClick={() => onEdit(camera)}>
                  Edit<Unseen> {camera.name}</Unseen>
                </Button>
                <Button small variant="quiet" disabled={busy} onClick={() => onSetEnabled(camera, !camera.enabled)}>
                  {camera.enabled ? 'Disable' : 'Enable'}
                  <Unseen> {camera.name}</Unseen>
                </Button>
                <Button small variant="danger" disabled={busy} onClick={() => onRemove(camera)}>
                  Remove<Unseen> {camera.name}</Unseen>
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
