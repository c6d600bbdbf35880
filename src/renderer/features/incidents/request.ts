import type { Clip } from '../../../shared/contract';

/**
 * What the rest of the desk asks of the Incidents panel: search its reports (for
 * words typed elsewhere), open a filed report, open a draft just made, or take a
 * clip just cut onto the draft being written (or a new one).
 */
export type IncidentAsk =
  | { kind: 'search'; text?: string }
  | { kind: 'report'; id: string }
  | { kind: 'draft'; id: string }
  | { kind: 'clip'; clip: Clip; camera: { id: string; branchId: string; zoneId: string } };
export type IncidentRequest = IncidentAsk & { seq: number };
