import type { Branch } from '../../shared/contract/branches';
import type { CallListItem } from '../../shared/contract/calls';
import type { ClosingRun } from '../../shared/contract/closing';
import type { EvacuationSummary } from '../../shared/contract/evacuation';
import type { IncidentListItem } from '../../shared/contract/incidents';
import type { ResourceKind } from '../../shared/contract/resources';
import type { RoundsHistory } from '../../shared/contract/rounds';
import type { ShiftEntry, ShiftSummary } from '../../shared/contract/shifts';
import type { Message, SendResult } from '../mail';

/** One page of a list read in pages (incidents and calls answer this way). */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * What the daily report reads of the other duties, each through its own service (the
 * activity domain reads no other domain's table), and the mail it sends through.
 * desk.ts passes the services themselves.
 */
export interface ActivityPorts {
  branches: { find(id: string): Branch | undefined; list(): Branch[] };
  staff: { names(ids: readonly string[]): Map<string, string> };
  shifts: {
    get(shiftId: string): ShiftSummary;
    overlapping(from: string, to: string, branchId: string | null): ShiftSummary[];
  };
  entries: { between(from: string, to: string, branchId: string | null): { entries: ShiftEntry[]; naming: string[] } };
  community: {
    kindsBetween(from: string, to: string, branchId: string | null): { kind: ResourceKind; count: number }[];
  };
  /** Reports that occurred in the span (a search without words: no audit of its own, the report audits). */
  incidents: {
    search(
      f: { text: string; branchId?: string; from?: string; to?: string; limit: number; cursor?: string },
      staffId: string,
    ): Page<IncidentListItem>;
  };
  calls: {
    search(
      f: { text: string; branchId?: string; from?: string; to?: string; limit: number; cursor?: string },
      staffId: string,
    ): Page<CallListItem>;
  };
  rounds: { history(branchId: string, from: string, to: string, staffId: string | null): RoundsHistory };
  closing: { runsBetween(branchId: string, from: string, to: string): ClosingRun[] };
  evacuation: { startedBetween(from: string, to: string): EvacuationSummary[] };
  mail: { send(message: Message): Promise<SendResult>; status(): { configured: boolean; autoSendAtShiftEnd: boolean } };
  journal: { head(): { entries: number; hash: string } | null };
}
