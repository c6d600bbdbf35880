import type { HandlerTable } from '../rpc/handler';
import type { ActivityService } from './activity.service';

type ActivityMethods = 'activity.generate' | 'activity.list' | 'activity.pdf' | 'activity.send';

export const activityHandlers = (activity: ActivityService): HandlerTable<ActivityMethods> => ({
  'activity.generate': (request, ctx) => activity.generate(request, ctx.staffId),
  'activity.list': ({ limit }) => activity.list(limit),
  'activity.pdf': ({ id, disclose }, ctx) => activity.pdf(id, disclose, ctx.staffId),
  'activity.send': ({ id }, ctx) => activity.send(id, ctx.staffId),
});
