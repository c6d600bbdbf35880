import type { Branch, Zone } from '../../shared/contract/branches';

/**
 * What closing checklists need of other domains, asked through their services: the
 * closing domain reads no other domain's table. desk.ts passes the services
 * themselves; tests may pass anything of this shape.
 */
export interface ClosingPorts {
  branches: {
    find(id: string): Branch | undefined;
    zoneOf(id: string): Zone | undefined;
    list(): Branch[];
  };
  staff: { names(ids: readonly string[]): Map<string, string> };
  journal: { refsFor(recordId: string): { kind: string; at: string; hash: string }[] };
}
