import type { z } from 'zod';
import { invalid } from '../errors';
import type { CallFilters as CallFiltersSchema, CallListItem } from '../../shared/contract/calls';
import type { CallsRepo } from './calls.repo';
import type { CallRecords } from './calls.record';

export type CallFilters = z.output<typeof CallFiltersSchema>;

/** Cursors are the last row's "<received_at>_<id>": the next page starts after it. */
const cursorOf = (item: { receivedAt: string; id: string }) => `${item.receivedAt}_${item.id}`;

function parseCursor(cursor: string): { receivedAt: string; id: string } {
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/.exec(cursor);
  if (!m) throw invalid('That page of calls cannot be found: search again.', { cursor: 'Not a cursor' });
  return { receivedAt: m[1]!, id: m[2]! };
}

/** The history: filters and words (each word must appear), newest first, one keyset page at a time. */
export class CallSearch {
  constructor(
    private readonly repo: CallsRepo,
    private readonly records: CallRecords,
  ) {}

  run(f: CallFilters): { items: CallListItem[]; nextCursor: string | null } {
    const words = f.text
      .normalize('NFC')
      .split(/\s+/u)
      .filter((w) => w.length > 0)
      .slice(0, 10);
    const rows = this.repo.search({
      words,
      branchId: f.branchId,
      from: f.from,
      to: f.to,
      nature: f.nature,
      priority: f.priority,
      state: f.state,
      outcome: f.outcome,
      after: f.cursor ? parseCursor(f.cursor) : undefined,
      limit: f.limit + 1,
    });
    const page = rows.slice(0, f.limit);
    const items = this.records.items(page);
    return { items, nextCursor: rows.length > f.limit ? cursorOf(items.at(-1)!) : null };
  }
}
