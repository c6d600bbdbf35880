/** What the rest of the desk asks of the Incidents panel: focus the search, or open a draft just made. */
export type IncidentAsk = { kind: 'search' } | { kind: 'draft'; id: string };
export type IncidentRequest = IncidentAsk & { seq: number };
