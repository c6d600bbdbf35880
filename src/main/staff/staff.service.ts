import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Staff } from '../../shared/contract/staff';
import type { Role } from '../../shared/roles';
import { hashPassphrase } from './passphrase';
import { publicStaff, type StaffRepo, type StaffWithSecret } from './staff.repo';

export interface NewStaff {
  name: string;
  username: string;
  role: Role;
  passphrase: string;
}

/**
 * Staff accounts. Never deleted: deactivated staff keep their records attributed.
 * Journal payloads carry the account's state without its passphrase hash, which
 * never leaves this desk.
 */
export class StaffService {
  constructor(
    private readonly db: Db,
    private readonly repo: StaffRepo,
    private readonly journal: Journal,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  list(): Staff[] {
    return this.repo.list().map(publicStaff);
  }

  roleOf(id: string): Role | null {
    const s = this.repo.get(id);
    return s && s.active ? s.role : null;
  }

  /** Names by id, for records that show who did something (unknown ids are left out). */
  names(ids: readonly string[]): Map<string, string> {
    return this.repo.names(ids);
  }

  /** Ids of staff whose name contains the text. */
  idsNamed(text: string): string[] {
    return this.repo.idsNamed(text);
  }

  /** How many accounts exist: none means the first administrator is still to be created. */
  count(): number {
    return this.repo.count();
  }

  /** The account behind a username, passphrase hash included: for sign-in only. */
  account(username: string): StaffWithSecret | undefined {
    return this.repo.byUsername(username);
  }

  /** The account by id, passphrase hash included: for unlock only. */
  accountById(id: string): StaffWithSecret | undefined {
    return this.repo.get(id);
  }

  touchSignIn(id: string, at: string): void {
    this.repo.touchSignIn(id, at);
  }

  get(id: string): StaffWithSecret {
    const s = this.repo.get(id);
    if (!s) throw notFound('That staff member');
    return s;
  }

  async add(input: NewStaff, actor: string | null): Promise<Staff> {
    const passphraseHash = await hashPassphrase(input.passphrase);
    const created = this.db
      .transaction(() => {
        if (this.repo.byUsername(input.username)) {
          throw conflict(`The username “${input.username}” is taken.`, { username: 'This username is taken' });
        }
        const staff: StaffWithSecret = {
          id: uuidv7(),
          name: input.name,
          username: input.username,
          role: input.role,
          active: true,
          createdAt: this.clock.now().toISOString(),
          lastSignInAt: null,
          passphraseHash,
        };
        this.repo.insert(staff);
        this.journal.append({ kind: 'staff.created', recordId: staff.id, actor, payload: publicStaff(staff) });
        return publicStaff(staff);
      })
      .immediate();
    this.events.emit('staff.changed', { staffId: created.id });
    return created;
  }

  /** First run: the first administrator, only while there is no staff at all. */
  async createFirstAdministrator(input: Omit<NewStaff, 'role'>): Promise<Staff> {
    const passphraseHash = await hashPassphrase(input.passphrase);
    const created = this.db
      .transaction(() => {
        if (this.repo.count() > 0) throw conflict('Vigil already has an administrator. Sign in instead.');
        const staff: StaffWithSecret = {
          id: uuidv7(),
          name: input.name,
          username: input.username,
          role: 'admin',
          active: true,
          createdAt: this.clock.now().toISOString(),
          lastSignInAt: null,
          passphraseHash,
        };
        this.repo.insert(staff);
        this.journal.append({
          kind: 'staff.created',
          recordId: staff.id,
          actor: staff.id,
          payload: publicStaff(staff),
        });
        return publicStaff(staff);
      })
      .immediate();
    this.events.emit('staff.changed', { staffId: created.id });
    return created;
  }

  setRole(id: string, role: Role, actor: string): Staff {
    const changed = this.db
      .transaction(() => {
        const before = this.get(id);
        if (before.role === role) return publicStaff(before);
        if (before.role === 'admin' && before.active && this.repo.countActiveAdmins() === 1) {
          throw conflict('This is the only active administrator. Make someone else an administrator first.');
        }
        this.repo.setRole(id, role);
        const after = this.get(id);
        this.journal.append({ kind: 'staff.roleChanged', recordId: id, actor, payload: publicStaff(after) });
        return publicStaff(after);
      })
      .immediate();
    this.events.emit('staff.changed', { staffId: id });
    return changed;
  }

  async resetPassphrase(id: string, passphrase: string, actor: string): Promise<Staff> {
    const hash = await hashPassphrase(passphrase);
    const reset = this.db
      .transaction(() => {
        const staff = this.get(id);
        this.repo.setPassphraseHash(id, hash);
        this.journal.append({ kind: 'staff.passphraseReset', recordId: id, actor, payload: publicStaff(staff) });
        return publicStaff(staff);
      })
      .immediate();
    this.events.emit('staff.passphraseReset', { staffId: id, username: reset.username });
    return reset;
  }

  setActive(id: string, active: boolean, actor: string): Staff {
    const result = this.db
      .transaction(() => {
        const before = this.get(id);
        if (before.active === active) return publicStaff(before);
        if (!active && id === actor) throw conflict('You cannot deactivate your own account.');
        if (!active && before.role === 'admin' && this.repo.countActiveAdmins() === 1) {
          throw conflict('This is the only active administrator. Make someone else an administrator first.');
        }
        this.repo.setActive(id, active);
        const after = this.get(id);
        this.journal.append({
          kind: active ? 'staff.reactivated' : 'staff.deactivated',
          recordId: id,
          actor,
          payload: publicStaff(after),
        });
        return publicStaff(after);
      })
      .immediate();
    this.events.emit('staff.changed', { staffId: id });
    if (!active) this.events.emit('staff.deactivated', { staffId: id });
    return result;
  }
}
