import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import { EMPTY_CONTENT } from '../incidents/draftContent';

/** What a duty knows when it starts an incident report: where, when, and what was found. */
export interface ReportSeed {
  branchId: string;
  zoneId: string | null;
  at: string;
  summary: string;
  narrative: string;
}

/** Summaries are at most 200 characters on a filed report: the seed is cut to fit, never refused. */
const SUMMARY_MAX = 200;

/** A private draft prefilled with the branch, zone, time and words, for the desk to finish in the Incidents tab. */
export function startReport(seed: ReportSeed): Promise<Result<{ id: string }>> {
  return call('incidents.createDraft', {
    content: {
      ...EMPTY_CONTENT,
      branchId: seed.branchId,
      zoneId: seed.zoneId,
      occurredFrom: seed.at,
      summary: seed.summary.length > SUMMARY_MAX ? `${seed.summary.slice(0, SUMMARY_MAX - 1)}…` : seed.summary,
      narrative: seed.narrative,
    },
  });
}
