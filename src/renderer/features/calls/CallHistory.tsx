import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, CallListItem, InputOf } from '../../../shared/contract';
import { CALL_NATURES, CALL_OUTCOMES, CALL_PRIORITIES } from '../../../shared/contract/calls';
import { NATURE_WORDS, OUTCOME_WORDS, PRIORITY_WORDS, STATUS_WORDS } from '../../../shared/call-words';
import { localInputToIso } from '../incidents/localTime';
import { shortDuration, whenAt } from './time';

type Filters = {
  text: string;
  branchId: string;
  nature: string;
  priority: string;
  state: string;
  outcome: string;
  from: string;
  to: string;
};
const NO_FILTERS: Filters = {
  text: '',
  branchId: '',
  nature: '',
  priority: '',
  state: '',
  outcome: '',
  from: '',
  to: '',
};

interface CallHistoryProps {
  branches: readonly Branch[];
  /** The header's branch: the history starts filtered to it. */
  headerBranchId: string;
  onOpen: (id: string) => void;
}

const zoneOf = (branches: readonly Branch[], id: string) => branches.find((b) => b.id === id);

/** Every call, newest first: words and filters, a page at a time; a row opens the call. */
export function CallHistory({ branches, headerBranchId, onOpen }: CallHistoryProps) {
  const [filters, setFilters] = useState<Filters>({ ...NO_FILTERS, branchId: headerBranchId });
  const [items, setItems] = useState<CallListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const tz = (id: string) => zoneOf(branches, id)?.timeZone;
  const filterTz = filters.branchId ? tz(filters.branchId) : branches[0]?.timeZone;

  const input = (cursor?: string): InputOf<'calls.search'> => ({
    text: filters.text,
    ...(filters.branchId ? { branchId: filters.branchId } : {}),
    ...(filters.nature ? { nature: filters.nature as never } : {}),
    ...(filters.priority ? { priority: filters.priority as never } : {}),
    ...(filters.state ? { state: filters.state as 'open' | 'cleared' } : {}),
    ...(filters.outcome ? { outcome: filters.outcome as never } : {}),
    ...(filters.from ? { from: localInputToIso(`${filters.from}T00:00`, filterTz) ?? undefined } : {}),
    ...(filters.to ? { to: localInputToIso(`${filters.to}T23:59`, filterTz) ?? undefined } : {}),
    ...(cursor ? { cursor } : {}),
    limit: 50,
  });
  const key = JSON.stringify(input());

  useEffect(() => {
    let current = true;
    // Typing settles for a moment before the search runs.
    const timer = setTimeout(() => {
      void call('calls.search', JSON.parse(key) as InputOf<'calls.search'>).then((r) => {
        if (!current) return;
        setLoaded(true);
        if (!r.ok) return setError(r.error);
        setError(undefined);
        setItems(r.value.items);
        setNext(r.value.nextCursor);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  async function more() {
    if (!next) return;
    const r = await call('calls.search', input(next));
    if (!r.ok) return setError(r.error);
    setItems([...items, ...r.value.items]);
    setNext(r.value.nextCursor);
  }

  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const any = Object.entries(filters).some(([k, v]) => v !== '' && !(k === 'branchId' && v === headerBranchId));
  return (
    <section className="call-history" aria-label="Call history">
      <div className="history-filters">
        <TextField
          label="Search calls"
          type="search"
          value={filters.text}
          onChange={(text) => set({ text })}
          placeholder="Words in the detail, names, notes"
          fieldClassName="history-search"
        />
        <SelectField
          label="Branch"
          value={filters.branchId}
          options={[{ value: '', label: 'All branches' }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
          onChange={(branchId) => set({ branchId })}
        />
        <SelectField
          label="What"
          value={filters.nature}
          options={[{ value: '', label: 'Any' }, ...CALL_NATURES.map((n) => ({ value: n, label: NATURE_WORDS[n] }))]}
          onChange={(nature) => set({ nature })}
        />
        <SelectField
          label="Priority"
          value={filters.priority}
          options={[
            { value: '', label: 'Any' },
            ...CALL_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_WORDS[p] })),
          ]}
          onChange={(priority) => set({ priority })}
        />
        <SelectField
          label="State"
          value={filters.state}
          options={[
            { value: '', label: 'Open or cleared' },
            { value: 'open', label: 'Open' },
            { value: 'cleared', label: 'Cleared' },
          ]}
          onChange={(state) => set({ state })}
        />
        <SelectField
          label="Outcome"
          value={filters.outcome}
          options={[{ value: '', label: 'Any' }, ...CALL_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_WORDS[o] }))]}
          onChange={(outcome) => set({ outcome })}
        />
        <TextField label="From" type="date" value={filters.from} onChange={(from) => set({ from })} />
        <TextField label="To" type="date" value={filters.to} onChange={(to) => set({ to })} />
        {any && (
          <div className="filters-actions">
            <Button variant="quiet" onClick={() => setFilters({ ...NO_FILTERS, branchId: headerBranchId })}>
              Clear filters
            </Button>
          </div>
        )}
      </div>
      <ErrorNotice error={error} />
      <p className="list-count muted" role="status">
        {loaded ? `${items.length}${next ? '+' : ''} ${items.length === 1 ? 'call' : 'calls'}` : 'Loading calls…'}
      </p>
      {loaded && items.length === 0 ? (
        <EmptyState title={any || filters.text ? 'No calls match' : 'No calls yet'}>
          <p>{any ? 'Try fewer words or clear the filters.' : 'Calls logged with A appear here once taken.'}</p>
        </EmptyState>
      ) : (
        <table className="table history-table">
          <caption className="visually-hidden">Calls, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Branch</th>
              <th scope="col">What, where</th>
              <th scope="col">Status</th>
              <th scope="col">Responded</th>
              <th scope="col">Cleared</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => {
              const b = zoneOf(branches, c.branchId);
              const after = (iso: string | null) =>
                iso ? shortDuration((Date.parse(iso) - Date.parse(c.receivedAt)) / 1000) : '—';
              return (
                <tr key={c.id} className={`status-${c.status}`}>
                  <td className="nowrap">{whenAt(c.receivedAt, b?.timeZone)}</td>
                  <td>{b?.code ?? '?'}</td>
                  <td>
                    <Button small variant="quiet" className="row-open" onClick={() => onOpen(c.id)}>
                      {NATURE_WORDS[c.nature]}
                      {c.zoneName ? ` · ${c.zoneName}` : ''}
                    </Button>
                    <div className="muted small">{c.detail}</div>
                  </td>
                  <td>
                    <span className="status-word">{c.outcome ? OUTCOME_WORDS[c.outcome] : STATUS_WORDS[c.status]}</span>
                    {c.priority === 'urgent' && <span className="badge priority-urgent">Urgent</span>}
                    {c.incidentNumbers.map((n) => (
                      <span key={n} className="badge">
                        {n}
                      </span>
                    ))}
                  </td>
                  <td className="nowrap">{after(c.respondingAt)}</td>
                  <td className="nowrap">{after(c.clearedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {next && (
        <Button className="load-more" onClick={() => void more()}>
          Show more calls
        </Button>
      )}
    </section>
  );
}
