import type { Branch } from '../../shared/contract/branches';
import type { Camera } from '../../shared/contract/cameras';
import type { AttachmentMeta } from '../../shared/contract/incidents';
import type { AttachmentRow } from '../attachments';

/** What replay needs of other domains, asked through their services. */
export interface ReplayPorts {
  cameras: {
    /** Cameras not removed, disabled ones included. */
    list(): Camera[];
    live(id: string): { id: string; name: string; zoneId: string; branchId: string } | undefined;
    names(ids: readonly string[]): Map<string, string>;
  };
  branches: { find(id: string): Branch | undefined };
  staff: { names(ids: readonly string[]): Map<string, string> };
  attachments: {
    keepClip(record: AttachmentRow, tempPath: string): void;
    clipPoster(id: string, poster: Buffer, size: { width: number; height: number }, actor: string): void;
    meta(ids: readonly string[]): AttachmentMeta[];
  };
}
