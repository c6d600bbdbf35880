import type { HandlerTable } from '../rpc/handler';
import { mediaBaseFor } from '../cameras/cameras.handlers';
import type { SnapshotsService } from './snapshots.service';

// Both methods require a signed-in role (contract access), so staffId is set.
export const snapshotsHandlers = (snapshots: SnapshotsService): HandlerTable<'snapshots.save' | 'snapshots.list'> => ({
  'snapshots.save': (input, ctx) => snapshots.save(input, ctx.staffId!),
  'snapshots.list': (_input, ctx) => ({
    snapshots: snapshots.list(ctx.staffId!),
    mediaBase: mediaBaseFor(ctx.session.mediaKey),
  }),
});
