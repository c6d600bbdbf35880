import type { HandlerTable } from '../rpc/handler';
import { mediaBase } from '../rpc/sessions';
import type { AttachmentsService } from './attachments.service';
import type { SnapshotsService } from './snapshots.service';

type AttachmentMethods = 'attachments.addImage' | 'attachments.describe' | 'snapshots.save' | 'snapshots.list';

export const attachmentsHandlers = (
  attachments: AttachmentsService,
  snapshots: SnapshotsService,
): HandlerTable<AttachmentMethods> => ({
  'attachments.addImage': (input, ctx) => attachments.addImage(input, ctx.staffId),
  'attachments.describe': (input, ctx) => ({
    attachments: attachments.describe(input.ids, ctx.staffId),
    mediaBase: mediaBase(ctx.session),
  }),
  'snapshots.save': (input, ctx) => snapshots.save(input, ctx.staffId),
  'snapshots.list': (_input, ctx) => ({ snapshots: snapshots.list(ctx.staffId), mediaBase: mediaBase(ctx.session) }),
});
