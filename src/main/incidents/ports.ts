import type { Branch, Zone } from '../../shared/contract/branches';
import type { AttachmentMeta, FiledRule } from '../../shared/contract/incidents';
import type { JournalEntry } from '../db/journal';

/**
 * What incident reports need of other domains, asked through their services: the
 * incidents domain reads no other domain's table. services.ts passes the services
 * themselves; tests may pass anything of this shape.
 */
export interface IncidentPorts {
  branches: {
    find(id: string): Branch | undefined;
    zoneOf(id: string): Zone | undefined;
    list(): Branch[];
  };
  staff: { names(ids: readonly string[]): Map<string, string> };
  guidelines: {
    state(ruleId: string): { currentVersionId: string; code: string; retired: boolean } | undefined;
    /** Rule wordings by version id, as reports quote them. */
    versions(versionIds: readonly string[]): Map<string, FiledRule>;
  };
  people: { exists(id: string): boolean };
  cameras: { exists(id: string): boolean; names(ids: readonly string[]): Map<string, string> };
  attachments: { exists(id: string): boolean; meta(ids: readonly string[]): AttachmentMeta[] };
  journal: { forRecord(recordId: string): JournalEntry[] };
}
