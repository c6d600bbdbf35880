import type { HandlerTable } from '../rpc/handler';
import { mediaBaseFor } from '../cameras/cameras.handlers';
import type { AttachmentsService } from './attachments.service';

// Both methods require a signed-in role (contract access), so staffId is set.
export const attachmentsHandlers = (
  attachments: AttachmentsService,
): HandlerTable<'attachments.addImage' | 'attachments.describe'> => ({
  'attachments.addImage': (input, ctx) => attachments.addImage(input, ctx.staffId!),
  'attachments.describe': (input, ctx) => ({
    attachments: attachments.describe(input.ids, ctx.staffId!),
    mediaBase: mediaBaseFor(ctx.session.mediaKey),
  }),
});
