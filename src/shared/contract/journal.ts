import { z } from 'zod';
import { method } from './define';
import { NoInput } from './common';

export const VerifyReport = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number() }),
  z.object({
    ok: z.literal(false),
    entries: z.number(),
    /** Position (1-based) and id of the first entry that does not verify, and why. */
    firstBroken: z.object({ seq: z.number(), id: z.string(), reason: z.string() }),
  }),
]);
export type VerifyReport = z.infer<typeof VerifyReport>;

export const journalContract = {
  'journal.verify': method({
    summary: 'Walk the journal’s hash chain and name the first broken entry.',
    input: NoInput,
    output: VerifyReport,
    access: ['admin'],
  }),
} as const;
