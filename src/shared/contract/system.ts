import { z } from 'zod';
import { method } from './define';
import { IsoTime, NoInput } from './common';
import { ROLES } from '../roles';

export const SystemInfo = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    version: z.string(),
    shell: z.enum(['electron', 'web']),
    /** Training database: the UI shows a banner and the demo sign-ins. */
    demo: z.boolean(),
    demoAccounts: z.array(z.object({ username: z.string(), passphrase: z.string(), role: z.enum(ROLES) })),
    /** The data folder's absolute path: for a signed-in, unlocked administrator only, null for anyone else. */
    dataDir: z.string().nullable(),
    /** Main's time when it answered: the screens show main's clock, not the page's. */
    now: IsoTime,
    /** The web shell runs on a test clock (end-to-end tests): the screen says so. */
    testClock: z.boolean(),
  }),
  /**
   * The database could not be opened: the UI shows this message instead of a blank window.
   * The folder is named, as the message does: nobody can sign in, and whoever is at the
   * machine needs it to act.
   */
  z.object({ state: z.literal('failed'), version: z.string(), message: z.string(), dataDir: z.string() }),
]);
export type SystemInfo = z.infer<typeof SystemInfo>;

export const systemContract = {
  'system.setTestClock': method({
    summary: 'Tests only (--test-clock): move main’s clock to a moment, or forward by some milliseconds.',
    input: z
      .strictObject({
        at: IsoTime.optional(),
        advanceMs: z
          .number()
          .int()
          .min(0)
          .max(400 * 24 * 3_600_000)
          .optional(),
      })
      .refine((v) => (v.at === undefined) !== (v.advanceMs === undefined), 'Give either at or advanceMs'),
    output: z.object({ now: IsoTime }),
    patron: 'none',
    writes: false,
    access: 'public',
    testOnly: true,
  }),
  'system.info': method({
    summary: 'Version, shell, training mode, and whether the database opened.',
    input: NoInput,
    output: SystemInfo,
    patron: 'none',
    writes: false,
    access: 'public',
  }),
} as const;
