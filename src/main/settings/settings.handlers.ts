import type { HandlerTable } from '../rpc/handler';
import type { SettingsService } from './settings.service';

export const settingsHandlers = (settings: SettingsService): HandlerTable<'settings.get' | 'settings.update'> => ({
  'settings.get': () => settings.get(),
  'settings.update': (input, ctx) => settings.update(input, ctx.staffId),
});
