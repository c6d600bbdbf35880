import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../../lib/useQuery';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import { isTypingTarget } from '../../lib/keys';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { StaffSummary } from '../../../shared/contract';
import type { WorkRequest } from '../desk/deskActions';
import { ALL_BRANCHES } from '../desk/useBranchFilter';
import type { BranchFilter } from '../desk/useBranchFilter';
import { PersonForm } from '../persons/PersonForm';
import { PersonView } from '../persons/PersonView';
import { BanList } from './BanList';
import type { BanListHandle } from './BanList';
import { BanTodoView } from './BanTodoView';
import { BanView } from './BanView';
import './bans.css';
import '../persons/persons.css';

type Open =
  | { kind: 'ban'; id: string }
  | { kind: 'person'; id: string }
  | { kind: 'newPerson'; text: string; seq: number }
  | null;

/** What was open, so a restart comes back to it (a new person's form is not kept: it was never saved). */
function storedOpen(key: string): Open {
  try {
    const o = JSON.parse(readStored(key) ?? 'null') as { kind?: string; id?: string } | null;
    if ((o?.kind === 'ban' || o?.kind === 'person') && o.id) return { kind: o.kind, id: o.id };
  } catch {
    // A damaged value just means nothing was open.
  }
  return null;
}

/** How many records stay mounted beside the list, so a form half filled in survives opening another. */
const KEEP = 6;
const keyOf = (o: NonNullable<Open>) => (o.kind === 'newPerson' ? `new-${o.seq}` : `${o.kind}-${o.id}`);

/** Main's ban events reach this screen as alert changes and clock moves; own changes reload at once. */
const REFETCH = ['bans.changed', 'persons.changed', 'clock.changed'] as const;

interface BansPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  /** False while another tab is in front (the panel stays mounted so nothing typed is lost). */
  shown: boolean;
  request: WorkRequest | undefined;
  onRequestHandled: () => void;
}

/**
 * The Bans tab: what needs doing and the bans in force on one side, the open ban or
 * person beside it (DESIGN §8: details beside, not a new page). Alerts open their ban here.
 */
export function BansPanel({ staff, filter, shown, request, onRequestHandled }: BansPanelProps) {
  const openKey = `${STORAGE_KEYS.openBan}.${staff.id}`;
  const [open, setOpen] = useState<Open>(() => storedOpen(openKey));
  // The records opened lately stay mounted (hidden): what was typed in one of their forms is still there on return.
  const [kept, setKept] = useState<NonNullable<Open>[]>(() => (open ? [open] : []));
  const [which, setWhich] = useState<'inForce' | 'all'>('inForce');
  const [handledSeq, setHandledSeq] = useState<number | undefined>(undefined);
  const detailRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<BanListHandle>(null);
  const branchId = filter.value === ALL_BRANCHES ? undefined : filter.value;
  const todo = useQuery('bans.todo', {}, { refetchOn: REFETCH, enabled: shown });
  const list = useQuery('bans.list', branchId ? { which, branchId, limit: 200 } : { which, limit: 200 }, {
    refetchOn: REFETCH,
    enabled: shown,
  });

  // An alert, the desk check or another panel names a ban or a person (adjusted while rendering, no flash).
  if (request && request.seq !== handledSeq) {
    setHandledSeq(request.seq);
    if (request.kind === 'person' && request.recordId) setOpen({ kind: 'person', id: request.recordId });
    else if (request.kind === 'newPerson') setOpen({ kind: 'newPerson', text: request.text ?? '', seq: request.seq });
    else if (request.recordId) setOpen({ kind: 'ban', id: request.recordId });
  }

  if (open && !kept.some((k) => keyOf(k) === keyOf(open))) setKept([open, ...kept].slice(0, KEEP));
  const drop = (o: NonNullable<Open>) => setKept((all) => all.filter((k) => keyOf(k) !== keyOf(o)));

  useEffect(() => {
    if (!request) return;
    // The open record takes the cursor, so the keyboard carries on from there.
    if (request.kind !== 'newPerson') detailRef.current?.focus();
    onRequestHandled();
  }, [request, onRequestHandled]);

  useEffect(() => {
    writeStored(openKey, JSON.stringify(open?.kind === 'ban' || open?.kind === 'person' ? open : null));
  }, [open, openKey]);

  function changed() {
    todo.reload();
    list.reload();
  }

  function openBan(id: string) {
    setOpen({ kind: 'ban', id });
    requestAnimationFrame(() => {
      if (!listRef.current?.isShown()) detailRef.current?.focus();
    });
  }

  function closeDetail() {
    setOpen(null);
    requestAnimationFrame(() => listRef.current?.focus());
  }

  const bans = list.value ?? [];
  const openId = open?.kind === 'ban' ? open.id : undefined;
  const scope = filter.selected ? ` at ${filter.selected.name}` : '';

  return (
    <div className={`bans${open ? ' has-open' : ''}`}>
      <div className="bans-toolbar">
        <div className="segmented" role="group" aria-label="Which bans">
          <Button small aria-pressed={which === 'inForce'} onClick={() => setWhich('inForce')}>
            In force and coming
          </Button>
          <Button small aria-pressed={which === 'all'} onClick={() => setWhich('all')}>
            All, newest first
          </Button>
        </div>
        <Button
          onClick={() => setOpen({ kind: 'newPerson', text: '', seq: Date.now() })}
          title="A person not on file yet: named, or unknown with a description"
        >
          New person
        </Button>
      </div>
      <div className="bans-body">
        <div className="bans-list-pane">
          <ErrorNotice error={todo.error ?? list.error} />
          {todo.value && (
            <BanTodoView
              todo={todo.value}
              branches={filter.branches}
              preferred={filter.selected}
              openId={openId}
              onOpen={openBan}
            />
          )}
          <h3 className="pane-subtitle" id="ban-list-title">
            {which === 'inForce' ? `Bans in force and coming${scope}` : `All bans and warnings${scope}`}{' '}
            <span className="muted">({list.loading ? '…' : bans.length})</span>
          </h3>
          {!list.loading && bans.length === 0 ? (
            <EmptyState title={which === 'inForce' ? 'Nobody is banned now' : 'No bans yet'}>
              <p>
                Bans are issued from an incident report: open the report, then “Issue ban” beside its subject. To check
                someone at the door, press <kbd>/</kbd> and type their name.
              </p>
            </EmptyState>
          ) : (
            <BanList
              ref={listRef}
              label={which === 'inForce' ? 'Bans in force and coming' : 'All bans'}
              bans={bans}
              branches={filter.branches}
              preferred={filter.selected}
              openId={openId}
              onOpen={openBan}
            />
          )}
        </div>
        {kept.length > 0 && (
          <div
            className="bans-detail"
            ref={detailRef}
            tabIndex={-1}
            hidden={!open}
            aria-label={open?.kind === 'ban' ? 'Open ban' : open?.kind === 'person' ? 'Open person' : 'New person'}
            onKeyDown={(e) => {
              // Esc goes back to the list; a form open here handles its own Esc first.
              if (e.key !== 'Escape' || e.defaultPrevented || isTypingTarget(e.target)) return;
              e.preventDefault();
              closeDetail();
            }}
          >
            {open && open.kind !== 'newPerson' && (
              <div className="detail-bar">
                <Button small variant="quiet" onClick={closeDetail} title="Esc">
                  Back to the list<Unseen> of bans</Unseen>
                </Button>
              </div>
            )}
            {kept.map((k) => {
              const here = open !== null && keyOf(open) === keyOf(k);
              return (
                <div key={keyOf(k)} hidden={!here}>
                  {k.kind === 'ban' && (
                    <BanView
                      id={k.id}
                      staff={staff}
                      filter={filter}
                      active={here && shown}
                      onChanged={changed}
                      onOpenPerson={(id) => setOpen({ kind: 'person', id })}
                    />
                  )}
                  {k.kind === 'person' && (
                    <PersonView
                      id={k.id}
                      staff={staff}
                      filter={filter}
                      active={here && shown}
                      onOpenBan={openBan}
                      onOpenPerson={(id) => setOpen({ kind: 'person', id })}
                      onChanged={changed}
                    />
                  )}
                  {k.kind === 'newPerson' && (
                    <PersonForm
                      staff={staff}
                      initialName={k.text}
                      onSaved={(p) => {
                        drop(k);
                        setOpen({ kind: 'person', id: p.id });
                        changed();
                      }}
                      onOpenPerson={(id) => {
                        drop(k);
                        setOpen({ kind: 'person', id });
                      }}
                      onCancel={() => {
                        drop(k);
                        closeDetail();
                      }}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
