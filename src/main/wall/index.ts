import type { Kernel } from '../kernel';
import { viewsHandlers } from './views.handlers';
import { ViewsRepo } from './views.repo';
import { ViewsService } from './views.service';

/** Each staff member's named wall views; a slot holds a camera the cameras domain says may be placed. */
export function createWall(k: Kernel, ports: { cameras: { live(id: string): object | undefined } }) {
  const service = new ViewsService(new ViewsRepo(k.db), (id) => ports.cameras.live(id) !== undefined, k.clock);
  return { service, handlers: viewsHandlers(service) };
}
