import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import { isTypingTarget } from '../../lib/keys';
import type { StaffSummary } from '../../../shared/contract';
import { ALL_BRANCHES } from '../desk/useBranchFilter';
import type { BranchFilter } from '../desk/useBranchFilter';
import { DraftEditor } from './DraftEditor';
import { DraftsList } from './DraftsList';
import { IncidentList } from './IncidentList';
import type { IncidentListHandle } from './IncidentList';
import { ReportView } from './ReportView';
import { SearchFiltersForm } from './SearchFilters';
import { NO_FILTERS, useIncidentSearch } from './useIncidentSearch';
import type { SearchFilters } from './useIncidentSearch';
import type { IncidentRequest } from './request';
import { EMPTY_CONTENT, withClip } from './draftContent';
import type { ClipAsk } from './DraftEditor';
import './incidents.css';

type Open =
  | { kind: 'report'; id: string; message?: string }
  | { kind: 'draft'; id: string; focusSummary: boolean }
  | { kind: 'drafts' }
  | null;

/** The report or draft that was open, so a restart (or a crash) comes back to it. */
function storedOpen(key: string): Open {
  try {
    const o = JSON.parse(readStored(key) ?? 'null') as { kind?: string; id?: string } | null;
    if (o?.kind === 'report' && o.id) return { kind: 'report', id: o.id };
    if (o?.kind === 'draft' && o.id) return { kind: 'draft', id: o.id, focusSummary: false };
  } catch {
    // A damaged value just means nothing was open.
  }
  return null;
}

interface IncidentsPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  request: IncidentRequest | undefined;
  onRequestHandled: () => void;
}

/** Search and list on one side, the open report, draft or drafts list beside it. */
export function IncidentsPanel({ staff, filter, request, onRequestHandled }: IncidentsPanelProps) {
  // Per person: a desk computer is shared, and one person's draft is not another's to reopen.
  const openKey = `${STORAGE_KEYS.openIncident}.${staff.id}`;
  const [open, setOpen] = useState<Open>(() => storedOpen(openKey));
  const [handledSeq, setHandledSeq] = useState<number | undefined>(undefined);
  const [filtersShown, setFiltersShown] = useState(false);
  const [own, setOwn] = useState<Omit<SearchFilters, 'branchId'>>(NO_FILTERS);
  // The branch follows the header's filter until chosen here; a new header choice wins again.
  const [branchChoice, setBranchChoice] = useState<{ header: string; value: string } | null>(null);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<IncidentListHandle>(null);
  const guidelines = useQuery('guidelines.list', {});
  const drafts = useQuery('incidents.listDrafts', {});

  const headerBranch = filter.value === ALL_BRANCHES ? '' : filter.value;
  const branchId = branchChoice && branchChoice.header === filter.value ? branchChoice.value : headerBranch;
  const filters: SearchFilters = { ...own, branchId };
  const timeZoneOf = (id: string) => filter.branches.find((b) => b.id === id)?.timeZone;
  const search = useIncidentSearch(filters, branchId ? timeZoneOf(branchId) : undefined);

  const reporters = useMemo(() => {
    const seen = new Map([[staff.id, `${staff.name} (me)`]]);
    for (const item of search.items) if (!seen.has(item.reporter.id)) seen.set(item.reporter.id, item.reporter.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [search.items, staff]);

  // A clip goes onto the draft open here; with none open, it starts one (below, once the draft exists).
  const [incoming, setIncoming] = useState<ClipAsk | undefined>(undefined);
  const openDraftId = open?.kind === 'draft' ? open.id : null;
  // A draft started from a camera opens at once (adjusted while rendering, so it never flashes the old pane).
  if (request && request.seq !== handledSeq) {
    setHandledSeq(request.seq);
    if (request.kind === 'draft') setOpen({ kind: 'draft', id: request.id, focusSummary: true });
    if (request.kind === 'report') setOpen({ kind: 'report', id: request.id });
    if (request.kind === 'search' && request.text !== undefined) setOwn({ ...own, text: request.text });
    if (request.kind === 'clip' && openDraftId) setIncoming({ ...request, draftId: openDraftId });
  }

  const reloadDrafts = drafts.reload;
  useEffect(() => {
    if (!request) return;
    if (request.kind === 'search') searchRef.current?.focus();
    else if (request.kind === 'report') detailRef.current?.focus();
    else if (request.kind === 'clip' && !openDraftId) {
      const { clip, camera } = request;
      void call('incidents.createDraft', { content: withClip(EMPTY_CONTENT, clip, camera) }).then((r) => {
        if (!r.ok) return setError(r.error);
        reloadDrafts();
        setOpen({ kind: 'draft', id: r.value.id, focusSummary: true });
      });
    } else reloadDrafts();
    onRequestHandled();
    // openDraftId is read as it was when the request came, not followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, reloadDrafts, onRequestHandled]);

  useEffect(() => {
    const keep = open?.kind === 'report' || open?.kind === 'draft' ? { kind: open.kind, id: open.id } : null;
    writeStored(openKey, JSON.stringify(keep));
  }, [open, openKey]);

  async function newReport() {
    const r = await call('incidents.createDraft', { content: { branchId: headerBranch || null } });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    drafts.reload();
    setOpen({ kind: 'draft', id: r.value.id, focusSummary: false });
  }

  function openReport(id: string) {
    setOpen({ kind: 'report', id });
    // When the list gives way to the report (a narrow panel), the cursor follows the report.
    requestAnimationFrame(() => {
      if (!listRef.current?.isShown()) detailRef.current?.focus();
    });
  }

  const activeFilters = Object.entries(own).filter(([k, v]) => k !== 'text' && v !== '').length;
  const draftCount = drafts.value?.length ?? 0;

  return (
    <div className={`incidents${open ? ' has-open' : ''}`}>
      <div className="incidents-toolbar">
        <div className="search-box">
          <label htmlFor="incident-search" className="visually-hidden">
            Search reports
          </label>
          <input
            id="incident-search"
            ref={searchRef}
            type="search"
            placeholder="Search reports"
            value={own.text}
            spellCheck={false}
            onChange={(e) => setOwn({ ...own, text: e.target.value })}
          />
        </div>
        <Button aria-expanded={filtersShown} onClick={() => setFiltersShown(!filtersShown)}>
          Filters{activeFilters > 0 ? ` (${activeFilters})` : ''}
        </Button>
        <Button variant="primary" onClick={() => void newReport()} title="Or N on a camera tile">
          New report
        </Button>
        <Button aria-pressed={open?.kind === 'drafts'} onClick={() => setOpen({ kind: 'drafts' })}>
          Drafts ({draftCount})
        </Button>
      </div>
      {filtersShown && (
        <SearchFiltersForm
          filters={filters}
          onChange={(patch) => {
            const { branchId: chosen, ...rest } = patch;
            if (chosen !== undefined) setBranchChoice({ header: filter.value, value: chosen });
            setOwn({ ...own, ...rest });
          }}
          onClear={() => {
            setOwn({ ...NO_FILTERS, text: own.text });
            setBranchChoice(null);
          }}
          branches={filter.branches}
          rules={guidelines.value ?? []}
          reporters={reporters}
        />
      )}
      <ErrorNotice error={error ?? search.error} />
      <div className="incidents-body">
        <div className="incidents-list-pane">
          <p className="list-count muted" role="status">
            {!search.loaded
              ? 'Loading reports…'
              : `${search.items.length}${search.hasMore ? '+' : ''} ${search.items.length === 1 ? 'report' : 'reports'}${search.searching ? ` matching “${own.text.trim()}”` : ''}`}
          </p>
          {search.loaded && search.items.length === 0 ? (
            <EmptyState title={search.searching || activeFilters > 0 ? 'No reports match' : 'No reports yet'}>
              <p>
                {search.searching || activeFilters > 0
                  ? 'Try fewer words or clear the filters.'
                  : 'Filed reports are listed here. Start one with New report, or Report incident on a camera.'}
              </p>
            </EmptyState>
          ) : (
            <IncidentList
              ref={listRef}
              items={search.items}
              searching={search.searching}
              hasMore={search.hasMore}
              loading={search.loading}
              openId={open?.kind === 'report' ? open.id : undefined}
              timeZoneOf={timeZoneOf}
              onOpen={openReport}
              onLoadMore={search.loadMore}
            />
          )}
        </div>
        {open && (
          <div
            className="incidents-detail"
            ref={detailRef}
            tabIndex={-1}
            aria-label="Open report"
            onKeyDown={(e) => {
              // Esc closes a report or the drafts list; a draft form handles its own Esc.
              if (e.key !== 'Escape' || e.defaultPrevented || open.kind === 'draft' || isTypingTarget(e.target)) return;
              e.preventDefault();
              setOpen(null);
              listRef.current?.focus();
            }}
          >
            {open.kind !== 'draft' && (
              <Button small variant="quiet" className="detail-close" onClick={() => setOpen(null)}>
                Back to the list<Unseen> of reports</Unseen>
              </Button>
            )}
            {open.kind === 'report' && (
              <ReportView
                key={open.id}
                id={open.id}
                staff={staff}
                branches={filter.branches}
                message={open.message}
                onChanged={search.reload}
              />
            )}
            {open.kind === 'drafts' && (
              <DraftsList drafts={drafts} onOpen={(id) => setOpen({ kind: 'draft', id, focusSummary: false })} />
            )}
            {open.kind === 'draft' && (
              <DraftEditor
                key={open.id}
                id={open.id}
                incoming={incoming?.draftId === open.id ? incoming : undefined}
                branches={filter.branches}
                focusSummary={open.focusSummary}
                onSubmitted={(id, number) => {
                  drafts.reload();
                  search.reload();
                  setOpen({ kind: 'report', id, message: `Submitted ${number}` });
                }}
                onReplaced={(id) => {
                  drafts.reload();
                  setOpen(id ? { kind: 'draft', id, focusSummary: false } : { kind: 'drafts' });
                }}
                onClose={() => {
                  drafts.reload();
                  setOpen(null);
                }}
              />
            )}
          </div>
        )}
      </div>
    </div>
  );
}
