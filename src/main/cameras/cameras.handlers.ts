import type { HandlerTable } from '../rpc/handler';
import { mediaBase } from '../rpc/sessions';
import type { CamerasService } from './cameras.service';
import type { CameraSupervision } from './supervision';

type CameraMethods =
  | 'cameras.list'
  | 'cameras.awaitSegment'
  | 'cameras.get'
  | 'cameras.add'
  | 'cameras.update'
  | 'cameras.setEnabled'
  | 'cameras.remove'
  | 'cameras.import'
  | 'cameras.export';

export const camerasHandlers = (
  cameras: CamerasService,
  supervision: Pick<CameraSupervision, 'awaitSegment'>,
): HandlerTable<CameraMethods> => ({
  'cameras.list': (_input, ctx) => ({ cameras: cameras.list(), mediaBase: mediaBase(ctx.session) }),
  'cameras.awaitSegment': async ({ cameraId, stream, msn }) => ({
    ready: await supervision.awaitSegment(cameraId, stream, msn),
  }),
  'cameras.get': ({ id }) => cameras.get(id),
  'cameras.add': (input, ctx) => cameras.add(input, ctx.staffId),
  'cameras.update': ({ id, ...input }, ctx) => cameras.update(id, input, ctx.staffId),
  'cameras.setEnabled': ({ id, enabled }, ctx) => cameras.setEnabled(id, enabled, ctx.staffId),
  'cameras.remove': ({ id }, ctx) => {
    cameras.remove(id, ctx.staffId);
    return { removed: true };
  },
  'cameras.import': ({ json }, ctx) => cameras.importJson(json, ctx.staffId),
  'cameras.export': () => cameras.exportJson(),
});
