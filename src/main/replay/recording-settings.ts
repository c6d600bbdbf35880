import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { DEFAULT_BUDGET_GB, DEFAULT_BUFFER_MINUTES } from '../../shared/contract/replay';
import type { ReplayRepo } from './replay.repo';

export const GB = 1024 ** 3;

/**
 * How long each camera's buffer is and the desk's disk budget: asked on every
 * segment, so kept in memory and written through. A change is journaled like any
 * other desk setting.
 */
export class RecordingSettings {
  private minutes: Map<string, number> | null = null;
  private budget: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly repo: ReplayRepo,
    private readonly journal: Journal,
    private readonly clock: Clock,
  ) {}

  minutesFor(cameraId: string): number {
    this.minutes ??= this.repo.minutes();
    return this.minutes.get(cameraId) ?? DEFAULT_BUFFER_MINUTES;
  }

  budgetBytes(): number {
    this.budget ??= this.repo.budgetBytes() ?? DEFAULT_BUDGET_GB * GB;
    return this.budget;
  }

  setMinutes(cameraId: string, minutes: number, actor: string): void {
    this.db
      .transaction(() => {
        this.repo.setMinutes(cameraId, minutes, this.clock.now().toISOString(), actor);
        this.journal.append({
          kind: 'recording.configured',
          recordId: cameraId,
          actor,
          payload: { cameraId, minutes },
        });
      })
      .immediate();
    this.minutes = null;
  }

  setBudget(bytes: number, actor: string): void {
    this.db
      .transaction(() => {
        this.repo.setBudget(bytes, this.clock.now().toISOString(), actor);
        this.journal.append({
          kind: 'recording.configured',
          recordId: 'budget',
          actor,
          payload: { budgetBytes: bytes },
        });
      })
      .immediate();
    this.budget = null;
  }
}
