import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { DeskSettings } from '../../shared/contract/settings';
import type { SettingsRepo } from './settings.repo';

const DEFAULTS: DeskSettings = { idleLockMinutes: 10 };

/** Desk-wide settings: one JSON row, journaled like any record change. */
export class SettingsService {
  private cached: DeskSettings | undefined;

  constructor(
    private readonly db: Db,
    private readonly repo: SettingsRepo,
    private readonly journal: Journal,
    private readonly events: DomainEvents,
  ) {}

  get(): DeskSettings {
    if (!this.cached) {
      const value = this.repo.get('desk');
      const parsed = DeskSettings.safeParse(value ? { ...DEFAULTS, ...(JSON.parse(value) as object) } : DEFAULTS);
      this.cached = parsed.success ? parsed.data : DEFAULTS;
    }
    return this.cached;
  }

  update(patch: Partial<DeskSettings>, actor: string): DeskSettings {
    const next = DeskSettings.parse({ ...this.get(), ...patch });
    this.db
      .transaction(() => {
        this.repo.put('desk', JSON.stringify(next));
        this.journal.append({ kind: 'settings.updated', recordId: 'desk', actor, payload: next });
      })
      .immediate();
    this.cached = next;
    // Consoles learn the new idle limit at once, not at their next sign-in.
    this.events.emit('settings.changed', {});
    return next;
  }
}
