/**
 * What the rest of the desk asks of the Incidents panel: search its reports (for
 * words typed elsewhere), open a filed report, or open a draft just made.
 */
export type IncidentAsk =
  { kind: 'search'; text?: string } | { kind: 'report'; id: string } | { kind: 'draft'; id: string };
export type IncidentRequest = IncidentAsk & { seq: number };
