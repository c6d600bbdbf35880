import type { EventName, EventPayload } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import type { Session, Sessions } from './sessions';

/**
 * The connected consoles as domains see them: push an event to everyone it is
 * meant for, or act on the consoles of one staff member. Roles are read at each
 * push, so a role change or deactivation applies to the very next event.
 */
export class Consoles {
  constructor(
    private readonly sessions: Sessions,
    private readonly roleOfStaff: (staffId: string) => Role | null,
  ) {}

  /** Sends an event to every signed-in, unlocked console whose role is in its audience. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.sessions.broadcast(event, payload, this.roleOfStaff);
  }

  /** Every console, signed in or not. */
  all(): Session[] {
    return this.sessions.list();
  }

  /** The role of an active staff member, or null. */
  roleOf(staffId: string): Role | null {
    return this.roleOfStaff(staffId);
  }

  /** Every signed-in, unlocked console with its role: for pushes that differ by role. */
  signedIn(): { session: Session; role: Role }[] {
    return this.sessions.list().flatMap((session) => {
      const role = session.staffId && !session.locked ? this.roleOfStaff(session.staffId) : null;
      return role ? [{ session, role }] : [];
    });
  }

  /** The consoles where this staff member is signed in. */
  of(staffId: string): Session[] {
    return this.sessions.list().filter((s) => s.staffId === staffId);
  }
}
