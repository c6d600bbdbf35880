import type { Branch } from '../../shared/contract/branches';
import type { CallListItem } from '../../shared/contract/calls';
import type { BranchClosing } from '../../shared/contract/closing';

/**
 * What the shift domain needs of others, asked through their services: it reads no
 * other domain's table. desk.ts passes the services themselves.
 */
export interface ShiftPorts {
  branches: { find(id: string): Branch | undefined; list(): Branch[] };
  staff: { names(ids: readonly string[]): Map<string, string> };
  /** Persons linked from an entry: checked on file, named when shown (the shift log audits the read). */
  people: {
    exists(id: string): boolean;
    current(id: string): string;
    names(ids: readonly string[]): Map<string, string>;
  };
  /** A filed report's number (throws NOT_FOUND for anything else). */
  incidents: { basis(id: string): { number: string; branchId: string } };
  /** A call as the lists show it, and the calls still open (a shift's end says so). */
  calls: { listItem(id: string): CallListItem | null; openItems(): CallListItem[] };
  /** Whether tonight's closing is signed (a shift's end says so). */
  closing: { overview(): BranchClosing[] };
}
