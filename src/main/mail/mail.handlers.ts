import type { HandlerTable } from '../rpc/handler';
import { uuidv7 } from '../ids';
import type { Clock } from '../clock';
import type { MailService } from './mail.service';

type MailMethods = 'mail.settings' | 'mail.status' | 'mail.saveSettings' | 'mail.sendTest';

export const mailHandlers = (
  mail: MailService,
  clock: Clock,
  nameOf: (staffId: string) => string,
): HandlerTable<MailMethods> => ({
  'mail.settings': () => mail.settings(),
  'mail.status': () => mail.status(),
  'mail.saveSettings': (input, ctx) => mail.save(input, ctx.staffId),
  'mail.sendTest': async (_input, ctx) => {
    const at = clock.now().toISOString();
    const result = await mail.send({
      subject: 'Vigil: test message from the security desk',
      text:
        'This is a test message from Vigil, the library security desk console.\n\n' +
        'If it reached you, the desk can email its daily activity reports.\n',
    });
    return { id: uuidv7(), at, by: { id: ctx.staffId, name: nameOf(ctx.staffId) }, ...result };
  },
});
