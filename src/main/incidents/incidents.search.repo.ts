import type { z } from 'zod';
import type { Db } from '../db/connection';
import { invalid } from '../errors';
import type { Highlighted, IncidentFilters, IncidentListItem } from '../../shared/contract/incidents';

export type Filters = z.output<typeof IncidentFilters>;

// Match markers: control characters, which filed text can never contain (the contract refuses them).
const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * The user's words as an FTS5 query that cannot be a syntax error: each word a
 * quoted phrase (quotes doubled), implicitly ANDed; with `prefix`, the last word
 * also matches longer words, so results follow typing. Words with no letter or digit
 * are dropped; null when none remain.
 */
export function ftsQuery(text: string, prefix = true): string | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  const last = words.length - 1;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${prefix && i === last ? '*' : ''}`).join(' ');
}

/** A last word shorter than this is matched whole: "p*" would merge most of the index. */
const MIN_PREFIX = 3;

/** Marked text → pieces the UI renders as text, wrapping matches in <mark>. */
export function segments(marked: string): Highlighted {
  const out: Highlighted = [];
  let match = false;
  let text = '';
  for (const ch of marked) {
    if (ch === OPEN || ch === CLOSE) {
      if (text) out.push({ text, match });
      text = '';
      match = ch === OPEN;
    } else text += ch;
  }
  if (text) out.push({ text, match });
  return out;
}

interface Row {
  id: string;
  number: string;
  status: IncidentListItem['status'];
  branch_id: string;
  zone_id: string | null;
  occurred_from: string;
  reported_at: string;
  reporter_id: string;
  severity: 1 | 2 | 3;
  summary: string;
  version: number;
  rule_versions: string | null;
  fid?: number;
  hl_summary?: string;
  snip?: string;
}

/**
 * A list item as this domain's tables hold it: ids where other domains name things
 * (branch, zone, reporter, rule wordings). The service names them through their ports.
 */
export type FoundIncident = Omit<IncidentListItem, 'branchCode' | 'zoneName' | 'reporter' | 'ruleCodes'> & {
  zoneId: string | null;
  reporterId: string;
  ruleVersionIds: string[];
};

const COLUMNS = `i.id, i.number, i.status, i.branch_id, i.zone_id, i.occurred_from, i.reported_at, i.reporter_id,
  i.severity, v.summary, v.version,
  (SELECT group_concat(r.rule_version_id, ' ') FROM incident_rules r WHERE r.vid = i.current_version) AS rule_versions`;
// CROSS JOIN keeps SQLite from starting at the version table: incidents (or the full-text index) drive,
// in page order, so LIMIT stops the scan early.
const JOINS = `CROSS JOIN incident_versions v ON v.vid = i.current_version`;

function filterSql(f: Filters): { where: string[]; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (sql: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    params[name] = value;
  };
  add('i.branch_id = @branchId', 'branchId', f.branchId);
  add('instr(upper(i.number), upper(@number)) > 0', 'number', f.number || undefined);
  add('i.status = @status', 'status', f.status);
  add('i.reporter_id = @reporterId', 'reporterId', f.reporterId);
  add('i.occurred_from >= @from', 'from', f.from && new Date(f.from).toISOString());
  add('i.occurred_from < @to', 'to', f.to && new Date(f.to).toISOString());
  add(
    'EXISTS (SELECT 1 FROM incident_rules r WHERE r.vid = i.current_version AND r.rule_id = @ruleId)',
    'ruleId',
    f.ruleId,
  );
  add(
    // A person has few reports: start from them (index on person_id) rather than scan the list in order.
    'i.current_version IN (SELECT p.vid FROM incident_persons p WHERE p.person_id = @personId)',
    'personId',
    f.personId,
  );
  return { where, params };
}

const badCursor = () => invalid('That page of results has expired: search again.', { cursor: 'Not a valid cursor' });

type Page = { items: FoundIncident[]; nextCursor: string | null; searched: boolean };

/**
 * Keyset pages over filed incidents: newest occurrence first, or, with words, newest
 * filed text first. FTS5 streams one word's matches but merges every expansion of a
 * prefix in memory, so the last word is first matched whole: when that fills the page
 * (a common, complete word) the prefix is never expanded; the cursor keeps the mode.
 */
export class IncidentSearch {
  constructor(private readonly db: Db) {}

  run(f: Filters): Page {
    if (!f.text.trim()) return this.list(f);
    const exact = ftsQuery(f.text, false);
    if (!exact) return { items: [], nextCursor: null, searched: false };
    if (f.cursor) {
      const m = /^t([ep]):(-\d{1,15})$/.exec(f.cursor);
      if (!m) throw badCursor();
      return this.text(f, m[1] === 'p' ? ftsQuery(f.text)! : exact, m[1] as 'e' | 'p', Number(m[2]));
    }
    const lastWord = exact.slice(exact.lastIndexOf(' "') + 1);
    const whole = this.text(f, exact, 'e');
    if (whole.nextCursor || [...lastWord].length - 2 < MIN_PREFIX) return whole;
    return this.text(f, ftsQuery(f.text)!, 'p');
  }

  private text(f: Filters, query: string, mode: 'e' | 'p', after?: number): Page {
    const { where, params } = filterSql(f);
    Object.assign(params, { query, open: OPEN, close: CLOSE, limit: f.limit + 1 });
    if (after !== undefined) {
      where.push('f.rowid > @after');
      params.after = after;
    }
    // The full-text index drives, its keys ascending (= newest version first), and stops at the page size.
    const sql = `SELECT ${COLUMNS}, f.rowid AS fid,
        highlight(incident_fts, 0, @open, @close) AS hl_summary,
        snippet(incident_fts, -1, @open, @close, '…', 24) AS snip
      FROM incident_fts f CROSS JOIN incidents i ON i.current_version = -f.rowid ${JOINS}
      WHERE incident_fts MATCH @query ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY f.rowid LIMIT @limit`;
    return this.page(f, sql, params, (last) => `t${mode}:${last.fid}`, true);
  }

  private list(f: Filters): Page {
    const { where, params } = filterSql(f);
    params.limit = f.limit + 1;
    if (f.cursor) {
      const m = /^o:([^|]{1,40})\|([0-9a-f-]{36})$/.exec(f.cursor);
      if (!m) throw badCursor();
      where.push('(i.occurred_from, i.id) < (@cursorAt, @cursorId)');
      params.cursorAt = m[1]!;
      params.cursorId = m[2]!;
    }
    const sql = `SELECT ${COLUMNS} FROM incidents i ${JOINS}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY i.occurred_from DESC, i.id DESC LIMIT @limit`;
    return this.page(f, sql, params, (last) => `o:${last.occurred_from}|${last.id}`, false);
  }

  private page(
    f: Filters,
    sql: string,
    params: Record<string, string | number>,
    cursorOf: (last: Row) => string,
    searched: boolean,
  ): Page {
    const rows = this.db.prepare<Record<string, string | number>, Row>(sql).all(params);
    const page = rows.slice(0, f.limit);
    const last = page.at(-1);
    return { items: page.map(toItem), nextCursor: rows.length > f.limit && last ? cursorOf(last) : null, searched };
  }
}

const toItem = (r: Row): FoundIncident => ({
  id: r.id,
  number: r.number,
  status: r.status,
  branchId: r.branch_id,
  zoneId: r.zone_id,
  occurredFrom: r.occurred_from,
  reportedAt: r.reported_at,
  reporterId: r.reporter_id,
  severity: r.severity,
  summary: r.summary,
  ruleVersionIds: (r.rule_versions ?? '').split(' ').filter(Boolean),
  version: r.version,
  match: r.snip === undefined ? null : { summary: segments(r.hl_summary ?? r.summary), snippet: segments(r.snip) },
});
