import { Button } from '../../../components/Button';
import { Unseen } from '../../../components/Unseen';
import type { Branch, Zone } from '../../../../shared/contract';
import { BranchForm } from './BranchForm';
import { ZoneForm } from './ZoneForm';
import { ZoneTable } from './ZoneTable';
import { HoursForm } from './HoursForm';
import { HoursSummary } from './HoursSummary';
import { SpecialDayForm } from './SpecialDayForm';
import type { Editing } from './BranchesSection';

interface BranchCardProps {
  branch: Branch;
  editing: Editing;
  busy: boolean;
  onEdit: (editing: Editing) => void;
  onSaved: (branch: Branch, what: string) => void;
  onSetRetired: (branch: Branch, retired: boolean) => void;
  onSetZoneRetired: (zone: Zone, retired: boolean) => void;
  onRemoveDay: (branch: Branch, date: string) => void;
}

export function BranchCard({
  branch,
  editing,
  busy,
  onEdit,
  onSaved,
  onSetRetired,
  onSetZoneRetired,
  onRemoveDay,
}: BranchCardProps) {
  const headingId = `branch-${branch.id}`;
  const editingThis = editing?.kind === 'editBranch' && editing.branch.id === branch.id;
  const zoneEditing =
    (editing?.kind === 'addZone' || editing?.kind === 'editZone') && editing.branch.id === branch.id ? editing : null;
  const close = () => onEdit(null);

  return (
    <article className={`branch-card${branch.retired ? ' is-retired' : ''}`} aria-labelledby={headingId}>
      <div className="branch-head">
        <h4 id={headingId} className="branch-name">
          {branch.name}
          {branch.retired && <span className="badge badge-retired">Retired</span>}
        </h4>
        <div className="row-actions">
          <Button small onClick={() => onEdit({ kind: 'editBranch', branch })}>
            Edit<Unseen> {branch.name}</Unseen>
          </Button>
          <Button small disabled={busy} onClick={() => onSetRetired(branch, !branch.retired)}>
            {branch.retired ? 'Restore' : 'Retire'}
            <Unseen> {branch.name}</Unseen>
          </Button>
        </div>
      </div>

      {editingThis ? (
        <BranchForm branch={branch} onSaved={(b) => onSaved(b, `Saved ${b.name}.`)} onCancel={close} />
      ) : (
        <dl className="facts facts-inline">
          <dt>Code</dt>
          <dd>
            <code>{branch.code}</code>
          </dd>
          <dt>Address</dt>
          <dd>{branch.address || <span className="muted">No address</span>}</dd>
          <dt>Time zone</dt>
          <dd>{branch.timeZone}</dd>
        </dl>
      )}

      <HoursSummary
        branch={branch}
        busy={busy}
        onEditHours={() => onEdit({ kind: 'hours', branch })}
        onAddDay={() => onEdit({ kind: 'specialDay', branch })}
        onRemoveDay={(date) => onRemoveDay(branch, date)}
      />
      {editing?.kind === 'hours' && editing.branch.id === branch.id && (
        <HoursForm
          branch={branch}
          onSaved={(b) => onSaved(b, `Saved the opening hours of ${b.name}.`)}
          onCancel={close}
        />
      )}
      {editing?.kind === 'specialDay' && editing.branch.id === branch.id && (
        <SpecialDayForm
          branch={branch}
          onSaved={(b) => onSaved(b, `Saved the special day at ${b.name}.`)}
          onCancel={close}
        />
      )}

      <div className="zones">
        <div className="zones-head">
          <h5 className="zones-title">Zones</h5>
          <Button small variant="quiet" onClick={() => onEdit({ kind: 'addZone', branch })}>
            Add zone<Unseen> to {branch.name}</Unseen>
          </Button>
        </div>
        <ZoneTable
          branch={branch}
          busy={busy}
          onEdit={(zone) => onEdit({ kind: 'editZone', branch, zone })}
          onSetRetired={onSetZoneRetired}
        />
        {zoneEditing && (
          <ZoneForm
            key={zoneEditing.kind === 'editZone' ? zoneEditing.zone.id : 'new'}
            branch={branch}
            zone={zoneEditing.kind === 'editZone' ? zoneEditing.zone : undefined}
            onSaved={(b) => onSaved(b, `Saved zones of ${b.name}.`)}
            onCancel={close}
          />
        )}
      </div>
    </article>
  );
}
