import { z } from 'zod';
import { signedIn, admins } from '../roles';
import { method } from './define';
import { NoInput } from './common';

export const DeskSettings = z.object({
  /** Minutes without keyboard or mouse before the console locks. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /**
   * The Electron window's content is left out of screenshots, screen recording and
   * screen sharing (setContentProtection): camera images and patron records are not
   * captured by another program. On by default.
   */
  blockScreenCapture: z.boolean(),
});
export type DeskSettings = z.infer<typeof DeskSettings>;

export const settingsContract = {
  'settings.get': method({
    summary: 'Desk-wide settings.',
    input: NoInput,
    output: DeskSettings,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'settings.update': method({
    summary: 'Change desk-wide settings.',
    input: z.strictObject({
      idleLockMinutes: z
        .number()
        .int('Whole minutes only')
        .min(1, 'At least 1 minute')
        .max(240, 'At most 240 minutes')
        .optional(),
      blockScreenCapture: z.boolean().optional(),
    }),
    output: DeskSettings,
    patron: 'none',
    writes: true,
    access: admins,
  }),
} as const;
