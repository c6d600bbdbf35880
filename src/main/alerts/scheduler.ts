import { ALERT_LEVELS, type DeskAlert } from '../../shared/contract/alerts';
import type { Role } from '../../shared/roles';
import type { Clock } from '../clock';
import type { Log } from '../log';

/**
 * One domain's alerts at a moment: what its records and the clock say needs the
 * desk's attention now. Pure of side effects; called often.
 */
export interface AlertSource {
  name: string;
  alerts(now: Date): DeskAlert[];
  /** Roles that see this source's alerts (default: everyone signed in). */
  audience?: readonly Role[];
}

export interface ScopedAlert extends DeskAlert {
  audience: readonly Role[] | null;
}

const rank = (a: DeskAlert) => ALERT_LEVELS.indexOf(a.level);

/** Most urgent first, then the longest-running, then by id so the order is stable. */
export const byUrgency = (a: DeskAlert, b: DeskAlert) =>
  rank(a) - rank(b) || a.since.localeCompare(b.since) || a.id.localeCompare(b.id);

/**
 * The one scheduler (DESIGN.md §9): turns every domain's records and the clock into
 * desk alerts, recomputed on a timer and after any domain event, and tells consoles
 * only when the list changed. Nothing is stored: a restart rebuilds the same list.
 */
export class AlertScheduler {
  private readonly sources: AlertSource[] = [];
  private current: ScopedAlert[] = [];
  private key = '';

  constructor(
    private readonly clock: Clock,
    private readonly log: Log,
    /** Told when the list changed. */
    private readonly changed: () => void,
  ) {}

  register(source: AlertSource): void {
    this.sources.push(source);
  }

  /** The alerts a role sees now. */
  list(role: Role): DeskAlert[] {
    return this.current
      .filter((a) => a.audience === null || a.audience.includes(role))
      .map(({ audience: _audience, ...alert }) => alert);
  }

  /** Recomputes; a source that throws is logged and left out, the others still count. */
  refresh(): void {
    const now = this.clock.now();
    const next: ScopedAlert[] = [];
    for (const source of this.sources) {
      try {
        for (const alert of source.alerts(now)) next.push({ ...alert, audience: source.audience ?? null });
      } catch (e) {
        this.log(`alert source ${source.name} failed`, e);
      }
    }
    next.sort(byUrgency);
    const key = JSON.stringify(next);
    if (key === this.key) return;
    this.key = key;
    this.current = next;
    this.changed();
  }
}
