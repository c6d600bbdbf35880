import type { Branch } from '../../shared/contract/branches';

/**
 * What evacuations need of other domains, asked through their services: the
 * evacuation domain reads no other domain's table. desk.ts passes the services.
 */
export interface EvacuationPorts {
  branches: { find(id: string): Branch | undefined; list(): Branch[] };
  staff: { names(ids: readonly string[]): Map<string, string> };
}
