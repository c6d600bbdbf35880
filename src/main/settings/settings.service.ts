import type { z } from 'zod';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { DeskSettings } from '../../shared/contract/settings';
import type { SettingsRepo } from './settings.repo';

const DEFAULTS: DeskSettings = { idleLockMinutes: 10, blockScreenCapture: true };

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
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = DeskSettings.parse({ ...this.get(), ...defined });
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

  /**
   * Another domain's settings, kept here as one JSON value under its own key (a
   * maintenance domain's backup folder): read with its schema, defaults filling gaps.
   */
  section<T>(key: string, schema: z.ZodType<T>, defaults: T): T {
    const value = this.repo.get(key);
    const parsed = schema.safeParse(value ? { ...defaults, ...(JSON.parse(value) as object) } : defaults);
    return parsed.success ? parsed.data : defaults;
  }

  /** Saves a section, journaled as a settings change of that key. */
  updateSection<T>(key: string, schema: z.ZodType<T>, value: T, actor: string): T {
    if (key === 'desk') throw new Error('The desk settings are changed through update()');
    const next = schema.parse(value);
    this.db
      .transaction(() => {
        this.repo.put(key, JSON.stringify(next));
        this.journal.append({ kind: 'settings.updated', recordId: key, actor, payload: next });
      })
      .immediate();
    return next;
  }
}
