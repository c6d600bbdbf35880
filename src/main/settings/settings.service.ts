import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { DeskSettings } from '../../shared/contract/settings';

const DEFAULTS: DeskSettings = { idleLockMinutes: 10 };

/** Desk-wide settings: one JSON row, journaled like any record change. */
export class SettingsService {
  private cached: DeskSettings | undefined;

  constructor(
    private readonly db: Db,
    private readonly journal: Journal,
    /** Consoles learn the new idle limit at once, not at their next sign-in. */
    private readonly changed: () => void = () => {},
  ) {}

  get(): DeskSettings {
    if (!this.cached) {
      const row = this.db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'desk'").get();
      const parsed = DeskSettings.safeParse(row ? { ...DEFAULTS, ...(JSON.parse(row.value) as object) } : DEFAULTS);
      this.cached = parsed.success ? parsed.data : DEFAULTS;
    }
    return this.cached;
  }

  update(patch: Partial<DeskSettings>, actor: string): DeskSettings {
    const next = DeskSettings.parse({ ...this.get(), ...patch });
    this.db
      .transaction(() => {
        this.db
          .prepare(
            "INSERT INTO settings (key, value) VALUES ('desk', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          )
          .run(JSON.stringify(next));
        this.journal.append({ kind: 'settings.updated', recordId: 'desk', actor, payload: next });
      })
      .immediate();
    this.cached = next;
    this.changed();
    return next;
  }
}
