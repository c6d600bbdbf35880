import { useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { useMainNow } from '../../lib/mainClock';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import { ErrorNotice } from '../../components/Notice';
import type { BanDetail, Branch, IncidentRecord, Step } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import { DateTimeField } from '../incidents/formParts';
import { Checkbox, CheckboxGroup, RadioGroup, useFormCheck } from './formBits';
import { dayWords } from './format';
import { PRIVILEGE_LIST, PRIVILEGE_WORD, sameStep, stepDays, stepLabel } from './words';
import type { Privilege } from './words';

interface IssueBanFormProps {
  record: IncidentRecord;
  person: { personId: string; name: string };
  branches: readonly Branch[];
  onIssued: (ban: BanDetail) => void;
  onCancel: () => void;
}

/**
 * Issue a ban from a filed report: the policy's proposal and why, the ladder with the
 * proposed step chosen (another step needs a reason), where, what is suspended, when
 * it starts and whether a meeting is needed before return. Long bans wait for a
 * supervisor's approval, and the form says so before it is sent.
 */
export function IssueBanForm({ record, person, branches, onIssued, onCancel }: IssueBanFormProps) {
  const actions = useDeskActions();
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const now = useMainNow(60_000);
  const proposal = useQuery('bans.propose', { personId: person.personId, incidentId: record.id });
  const policy = useQuery('bans.policy', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'all' | 'chosen' | null>(null);
  const [branchIds, setBranchIds] = useState<string[] | null>(null);
  const [privileges, setPrivileges] = useState<Privilege[]>(['building']);
  const [startLater, setStartLater] = useState(false);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [meeting, setMeeting] = useState<boolean | null>(null);

  const p = proposal.value;
  const tz = record.branch.timeZone;
  const title = `Issue a ban for ${person.name} from ${record.number}`;
  if (proposal.error) {
    return (
      <div className="inline-form">
        <h3 className="inline-form-title">{title}</h3>
        <ErrorNotice error={proposal.error} />
        <Button onClick={onCancel}>Close</Button>
      </div>
    );
  }
  if (!p || !policy.value) return <p className="muted">Reading the policy and {person.name}’s history…</p>;

  const index = chosen ?? p.stepIndex;
  const step: Step = p.ladder[index] ?? p.step;
  const differs = !sameStep(step, p.step);
  const thresholds = policy.value.body;
  const days = stepDays(step);
  const approval = step.kind !== 'warning' && step.kind !== 'day' && days > thresholds.approvalAboveDays;
  const meetingDefault = days > thresholds.meetingAboveDays;
  const meetingRequired = meeting ?? meetingDefault;
  const allBranches = p.systemWide || (scope ?? (p.allBranches ? 'all' : 'chosen')) === 'all';
  const chosenBranches = branchIds ?? [p.branchId];
  const warning = step.kind === 'warning';
  const overlapId = form.error === submit.error ? submit.error?.fields?.overlapsBanId : undefined;
  const overlapNumber = submit.fieldError('startsAt')?.match(/BAN-\d{4}-\d+/)?.[0];
  // An overlap is explained in main's own words above the form (its "field" list names the other ban, not a field).
  const shownError =
    overlapId && submit.error ? { code: submit.error.code, message: submit.error.message } : submit.error;

  async function issue() {
    const later = startLater && step.kind !== 'day' && !warning;
    const missing = {
      overrideReason: differs && !reason.trim() && `Say why: the policy proposes ${stepLabel(p!.step).toLowerCase()}`,
      startsAt: later && !startsAt && 'Give the date and time it starts, or choose Now',
      privileges: !warning && privileges.length === 0 && 'Choose what is suspended',
      branchIds: !warning && !allBranches && chosenBranches.length === 0 && 'Choose at least one branch',
    };
    if (!form.check(missing)) return;
    const ban = await submit.run(() =>
      call('bans.issue', {
        personId: person.personId,
        incidentIds: [record.id],
        step,
        overrideReason: differs ? reason : '',
        allBranches,
        branchIds: allBranches ? [] : chosenBranches,
        privileges: warning ? ['building'] : privileges,
        ...(later && startsAt ? { startsAt } : {}),
        ...(warning ? {} : { meetingRequired }),
      }),
    );
    if (ban) onIssued(ban);
  }

  return (
    <InlineForm
      title={title}
      submitLabel={warning ? 'Issue warning' : approval ? 'Issue, for approval' : 'Issue ban'}
      pending={submit.pending}
      error={shownError}
      onSubmit={() => void issue()}
      onCancel={onCancel}
      className="issue-form"
    >
      <div className="field-wide proposal" role="note" aria-label="The policy’s proposal">
        <p className="proposal-step">
          The policy proposes <strong>{stepLabel(p.step)}</strong>
        </p>
        <p className="proposal-why">{p.why}</p>
        <p className="muted small">
          {p.tier.name}, policy version {p.policyVersion}:{' '}
          {p.prior.length === 0
            ? `no earlier violation since ${dayWords(p.windowStart, tz, now)}.`
            : `counted ${p.prior.map((v) => `${v.number} (${dayWords(v.occurredFrom, tz, now)})`).join(', ')}, since ${dayWords(p.windowStart, tz, now)}.`}
        </p>
      </div>
      <RadioGroup
        legend="Step on the ladder"
        className="field-wide ladder"
        value={String(index)}
        onChange={(v) => setChosen(Number(v))}
        options={p.ladder.map((s, i) => {
          const needsApproval = s.kind !== 'warning' && s.kind !== 'day' && stepDays(s) > thresholds.approvalAboveDays;
          return {
            value: String(i),
            label: (
              <>
                {i + 1}. {stepLabel(s)}
                {i === p.stepIndex && <strong className="proposed-mark"> — proposed</strong>}
              </>
            ),
            hint: needsApproval ? 'needs a supervisor’s approval' : undefined,
          };
        })}
        error={form.fieldError('step')}
      />
      {differs && (
        <TextAreaField
          label="Why a different step"
          value={reason}
          onChange={setReason}
          rows={2}
          spellCheck
          fieldClassName="field-wide"
          hint={`Required: the policy proposes ${stepLabel(p.step).toLowerCase()}. Journaled with the ban.`}
          error={form.fieldError('overrideReason')}
        />
      )}
      {!warning && (
        <>
          {p.systemWide ? (
            <div className="field field-wide">
              <span className="filter-label">Where</span>
              <span>All branches: the policy makes bans for {p.tier.name.toLowerCase()} system-wide.</span>
            </div>
          ) : (
            <RadioGroup
              legend="Where"
              value={allBranches ? 'all' : 'chosen'}
              onChange={setScope}
              options={[
                { value: 'all', label: 'All branches' },
                { value: 'chosen', label: 'Chosen branches' },
              ]}
              error={form.fieldError('allBranches')}
            />
          )}
          {!allBranches && (
            <CheckboxGroup
              legend="Branches"
              values={chosenBranches}
              onChange={setBranchIds}
              options={branches.map((b) => ({ value: b.id, label: b.name }))}
              error={form.fieldError('branchIds')}
            />
          )}
          <CheckboxGroup
            legend="What is suspended"
            values={privileges}
            onChange={setPrivileges}
            options={PRIVILEGE_LIST.map((v) => ({ value: v, label: PRIVILEGE_WORD[v] }))}
            error={form.fieldError('privileges')}
            hint="The building and grounds keeps them out altogether."
          />
        </>
      )}
      {warning ? null : step.kind === 'day' ? (
        <div className="field">
          <span className="filter-label">Starts</span>
          <span>Now: asked to leave for the rest of the day.</span>
          {form.fieldError('startsAt') && <p className="field-error">⚠ {form.fieldError('startsAt')}</p>}
        </div>
      ) : (
        <div className="field-group">
          <RadioGroup
            legend="Starts"
            value={startLater ? 'later' : 'now'}
            onChange={(v) => setStartLater(v === 'later')}
            options={[
              { value: 'now', label: 'Now' },
              { value: 'later', label: 'Later' },
            ]}
            error={startLater ? undefined : form.fieldError('startsAt')}
          />
          {startLater && (
            <DateTimeField
              label="Starts at"
              value={startsAt}
              timeZone={tz}
              onChange={setStartsAt}
              error={form.fieldError('startsAt')}
            />
          )}
        </div>
      )}
      {overlapId && (
        <div className="field-wide overlap">
          <Button small onClick={() => actions.openWork('bans', overlapId)}>
            Open {overlapNumber ?? 'the other ban'}
          </Button>{' '}
          <span className="muted">to lift it or decide its appeal, or start this ban after it ends.</span>
        </div>
      )}
      {!warning && step.kind !== 'day' && (
        <div className="field-wide">
          <Checkbox
            label="Reinstatement meeting required before return"
            checked={meetingRequired}
            onChange={setMeeting}
            hint={`The policy asks for one after bans longer than ${thresholds.meetingAboveDays} days.`}
            error={form.fieldError('meetingRequired')}
          />
        </div>
      )}
      <p className={`field-wide issue-outcome${approval ? ' notice notice-warn' : ''}`}>
        {approval
          ? `${stepLabel(step)} is longer than ${thresholds.approvalAboveDays} days: the ban waits for a supervisor’s approval and is not in force until then.`
          : warning
            ? 'A written warning: nothing is suspended, and it counts toward the ladder.'
            : 'No approval needed: the ban is in force from its start.'}
      </p>
    </InlineForm>
  );
}
