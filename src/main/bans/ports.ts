import type { Branch } from '../../shared/contract/branches';
import type { GuidelineRule } from '../../shared/contract/guidelines';
import type { PersonDetail } from '../../shared/contract/people';
import type { Role } from '../../shared/roles';
import type { JournalEntry } from '../db/journal';

/** What bans need of other domains, asked through their services (services.ts passes them). */
export interface BanPorts {
  roleOf(staffId: string): Role | null;
  staff: { names(ids: readonly string[]): Map<string, string> };
  branches: { find(id: string): Branch | undefined; list(): Branch[] };
  guidelines: { list(): GuidelineRule[] };
  people: {
    exists(id: string): boolean;
    /** The record merged ones point to, and all the ids that are this person. */
    current(id: string): string;
    identities(id: string): string[];
    names(ids: readonly string[]): Map<string, string>;
    minor(id: string): boolean | null;
    details(ids: readonly string[], staffId: string): PersonDetail[];
    match(text: string, limit: number): { personId: string; score: number; matchedOn: string[] }[];
  };
  incidents: {
    basis(id: string): {
      id: string;
      number: string;
      branchId: string;
      zoneId: string | null;
      occurredFrom: string;
      ruleIds: string[];
      ruleCodes: string[];
      subjectIds: string[];
      summary: string;
    };
    asSubject(
      personIds: readonly string[],
      from: string,
      until: string,
    ): { incidentId: string; number: string; occurredFrom: string; ruleCodes: string[] }[];
  };
  journal: { forRecord(recordId: string): JournalEntry[] };
}
