import type { HandlerTable } from '../rpc/handler';
import type { GuidelinesService } from './guidelines.service';

type GuidelineMethods =
  'guidelines.list' | 'guidelines.history' | 'guidelines.add' | 'guidelines.update' | 'guidelines.setRetired';

export const guidelinesHandlers = (guidelines: GuidelinesService): HandlerTable<GuidelineMethods> => ({
  'guidelines.list': () => guidelines.list(),
  'guidelines.history': ({ id }) => guidelines.history(id),
  'guidelines.add': (input, ctx) => guidelines.add(input, ctx.staffId),
  'guidelines.update': ({ id, ...fields }, ctx) => guidelines.update(id, fields, ctx.staffId),
  'guidelines.setRetired': ({ id, retired }, ctx) => guidelines.setRetired(id, retired, ctx.staffId),
});
