import { Button } from '../../../components/Button';
import { Unseen } from '../../../components/Unseen';
import { roleLabel } from '../../../../shared/roles';
import type { Role } from '../../../../shared/roles';
import type { Staff, StaffSummary } from '../../../../shared/contract';
import { formatClock, formatDateTime } from '../../../lib/time';
import { ROLE_OPTIONS } from './roles';

interface StaffRowProps {
  member: Staff;
  /** When the member's sign-in lockout ends, if one runs now. */
  lockedUntil: string | null;
  self: StaffSummary;
  busy: boolean;
  onRole: (member: Staff, role: Role) => void;
  onReset: (member: Staff) => void;
  onSetActive: (member: Staff, active: boolean) => void;
  onClearLockout: (member: Staff) => void;
}

export function StaffRow({
  member,
  lockedUntil,
  self,
  busy,
  onRole,
  onReset,
  onSetActive,
  onClearLockout,
}: StaffRowProps) {
  const isSelf = member.id === self.id;
  return (
    <tr className={member.active ? undefined : 'is-retired'}>
      <th scope="row">
        <span className="staff-name">
          {member.name}
          {isSelf && <span className="muted"> (you)</span>}
        </span>
        <code className="staff-username">{member.username}</code>
      </th>
      <td>
        <select
          aria-label={`Role for ${member.name}`}
          value={member.role}
          disabled={busy}
          onChange={(e) => onRole(member, e.target.value as Role)}
          title={`${member.name} is ${roleLabel[member.role]}`}
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {member.active ? (
          <span className="badge badge-ok">Active</span>
        ) : (
          <span className="badge badge-retired">Deactivated</span>
        )}
        {lockedUntil && (
          <span className="badge badge-warn staff-locked">
            Locked out until <time dateTime={lockedUntil}>{formatClock(new Date(lockedUntil))}</time>
          </span>
        )}
        <span className="staff-last muted">
          {member.lastSignInAt ? (
            <>
              <time dateTime={member.lastSignInAt}>{formatDateTime(new Date(member.lastSignInAt))}</time>
            </>
          ) : (
            'Never signed in'
          )}
        </span>
      </td>
      <td className="cell-actions cell-actions-stack">
        {lockedUntil && (
          <Button small disabled={busy} onClick={() => onClearLockout(member)}>
            Clear lockout<Unseen> for {member.name}</Unseen>
          </Button>
        )}
        <Button small variant="quiet" onClick={() => onReset(member)}>
          Reset passphrase<Unseen> for {member.name}</Unseen>
        </Button>
        <Button
          small
          variant={member.active ? 'danger' : 'quiet'}
          disabled={busy}
          onClick={() => onSetActive(member, !member.active)}
        >
          {member.active ? 'Deactivate' : 'Reactivate'}
          <Unseen> {member.name}</Unseen>
        </Button>
      </td>
    </tr>
  );
}
