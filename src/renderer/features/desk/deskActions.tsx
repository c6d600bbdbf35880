import { createContext, useContext } from 'react';
import type { Camera, Clip, WorkTabKey } from '../../../shared/contract';

/** Asks the work panel to show a tab, and the record to open there if any. */
export interface WorkRequest {
  tab: WorkTabKey;
  recordId: string | null;
  /**
   * What the record is, where a tab holds more than one kind: the Bans tab opens
   * bans (the default) and persons, and a new person's form (`text`: the name typed).
   */
  kind?: 'ban' | 'person' | 'newPerson';
  text?: string;
  seq: number;
}

/** Asks the camera wall to bring a zone's camera to the large tile. */
export interface Spotlight {
  zoneId: string;
  seq: number;
}

/** Asks the camera wall to replay a camera at a moment a report names (checked first with replay.reach). */
export interface ReplayRequest {
  cameraId: string;
  at: string;
  /** Said in the replay tile: why it starts where it does ("The recording before 19:42 is no longer kept…"). */
  note: string | null;
  /** Where the keyboard goes back to when replay closes (the report's Replay button). */
  returnTo: HTMLElement | null;
  seq: number;
}

/**
 * What any work panel may ask of the desk around it (DESIGN.md §9): bring a zone's
 * camera to the large tile (never taking the keyboard from a form), open the work
 * another panel holds (a report, a ban, a person), or open a report draft it has just made.
 */
export interface DeskActions {
  showZone(zoneId: string): void;
  openWork(tab: WorkTabKey, recordId?: string | null): void;
  openDraft(draftId: string): void;
  /** A person's record, beside the ban list. */
  openPerson(personId: string): void;
  /** The form for a person not on file yet, with the name (or description) typed so far. */
  newPerson(text: string): void;
  /** The Incidents panel, searching its reports for these words. */
  searchReports(text: string): void;
  /** A clip just cut: onto the draft open in the Incidents panel, or a new one from the camera and moment. */
  addClipToReport(camera: Camera, clip: Clip): void;
  /** A camera's recording at a moment, in the large tile (a report's camera reference or snapshot). */
  replayAt(request: Omit<ReplayRequest, 'seq'>): void;
}

const DeskActionsContext = createContext<DeskActions | null>(null);

export const DeskActionsProvider = DeskActionsContext.Provider;

export function useDeskActions(): DeskActions {
  const actions = useContext(DeskActionsContext);
  if (!actions) throw new Error('useDeskActions is used outside the desk');
  return actions;
}
