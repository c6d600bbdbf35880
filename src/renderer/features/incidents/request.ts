/** What the rest of the desk asks of the Incidents panel: focus the search, open a draft just made, or a filed report. */
export type IncidentAsk = { kind: 'search' } | { kind: 'draft'; id: string } | { kind: 'report'; id: string };
export type IncidentRequest = IncidentAsk & { seq: number };
