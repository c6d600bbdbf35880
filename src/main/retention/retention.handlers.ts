import type { HandlerTable } from '../rpc/handler';
import type { RetentionService } from './retention.service';

type Methods =
  | 'retention.status'
  | 'retention.saveSettings'
  | 'retention.preview'
  | 'retention.purgeNow'
  | 'retention.runs'
  | 'retention.holds'
  | 'retention.holdOf'
  | 'retention.setHold'
  | 'retention.releaseHold';

export const retentionHandlers = (r: RetentionService): HandlerTable<Methods> => ({
  'retention.status': () => r.status(),
  'retention.saveSettings': (input, ctx) => r.saveSettings(input, ctx.staffId),
  'retention.preview': () => r.preview(),
  'retention.purgeNow': (_input, ctx) => r.purge('asked', ctx.staffId),
  'retention.runs': () => r.runs(),
  'retention.holds': (_input, ctx) => r.holds(ctx.staffId),
  'retention.holdOf': ({ kind, recordId }, ctx) => r.holdOf(kind, recordId, ctx.staffId),
  'retention.setHold': (input, ctx) => r.setHold(input, ctx.staffId),
  'retention.releaseHold': ({ id, note }, ctx) => r.releaseHold(id, note, ctx.staffId),
});
