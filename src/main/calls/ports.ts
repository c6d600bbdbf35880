import type { Branch, Zone } from '../../shared/contract/branches';
import type { Draft, DraftContent } from '../../shared/contract/incidents';
import type { Staff } from '../../shared/contract/staff';

/**
 * What calls need of other domains, asked through their services: the calls domain
 * reads no other domain's table. desk.ts passes the services themselves.
 */
export interface CallPorts {
  branches: {
    find(id: string): Branch | undefined;
    zoneOf(id: string): Zone | undefined;
    list(): Branch[];
  };
  staff: { names(ids: readonly string[]): Map<string, string>; list(): Staff[] };
  /** "Report incident" from a call starts a draft in the caller's name. */
  incidents: { createDraft(content: DraftContent, staffId: string): Draft };
}
