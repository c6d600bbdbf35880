import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import type { IncidentListItem, InputOf } from '../../../shared/contract';
import { localInputToIso } from './localTime';
import type { FiledStatus } from './words';

export interface SearchFilters {
  text: string;
  /** '' for every branch. */
  branchId: string;
  /** "2026-11-28" (date inputs), read in the chosen branch's zone; '' for open-ended. */
  fromDay: string;
  toDay: string;
  ruleId: string;
  status: FiledStatus | '';
  personId: string;
  reporterId: string;
}

export const NO_FILTERS: Omit<SearchFilters, 'branchId'> = {
  text: '',
  fromDay: '',
  toDay: '',
  ruleId: '',
  status: '',
  personId: '',
  reporterId: '',
};

const PAGE = 50;
/** Typing pauses this long before the search runs, so each keystroke does not search. */
const TEXT_SETTLE_MS = 250;

type Query = InputOf<'incidents.search'>;

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function queryOf(f: SearchFilters, text: string, timeZone: string | undefined): Query {
  const q: Query = { text, limit: PAGE };
  if (f.branchId) q.branchId = f.branchId;
  // The "to" day is included: the search takes an exclusive end, so it is the next day's midnight.
  const from = f.fromDay ? localInputToIso(`${f.fromDay}T00:00`, timeZone) : null;
  const to = f.toDay ? localInputToIso(`${nextDay(f.toDay)}T00:00`, timeZone) : null;
  if (from) q.from = from;
  if (to) q.to = to;
  if (f.ruleId) q.ruleId = f.ruleId;
  if (f.status) q.status = f.status;
  if (f.personId) q.personId = f.personId;
  if (f.reporterId) q.reporterId = f.reporterId;
  return q;
}

export interface IncidentSearch {
  items: IncidentListItem[];
  /** True once a first page has arrived; new filters keep the last list until theirs arrives. */
  loaded: boolean;
  loading: boolean;
  hasMore: boolean;
  error: CallError | undefined;
  searching: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** incidents.search for the filters: the first page when they change, further pages by cursor. */
export function useIncidentSearch(filters: SearchFilters, timeZone: string | undefined): IncidentSearch {
  const [text, setText] = useState(filters.text);
  const [items, setItems] = useState<IncidentListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // Answers to an older query are dropped: only the newest filters' pages may land.
  const generation = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setText(filters.text.trim()), TEXT_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [filters.text]);

  const key = JSON.stringify(queryOf(filters, text, timeZone));

  useEffect(() => {
    const mine = ++generation.current;
    const query = JSON.parse(key) as Query;
    void Promise.resolve().then(async () => {
      setLoading(true);
      const r = await call('incidents.search', query);
      if (mine !== generation.current) return;
      setLoading(false);
      setLoaded(true);
      if (!r.ok) return setError(r.error);
      setError(undefined);
      setItems(r.value.items);
      setCursor(r.value.nextCursor);
    });
  }, [key, version]);

  const loadMore = useCallback(() => {
    if (!cursor || loading) return;
    const mine = generation.current;
    setLoading(true);
    void call('incidents.search', { ...(JSON.parse(key) as Query), cursor }).then((r) => {
      if (mine !== generation.current) return;
      setLoading(false);
      if (!r.ok) return setError(r.error);
      setItems((old) => [...old, ...r.value.items]);
      setCursor(r.value.nextCursor);
    });
  }, [cursor, loading, key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, loaded, loading, hasMore: cursor !== null, error, searching: text !== '', loadMore, reload };
}
