import type { Clock } from '../clock';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Layout, WallView } from '../../shared/contract/cameras';
import type { ViewsRepo } from './views.repo';

export interface ViewInput {
  id?: string;
  name: string;
  layout: Layout;
  slots: (string | null)[];
}

/**
 * Each staff member's named wall views. Preferences, not records: not journaled,
 * and nobody sees or changes another person's views.
 */
export class ViewsService {
  constructor(
    private readonly repo: ViewsRepo,
    /** Whether a camera can be placed on the wall (it exists and is not removed): the cameras domain's port. */
    private readonly placeable: (cameraId: string) => boolean,
    private readonly clock: Clock,
  ) {}

  /** A camera removed since the view was saved leaves its slot empty rather than dangling. */
  list(staffId: string): WallView[] {
    return this.repo
      .forStaff(staffId)
      .map((v) => ({ ...v, slots: v.slots.map((id) => (id !== null && this.placeable(id) ? id : null)) }));
  }

  save(staffId: string, input: ViewInput): WallView {
    if (input.slots.length !== input.layout) {
      throw invalid(`A layout of ${input.layout} needs ${input.layout} slots, not ${input.slots.length}.`, {
        slots: `Expected ${input.layout} slots`,
      });
    }
    const unknown = input.slots.flatMap((id, i) => (id !== null && !this.placeable(id) ? [i] : []));
    if (unknown.length > 0) {
      const fields = Object.fromEntries(
        unknown.map((i) => [`slots.${i}`, 'This camera was removed or does not exist']),
      );
      throw invalid(`Slot ${unknown.map((i) => i + 1).join(', ')}: that camera was removed or does not exist.`, fields);
    }
    if (input.id !== undefined && !this.repo.own(staffId, input.id)) throw notFound('That view');
    const other = this.repo.byName(staffId, input.name);
    if (other && other.id !== input.id) {
      throw conflict(`You already have a view called “${input.name}”.`, { name: 'This name is taken' });
    }
    const view: WallView = { id: input.id ?? uuidv7(), name: input.name, layout: input.layout, slots: input.slots };
    this.repo.upsert(staffId, view, this.clock.now().toISOString());
    return view;
  }

  remove(staffId: string, id: string): void {
    if (!this.repo.remove(staffId, id)) throw notFound('That view');
  }
}
