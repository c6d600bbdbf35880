import { useId, useState } from 'react';
import { WhoHasSeen } from '../audit/WhoHasSeen';
import { LegalHoldControl } from '../retention/LegalHoldControl';
import type { ReactNode } from 'react';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { useMainNow } from '../../lib/mainClock';
import { Button } from '../../components/Button';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { PersonDetail, StaffSummary } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import type { BranchFilter } from '../desk/useBranchFilter';
import { formatWhen } from '../incidents/localTime';
import { SEX_WORD, STATUS_WORD } from '../incidents/words';
import { BanStatusWord, ToneWords, standingTone } from '../bans/StatusWords';
import { endWords } from '../bans/BanList';
import { banTimeZone, inForce, scopeCodes } from '../bans/words';
import { MergeForm } from './MergeForm';
import { PersonForm } from './PersonForm';
import { PersonPhotos } from './PersonPhotos';
import { ageWords } from './personWords';
import { startIncidentAbout } from './startIncident';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <>
      <dt>{term}</dt>
      <dd className={empty ? 'muted' : undefined}>{empty ? 'Not recorded' : children}</dd>
    </>
  );
}

/** A merged record's name, read when shown (an audited read like any other). */
function MergedName({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const other = useQuery('persons.get', { id });
  return (
    <button type="button" className="link-button" onClick={() => onOpen(id)}>
      {other.value?.person.name ?? 'a record'}
    </button>
  );
}

interface PersonViewProps {
  id: string;
  staff: StaffSummary;
  filter: BranchFilter;
  /** False while hidden (kept for a half-filled form): it reads nothing until shown again. */
  active: boolean;
  onOpenBan: (id: string) => void;
  onOpenPerson: (id: string) => void;
  /** Main accepted a change: the lists beside refresh. */
  onChanged: () => void;
}

/**
 * A person's record: pictures, names, how they look, age (minor or adult), card and
 * guardian, notes; their bans and the reports naming them. Edit, add a picture, start
 * a report about them; supervisors merge a second record of the same person into it.
 */
export function PersonView({ id, staff, filter, active, onOpenBan, onOpenPerson, onChanged }: PersonViewProps) {
  const titleId = useId();
  const actions = useDeskActions();
  const now = useMainNow(60_000);
  const starting = useSubmit();
  const [mode, setMode] = useState<'view' | 'edit' | 'merge'>('view');
  const [said, setSaid] = useState<string | undefined>(undefined);
  const found = useQuery('persons.get', { id }, { enabled: active });
  const bans = useQuery(
    'bans.forPerson',
    { personId: id },
    { refetchOn: ['persons.changed', 'bans.changed', 'clock.changed'], enabled: active },
  );
  const reports = useQuery('incidents.search', { personId: id, limit: 50 }, { enabled: active });
  const supervisor = staff.role === 'supervisor' || staff.role === 'admin';

  const value = found.value?.person.id === id ? found.value : undefined;
  if (found.error && !value) return <ErrorNotice error={found.error} />;
  if (!value) return <p className="muted">Opening the record…</p>;
  const p = value.person;

  function changed(next: PersonDetail, message: string) {
    found.setValue({ person: next, mediaBase: value!.mediaBase });
    setMode('view');
    setSaid(message);
    onChanged();
  }

  async function startIncident() {
    const draft = await starting.run(() => startIncidentAbout(p.id, filter.selected?.id ?? null));
    if (draft) actions.openDraft(draft.id);
  }

  const allBans = bans.value ?? [];
  const standing = allBans.find((b) => inForce(b.status)) ?? allBans.find((b) => b.status === 'scheduled');
  const tone = standingTone(standing);

  return (
    <article className="person-view" aria-labelledby={titleId} data-audit-kind="person" data-audit-record={p.id}>
      <StatusNotice message={said} />
      <header className="person-view-head">
        <h3 id={titleId} className="pane-title">
          {p.name}
        </h3>
        <p className="person-badges">
          {p.unknown && <span className="badge">Name not known</span>}
          {p.minor === true && <span className="badge badge-warn">Minor</span>}
          {p.mergedInto && <span className="badge badge-retired">Merged</span>}
        </p>
        <p className="ban-standing">
          <ToneWords tone={tone} large>
            {standing ? standing.statusWords : bans.loading ? 'Checking bans…' : 'Not banned'}
          </ToneWords>
        </p>
        <WhoHasSeen recordId={p.id} what={p.name} isAdmin={staff.role === 'admin'} />
        <LegalHoldControl kind="person" recordId={p.id} what={p.name} canHold={staff.role !== 'officer'} />
      </header>
      {p.mergedInto && (
        <p className="notice notice-warn">
          <span className="notice-icon" aria-hidden="true">
            ⚠
          </span>
          <span>
            This record was merged into another: it is kept as history.{' '}
            <Button small onClick={() => onOpenPerson(p.mergedInto!)}>
              Open the kept record
            </Button>
          </span>
        </p>
      )}

      <PersonPhotos person={p} mediaBase={value.mediaBase} onChanged={changed} />

      {mode === 'view' && !p.mergedInto && (
        <div className="person-actions" role="group" aria-label="Person actions">
          <Button onClick={() => setMode('edit')}>
            Edit<Unseen> {p.name}</Unseen>
          </Button>
          <Button disabled={starting.pending} onClick={() => void startIncident()}>
            Start incident<Unseen> about {p.name}</Unseen>
          </Button>
          {supervisor && (
            <Button onClick={() => setMode('merge')} title="One person recorded twice: make it one record">
              Merge a duplicate<Unseen> into {p.name}</Unseen>
            </Button>
          )}
          <ErrorNotice error={starting.error} />
        </div>
      )}
      {mode === 'edit' && (
        <PersonForm
          staff={staff}
          person={p}
          onSaved={(next) => changed(next, `Saved ${next.name}’s record.`)}
          onCancel={() => setMode('view')}
          onOpenPerson={onOpenPerson}
        />
      )}
      {mode === 'merge' && <MergeForm keep={p} onMerged={changed} onCancel={() => setMode('view')} />}

      <dl className="facts person-record">
        <Fact term="Also known as">{p.aliases.join(', ')}</Fact>
        <Fact term="Description">{p.description}</Fact>
        <Fact term="Age">
          {ageWords(p, now)}
          {p.birthDate && <span className="muted"> · born {p.birthDate}</span>}
          {!p.birthDate && p.ageEstimate && p.minor !== null && <span className="muted"> · looks {p.ageEstimate}</span>}
        </Fact>
        <Fact term="Sex">{SEX_WORD[p.sex]}</Fact>
        <Fact term="Height">{p.height}</Fact>
        <Fact term="Build">{p.build}</Fact>
        <Fact term="Hair">{p.hair}</Fact>
        <Fact term="Marks">{p.marks}</Fact>
        <Fact term="Library card">
          {supervisor ? (p.cardNumber ?? 'No card on file') : p.cardOnFile ? 'Card on file' : 'No card on file'}
        </Fact>
        {(p.minor === true || p.guardianName || p.guardianContact) && (
          <Fact term="Guardian">
            {[p.guardianName, p.guardianContact].filter(Boolean).join(' · ') ||
              (p.minor ? 'Not recorded: a minor’s notices go to a guardian too' : '')}
          </Fact>
        )}
        <Fact term="Notes">{p.notes}</Fact>
        <Fact term="On file since">{formatWhen(p.createdAt, filter.selected?.timeZone)}</Fact>
        {p.mergedFrom.length > 0 && (
          <Fact term="Merged from">
            {p.mergedFrom.map((m, i) => (
              <span key={m}>
                {i > 0 && ', '}
                <MergedName id={m} onOpen={onOpenPerson} />
              </span>
            ))}
          </Fact>
        )}
      </dl>

      <section className="report-block" aria-labelledby={`${titleId}-bans`}>
        <h4 id={`${titleId}-bans`}>
          Bans and warnings <span className="muted">({allBans.length})</span>
        </h4>
        <ErrorNotice error={bans.error} />
        {!bans.loading && allBans.length === 0 && <p className="muted">None on file.</p>}
        <ul className="record-rows">
          {allBans.map((b) => (
            <li key={b.id}>
              <button type="button" className="record-row" onClick={() => onOpenBan(b.id)}>
                <strong className="row-number">{b.number}</strong>
                <BanStatusWord ban={b} />
                <span>{scopeCodes(b, filter.branches)}</span>
                <span className="muted">{endWords(b, banTimeZone(b, filter.branches, filter.selected), now)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="report-block" aria-labelledby={`${titleId}-reports`}>
        <h4 id={`${titleId}-reports`}>
          Incident reports{' '}
          <span className="muted">
            ({reports.value?.items.length ?? 0}
            {reports.value?.nextCursor ? '+' : ''})
          </span>
        </h4>
        <ErrorNotice error={reports.error} />
        {reports.value && reports.value.items.length === 0 && <p className="muted">No report names them.</p>}
        <ul className="record-rows">
          {(reports.value?.items ?? []).map((r) => (
            <li key={r.id}>
              <button type="button" className="record-row" onClick={() => actions.openWork('incidents', r.id)}>
                <strong className="row-number">{r.number}</strong>
                <span className="muted">
                  {formatWhen(r.occurredFrom, filter.branches.find((b) => b.id === r.branchId)?.timeZone)}
                </span>
                <span className={`status-word status-${r.status}`}>{STATUS_WORD[r.status]}</span>
                <span className="record-row-summary">{r.summary}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
