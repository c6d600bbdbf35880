import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useMainNow } from '../../lib/mainClock';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { Branch, DeskCheckResult, DraftContent, StaffSummary } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import type { BranchFilter } from '../desk/useBranchFilter';
import { ToneWords, standingBan, standingTone } from '../bans/StatusWords';
import { dayWords } from '../bans/format';
import { banTimeZone, banWord, privilegesWords, scopeWords } from '../bans/words';
import { PersonPicture } from '../persons/PersonPicture';
import { startIncidentAbout } from '../persons/startIncident';

/** Earlier reports named on a result; the person's record lists them all. */
const MAX_REPORTS = 4;

interface Sighting {
  branch: Branch;
  message: string;
  violation: boolean;
  report: DraftContent | null;
}

interface CheckPersonProps {
  id: string;
  result: DeskCheckResult;
  mediaBase: string;
  /** The arrow keys' current result: its buttons are the ones Tab reaches. */
  active: boolean;
  staff: StaffSummary;
  filter: BranchFilter;
  onPick: () => void;
  onOpen: () => void;
}

/**
 * One person the desk check found: the picture, the name, and the answer in words and
 * colour ("Banned from all branches until Sat 12 Dec"), with where, what and until when.
 * Reasons and earlier reports only when main sends them (supervisors and administrators).
 */
export function CheckPerson({ id, result, mediaBase, active, filter, onPick, onOpen }: CheckPersonProps) {
  const actions = useDeskActions();
  const submit = useSubmit();
  const now = useMainNow(60_000);
  const [choosing, setChoosing] = useState(false);
  const [seen, setSeen] = useState<Sighting | null>(null);
  const { person, statusWords, bans, history } = result;
  const tone = standingTone(standingBan(bans, statusWords));
  const tab = active ? 0 : -1;
  const nameId = `${id}-name`;

  async function startIncident() {
    const draft = await submit.run(() => startIncidentAbout(person.id, filter.selected?.id ?? null));
    if (draft) actions.openDraft(draft.id);
  }

  async function seenAt(branch: Branch) {
    setChoosing(false);
    const r = await submit.run(() => call('bans.personSeen', { personId: person.id, branchId: branch.id }));
    if (r) setSeen({ branch, message: r.message, violation: r.violation !== null, report: r.report });
  }

  async function startTrespass(content: DraftContent) {
    const draft = await submit.run(() => call('incidents.createDraft', { content }));
    if (draft) actions.openDraft(draft.id);
  }

  const here = filter.selected;
  return (
    <article
      id={id}
      className={`check-person tone-edge-${tone}${active ? ' is-active' : ''}`}
      aria-labelledby={nameId}
      onClick={onPick}
    >
      <PersonPicture mediaBase={mediaBase} path={person.photo} name={person.name} size="medium" />
      <div className="check-person-body">
        <p className="check-person-name">
          <strong id={nameId}>{person.name}</strong>
          {person.unknown && <span className="badge">Unknown name</span>}
          {person.minor && <span className="badge badge-warn">Minor</span>}
          {person.aliases.length > 0 && <span className="muted"> also “{person.aliases.join('”, “')}”</span>}
          {!result.matchedOn.includes('name') && result.matchedOn.length > 0 && (
            <span className="muted small"> · matched on {result.matchedOn.join(' and ')}</span>
          )}
        </p>
        <p className="check-standing">
          <ToneWords tone={tone} large>
            {statusWords}
          </ToneWords>
        </p>
        {person.unknown && person.description && <p className="check-description">{person.description}</p>}
        {bans.length > 0 && (
          <ul className="check-bans" aria-label={`Bans of ${person.name}`}>
            {bans.map((b) => {
              const tz = banTimeZone(b, filter.branches, filter.selected);
              return (
                <li key={b.id}>
                  <button
                    type="button"
                    className="link-button"
                    tabIndex={tab}
                    onClick={() => actions.openWork('bans', b.id)}
                  >
                    {b.number}
                  </button>{' '}
                  <span className="muted">{banWord(b)}</span> · {scopeWords(b, filter.branches)} ·{' '}
                  {privilegesWords(b.privileges)}
                  {b.endsAt && (
                    <>
                      {' '}
                      · ends <time dateTime={b.endsAt}>{dayWords(b.endsAt, tz, now)}</time>
                    </>
                  )}
                  {!b.endsAt && b.step.kind === 'indefinite' && ' · no end date'}
                  {b.meetingRequired && ' · meeting required before return'}
                </li>
              );
            })}
          </ul>
        )}
        {history && (history.reasons.length > 0 || history.incidents.length > 0) && (
          <div className="check-history">
            {history.reasons.length > 0 && (
              <p>
                <span className="muted">Why: </span>
                {history.reasons.join('; ')}
              </p>
            )}
            {history.incidents.length > 0 && (
              <p>
                <span className="muted">Reports: </span>
                {history.incidents.slice(0, MAX_REPORTS).map((i, n) => (
                  <span key={i.id}>
                    {n > 0 && ', '}
                    <button
                      type="button"
                      className="link-button"
                      tabIndex={tab}
                      onClick={() => actions.openWork('incidents', i.id)}
                    >
                      {i.number}
                    </button>
                  </span>
                ))}
                {history.incidents.length > MAX_REPORTS && (
                  <span className="muted"> and {history.incidents.length - MAX_REPORTS} more on their record</span>
                )}
              </p>
            )}
          </div>
        )}
        <div className="check-actions">
          <Button small variant={active ? 'primary' : 'secondary'} tabIndex={tab} onClick={onOpen}>
            Open record<Unseen> of {person.name}</Unseen>
          </Button>
          <Button small tabIndex={tab} disabled={submit.pending} onClick={() => void startIncident()}>
            Start incident<Unseen> about {person.name}</Unseen>
          </Button>
          {here ? (
            <Button small tabIndex={tab} disabled={submit.pending} onClick={() => void seenAt(here)}>
              Seen at {here.name}
              <Unseen> ({person.name})</Unseen>
            </Button>
          ) : (
            <Button small tabIndex={tab} aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
              Seen at…<Unseen> {person.name}</Unseen>
            </Button>
          )}
        </div>
        {choosing && (
          <div className="check-branches" role="group" aria-label={`Where ${person.name} was seen`}>
            {filter.branches.map((b) => (
              <Button key={b.id} small variant="quiet" disabled={submit.pending} onClick={() => void seenAt(b)}>
                Seen at {b.name}
                <Unseen> ({person.name})</Unseen>
              </Button>
            ))}
          </div>
        )}
        {seen && (
          <div
            role={seen.violation ? 'alert' : 'status'}
            className={`notice ${seen.violation ? 'notice-error' : 'notice-ok'} check-seen`}
          >
            <span className="notice-icon" aria-hidden="true">
              {seen.violation ? '⊘' : '✓'}
            </span>
            <span>
              {seen.message}
              {seen.report && (
                <>
                  {' '}
                  <Button small variant="danger" onClick={() => void startTrespass(seen.report!)}>
                    Start trespass report<Unseen> about {person.name}</Unseen>
                  </Button>
                </>
              )}
            </span>
          </div>
        )}
        <ErrorNotice error={submit.error} />
      </div>
    </article>
  );
}
