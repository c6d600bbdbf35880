import { Button } from '../../../components/Button';
import { Unseen } from '../../../components/Unseen';
import type { Branch, Zone } from '../../../../shared/contract';
import { zoneKindLabel } from './ZoneForm';

interface ZoneTableProps {
  branch: Branch;
  busy: boolean;
  onEdit: (zone: Zone) => void;
  onSetRetired: (zone: Zone, retired: boolean) => void;
}

/** A branch's zones, one line each; names are qualified by the branch since every branch has an Entrance. */
export function ZoneTable({ branch, busy, onEdit, onSetRetired }: ZoneTableProps) {
  if (branch.zones.length === 0) return <p className="muted zone-none">No zones yet.</p>;
  return (
    <table className="table zone-table">
      <caption className="visually-hidden">Zones of {branch.name}</caption>
      <thead>
        <tr>
          <th scope="col">Zone</th>
          <th scope="col">Kind</th>
          <th scope="col">Floor</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {branch.zones.map((zone) => {
          const where = `${zone.name} at ${branch.name}`;
          return (
            <tr key={zone.id} className={zone.retired ? 'is-retired' : undefined}>
              <th scope="row">{zone.name}</th>
              <td>{zoneKindLabel[zone.kind]}</td>
              <td>{zone.floor || <span className="muted">—</span>}</td>
              <td>{zone.retired ? <span className="badge badge-retired">Retired</span> : 'In use'}</td>
              <td className="cell-actions">
                <Button small variant="quiet" onClick={() => onEdit(zone)}>
                  Edit<Unseen> {where}</Unseen>
                </Button>
                <Button small variant="quiet" disabled={busy} onClick={() => onSetRetired(zone, !zone.retired)}>
                  {zone.retired ? 'Restore' : 'Retire'}
                  <Unseen> {where}</Unseen>
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
