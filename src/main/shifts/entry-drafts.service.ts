import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import { AppError, conflict } from '../errors';
import type { EntryDraft, EntryDraftContent, EntryLink } from '../../shared/contract/shifts';
import type { EntryDraftsRepo } from './entry-drafts.repo';
import { linkLabel } from './link-labels';
import type { ShiftPorts } from './ports';

/**
 * The log entry each person is writing, kept in main so it outlives the console: a
 * lock, a reload, a crash or another console finds it where it was left. Private to
 * its writer (every method works on the caller's own row only), mutable, outside the
 * journal; adding the entry deletes it (EntriesService.add, same transaction).
 */
export class EntryDraftsService {
  constructor(
    private readonly db: Db,
    private readonly repo: EntryDraftsRepo,
    private readonly ports: ShiftPorts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  get(staffId: string): EntryDraft | null {
    const row = this.repo.get(staffId);
    if (!row) return null;
    const links = this.named(row.content, staffId);
    return { revision: row.revision, updatedAt: row.updatedAt, content: row.content, links };
  }

  save(revision: number, content: EntryDraftContent, staffId: string): { revision: number; updatedAt: string } {
    const updatedAt = this.clock.now().toISOString();
    return this.db
      .transaction(() => {
        if (revision === 0) {
          if (this.repo.insert(staffId, content, updatedAt)) return { revision: 1, updatedAt };
          throw conflict('Your unfinished entry was saved from another console since: it is shown again.', {
            revision: `The saved revision is ${this.repo.get(staffId)!.revision}`,
          });
        }
        if (this.repo.save(staffId, revision, content, updatedAt)) return { revision: revision + 1, updatedAt };
        const now = this.repo.get(staffId);
        if (!now) {
          throw new AppError(
            'NOT_FOUND',
            'Your unfinished entry was added to the log or thrown away on another console.',
          );
        }
        throw conflict('Your unfinished entry was saved from another console since: it is shown again.', {
          revision: `The saved revision is ${now.revision}`,
        });
      })
      .immediate();
  }

  discard(staffId: string): { discarded: boolean } {
    return { discarded: this.repo.delete(staffId) };
  }

  /** The links as the entry will show them; a link to something gone is dropped, a named person audited. */
  private named(content: EntryDraftContent, staffId: string): EntryLink[] {
    const out: EntryLink[] = [];
    const persons: string[] = [];
    for (const l of content.links) {
      try {
        const id = l.kind === 'person' ? this.ports.people.current(l.id) : l.id;
        const label = linkLabel(this.ports, l.kind, id);
        if (l.kind === 'person') persons.push(id);
        out.push({ kind: l.kind, id, label });
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'VALIDATION')) throw e;
      }
    }
    if (persons.length > 0) {
      const names = this.ports.people.names(persons);
      for (const l of out) if (l.kind === 'person') l.label = names.get(l.id) ?? '(person no longer on file)';
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'shifts.draft',
        recordId: persons.length === 1 ? persons[0]! : null,
        detail: `Reopened their unfinished log entry: it links ${persons.length === 1 ? 'a person' : `${persons.length} persons`} (${persons.join(', ')})`,
      });
    }
    return out;
  }
}
