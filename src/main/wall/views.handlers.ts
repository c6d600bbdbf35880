import type { HandlerTable } from '../rpc/handler';
import type { ViewsService } from './views.service';

export const viewsHandlers = (views: ViewsService): HandlerTable<'views.list' | 'views.save' | 'views.remove'> => ({
  'views.list': (_input, ctx) => views.list(ctx.staffId),
  'views.save': (input, ctx) => views.save(ctx.staffId, input),
  'views.remove': ({ id }, ctx) => {
    views.remove(ctx.staffId, id);
    return { removed: true };
  },
});
