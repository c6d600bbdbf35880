import type { Kernel } from '../kernel';
import { settingsHandlers } from './settings.handlers';
import { SettingsRepo } from './settings.repo';
import { SettingsService } from './settings.service';

/** Desk-wide settings; announces each change as 'settings.changed'. */
export function createSettings(k: Kernel) {
  const service = new SettingsService(k.db, new SettingsRepo(k.db), k.journal, k.events);
  return { service, handlers: settingsHandlers(service) };
}

export type { SettingsService } from './settings.service';
