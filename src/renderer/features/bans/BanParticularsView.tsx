import type { ReactNode } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useMainNow } from '../../lib/mainClock';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { BanDetail, BanParticulars } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import { deadlineWords, whenWords } from './format';
import { downloadPdf } from '../../lib/downloadPdf';
import { DECISION_WORD, DELIVERY_WORD, sameStep, stepLabel } from './words';
import { useDisclose } from '../disclose/DiscloseProvider';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined || children === false;
  return (
    <>
      <dt>{term}</dt>
      <dd className={empty ? 'muted' : undefined}>{empty ? 'Not recorded' : children}</dd>
    </>
  );
}

/** Journal kinds in words: what happened to the ban at each sealed step. */
const JOURNAL_WORD: Record<string, string> = {
  'ban.issued': 'Issued',
  'ban.approved': 'Approved',
  'ban.lifted': 'Lifted',
  'ban.noticeDelivered': 'Notice delivered',
  'ban.appealReceived': 'Appeal received',
  'ban.hearingScheduled': 'Hearing scheduled',
  'ban.appealDecided': 'Appeal decided',
  'ban.meetingScheduled': 'Meeting scheduled',
  'ban.meetingHeld': 'Meeting held',
};

interface Props {
  ban: BanDetail;
  particulars: BanParticulars;
  timeZone: string | undefined;
  onSaid: (message: string) => void;
}

/**
 * The reasons and the history of a ban, for supervisors and administrators (main
 * sends none to officers): why the policy proposed the step, the rules and reports,
 * who issued and approved it, notices and their delivery, appeals and meetings,
 * and the journal hash that seals each step.
 */
export function BanParticularsView({ ban, particulars: p, timeZone, onSaid }: Props) {
  const actions = useDeskActions();
  const now = useMainNow(60_000);
  const letter = useSubmit();
  const askDisclose = useDisclose();
  const when = (iso: string | null) => (iso ? whenWords(iso, timeZone, now) : '');

  async function decisionLetter(appealId: string) {
    const disclose = await askDisclose({
      what: `Appeal decision letter of ban ${ban.number}`,
      action: 'Download letter',
      basis: 'library-administration',
      recipient: ban.person.name,
    });
    if (!disclose) return;
    const r = await letter.run(() => downloadPdf(() => call('bans.decisionLetterPdf', { appealId, disclose })));
    if (r) onSaid(`Downloaded ${r.fileName} — SHA-256 ${r.sha256}.`);
  }

  return (
    <div className="ban-particulars">
      <section className="report-block">
        <h4>Why</h4>
        <dl className="facts">
          <Fact term="Rule tier">{p.tier.name}</Fact>
          <Fact term="Policy proposed">
            {stepLabel(p.proposed)} — <span className="why-words">{p.why}</span>
          </Fact>
          {!sameStep(p.proposed, ban.step) && (
            <Fact term="Issued instead">
              {stepLabel(ban.step)}, because: {p.overrideReason}
            </Fact>
          )}
          <Fact term="Policy version">{p.policyVersion}</Fact>
        </dl>
        <h4>Rules broken</h4>
        <ul className="report-rules">
          {p.rules.map((r) => (
            <li key={r.code}>
              <strong>{r.code}</strong> — {r.title}
            </li>
          ))}
        </ul>
        <h4>Incident reports</h4>
        <ul className="link-list">
          {p.incidents.map((i) => (
            <li key={i.id}>
              <button type="button" className="link-button" onClick={() => actions.openWork('incidents', i.id)}>
                {i.number}
              </button>{' '}
              <span className="muted">{when(i.occurredFrom)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="report-block">
        <h4>Issued and approved</h4>
        <dl className="facts">
          <Fact term="Issued">
            {when(p.issuedAt)} by {p.issuedByName}
          </Fact>
          <Fact term="Approval">
            {!p.approval.needed
              ? 'Not needed for this step'
              : p.approval.at
                ? `${when(p.approval.at)} by ${p.approval.byName ?? '(unknown)'}`
                : 'Waiting for a supervisor'}
          </Fact>
          {p.lift && (
            <Fact term="Lifted">
              {when(p.lift.at)} by {p.lift.byName}: {p.lift.reason}
              {p.lift.rescinded && ' (rescinded: does not count toward the ladder)'}
            </Fact>
          )}
        </dl>
      </section>

      <section className="report-block">
        <h4>Notices</h4>
        {p.notices.length === 0 && <p className="muted">No notice made yet: “Notice PDF” makes one to print.</p>}
        {p.notices.map((n) => (
          <dl key={n.id} className="facts notice-facts">
            <Fact term="For">{n.recipient === 'guardian' ? 'The parent or guardian' : ban.personName}</Fact>
            <Fact term="Made">{when(n.createdAt)}</Fact>
            <Fact term="Delivered">
              {n.deliveredAt ? (
                <>
                  {when(n.deliveredAt)}, {n.method ? DELIVERY_WORD[n.method].toLowerCase() : ''}
                  {n.deliveredByName && `, by ${n.deliveredByName}`}
                  {n.signed === true && ' — signed the receipt'}
                  {n.signed === false && ' — refused to sign'}
                  {n.postedOn && ` — posted on ${n.postedOn}`}
                </>
              ) : (
                <strong className="tone tone-warn">Not delivered yet</strong>
              )}
            </Fact>
            {n.note && <Fact term="Note">{n.note}</Fact>}
            {n.sha256 && (
              <Fact term="Last PDF">
                <code className="hash">{n.sha256}</code>
              </Fact>
            )}
          </dl>
        ))}
        <dl className="facts">
          <Fact term="Appeal deadline">
            {p.appealDeadline
              ? `Appeals close at ${deadlineWords(p.appealDeadline, timeZone, now)}`
              : 'Runs from the delivery of the notice: not delivered yet.'}
          </Fact>
        </dl>
      </section>

      <section className="report-block">
        <h4>Appeals</h4>
        {p.appeals.length === 0 && <p className="muted">No appeal received.</p>}
        {p.appeals.map((a) => (
          <dl key={a.id} className="facts appeal-facts">
            <Fact term="Received">
              {when(a.receivedAt)}, recorded by {a.recordedByName}
              {a.late && ` — late, accepted by ${a.acceptedLateByName ?? '(unknown)'}: ${a.lateReason}`}
            </Fact>
            <Fact term="Hearing">
              {a.hearing
                ? `${when(a.hearing.at)} at ${a.hearing.place}${a.hearing.attendees ? `, with ${a.hearing.attendees}` : ''}`
                : 'Not scheduled'}
            </Fact>
            <Fact term="Decision">
              {a.decision ? (
                <>
                  {DECISION_WORD[a.decision.decision]}
                  {a.decision.newEndsAt && `: now ends ${when(a.decision.newEndsAt)}`}, {when(a.decision.at)} by{' '}
                  {a.decision.byName}
                  {a.decision.note && ` — ${a.decision.note}`}{' '}
                  <Button small onClick={() => void decisionLetter(a.id)} disabled={letter.pending}>
                    Decision letter PDF<Unseen> for {ban.number}</Unseen>
                  </Button>
                </>
              ) : (
                <strong className="tone tone-warn">Waiting for the decision</strong>
              )}
            </Fact>
          </dl>
        ))}
        <ErrorNotice error={letter.error} />
      </section>

      {(ban.meetingRequired || p.meetings.length > 0) && (
        <section className="report-block">
          <h4>Reinstatement meeting</h4>
          {p.meetings.length === 0 && <p className="muted">Required before return; not scheduled yet.</p>}
          {p.meetings.map((m) => (
            <dl key={m.id} className="facts">
              <Fact term="Scheduled">
                {when(m.scheduledAt)} at {m.place}, with {m.withWhom} (set by {m.scheduledByName})
              </Fact>
              <Fact term="Held">
                {m.heldAt ? `${when(m.heldAt)}, recorded by ${m.heldByName ?? '(unknown)'}` : 'Not yet'}
              </Fact>
              {m.heldAt && <Fact term="Attended">{m.attendees}</Fact>}
              {m.heldAt && <Fact term="Conditions">{m.conditions}</Fact>}
            </dl>
          ))}
        </section>
      )}

      <section className="report-block">
        <h4>Journal</h4>
        <ol className="journal-list">
          {p.journal.map((j) => (
            <li key={j.hash}>
              <span>{JOURNAL_WORD[j.kind] ?? j.kind}</span> <span className="muted">{when(j.at)}</span>{' '}
              <code className="hash">{j.hash}</code>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
