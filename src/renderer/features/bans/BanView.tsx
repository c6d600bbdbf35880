import { useId, useState } from 'react';
import { WhoHasSeen } from '../audit/WhoHasSeen';
import { LegalHoldControl } from '../retention/LegalHoldControl';
import { useQuery } from '../../lib/useQuery';
import { useMainNow } from '../../lib/mainClock';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { BanDetail, StaffSummary } from '../../../shared/contract';
import type { BranchFilter } from '../desk/useBranchFilter';
import { PersonPicture } from '../persons/PersonPicture';
import { BanActions } from './BanActions';
import { BanParticularsView } from './BanParticularsView';
import { BanStatusWord, ToneWords, standingTone } from './StatusWords';
import { whenWords } from './format';
import { banTimeZone, privilegesWords, scopeWords, stepLabel } from './words';

interface BanViewProps {
  id: string;
  staff: StaffSummary;
  filter: BranchFilter;
  /** False while hidden (kept for a half-filled form): it reads nothing until shown again. */
  active: boolean;
  /** Main accepted a change: the lists beside refresh. */
  onChanged: () => void;
  onOpenPerson: (id: string) => void;
}

/**
 * One ban: the answer in words, the person, where, what and until when; what the
 * signed-in person may do with it now; and for supervisors the reasons and history.
 */
export function BanView({ id, staff, filter, active, onChanged, onOpenPerson }: BanViewProps) {
  const titleId = useId();
  const now = useMainNow(15_000);
  const [said, setSaid] = useState<{ id: string; text: string } | undefined>(undefined);
  // Status is derived from the clock: crossing the start or the end reads the ban again.
  const [boundary, setBoundary] = useState<{ id: string; at: number[] }>({ id, at: [] });
  const passed = boundary.at.filter((t) => t <= now.getTime()).length;
  const ban = useQuery(
    'bans.get',
    { id },
    { refetchOn: ['bans.changed', 'clock.changed'], deps: [passed], enabled: active },
  );
  const record = ban.value?.id === id ? ban.value : undefined;
  const person = useQuery('persons.get', { id: record?.personId ?? '' }, { enabled: record !== undefined && active });

  if (record) {
    const at = [record.startsAt, record.endsAt].filter((t): t is string => t !== null).map(Date.parse);
    if (boundary.id !== id || at.join() !== boundary.at.join()) setBoundary({ id, at });
  }

  if (ban.error && !record) return <ErrorNotice error={ban.error} />;
  if (!record) return <p className="muted">Opening the ban…</p>;

  const tz = banTimeZone(record, filter.branches, filter.selected);
  const picture = person.value?.person.id === record.personId ? person.value : undefined;
  const tone = standingTone(record);

  function done(next: BanDetail, message: string) {
    ban.setValue(next);
    setSaid({ id, text: message });
    onChanged();
  }

  return (
    <article
      className={`ban-view tone-edge-${tone}`}
      aria-labelledby={titleId}
      data-audit-kind="ban"
      data-audit-record={record.id}
    >
      <StatusNotice message={said?.id === id ? said.text : undefined} />
      <header className="ban-head">
        <h3 id={titleId} className="pane-title">
          {record.number}
        </h3>
        <p className="ban-standing">
          <ToneWords tone={tone} large>
            {record.statusWords}
          </ToneWords>
        </p>
        <WhoHasSeen recordId={record.id} what={record.number} isAdmin={staff.role === 'admin'} />
        <LegalHoldControl kind="ban" recordId={record.id} what={record.number} canHold={staff.role !== 'officer'} />
      </header>
      <div className="ban-person">
        <PersonPicture
          mediaBase={picture?.mediaBase ?? ''}
          path={picture?.person.photos.at(-1)?.path}
          name={record.personName}
          size="medium"
        />
        <div>
          <p className="ban-person-name">
            <button type="button" className="link-button" onClick={() => onOpenPerson(record.personId)}>
              {record.personName}
            </button>
            {record.person.minor && <span className="badge badge-warn">Minor</span>}
          </p>
          {picture?.person.aliases.length ? (
            <p className="muted">Also “{picture.person.aliases.join('”, “')}”</p>
          ) : null}
          <p className="muted small">Their record: photos, other bans and reports.</p>
        </div>
      </div>
      <dl className="facts ban-facts">
        <dt>Status</dt>
        <dd>
          <BanStatusWord ban={record} />
        </dd>
        <dt>Step</dt>
        <dd>{stepLabel(record.step)}</dd>
        <dt>Where</dt>
        <dd>{scopeWords(record, filter.branches)}</dd>
        <dt>Suspended</dt>
        <dd>{privilegesWords(record.privileges)}</dd>
        <dt>Starts</dt>
        <dd>{whenWords(record.startsAt, tz, now)}</dd>
        <dt>Ends</dt>
        <dd>
          {record.step.kind === 'warning'
            ? 'A warning: nothing is suspended'
            : record.endsAt
              ? whenWords(record.endsAt, tz, now)
              : 'No end date: until a reinstatement meeting'}
        </dd>
        <dt>Return</dt>
        <dd>{record.meetingRequired ? 'After a reinstatement meeting with a manager' : 'When the ban ends'}</dd>
      </dl>
      <BanActions ban={record} staff={staff} timeZone={tz} onDone={done} onSaid={(text) => setSaid({ id, text })} />
      {record.particulars ? (
        <BanParticularsView
          ban={record}
          particulars={record.particulars}
          timeZone={tz}
          onSaid={(text) => setSaid({ id, text })}
        />
      ) : (
        <p className="muted restricted-note">
          Reasons, reports, notices and the ban’s history are shown to supervisors and administrators.
        </p>
      )}
    </article>
  );
}
