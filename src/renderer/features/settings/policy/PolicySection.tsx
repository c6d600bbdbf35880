import { Fragment, useState } from 'react';
import { useQuery } from '../../../lib/useQuery';
import { Button } from '../../../components/Button';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { formatDateTime } from '../../../lib/time';
import type { SanctionPolicy } from '../../../../shared/contract';
import { stepLabel } from '../../bans/words';
import { SectionHeader } from '../SectionHeader';
import { NOTICE_PARTS, PLACEHOLDERS } from './policyDraft';
import { PolicyForm } from './PolicyForm';

/**
 * Settings → Sanction policy (administrators): the ladders per rule tier, the
 * thresholds and the notice's wording. An edit saves a new version; bans keep the
 * version they were issued under.
 */
export function PolicySection() {
  const policy = useQuery('bans.policy', {});
  const rules = useQuery('guidelines.list', {});
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);

  function saved(next: SanctionPolicy) {
    policy.setValue(next);
    setEditing(false);
    setStatus(
      `Saved the sanction policy as version ${next.version}. Bans issued earlier keep the version they were issued under.`,
    );
  }

  const p = policy.value;
  const ruleTitle = new Map((rules.value ?? []).map((r) => [r.code, r.title]));
  return (
    <section aria-labelledby="policy-title" className="settings-section policy-section">
      <SectionHeader
        id="policy-title"
        title="Sanction policy"
        action={
          !editing && p ? (
            <Button variant="primary" onClick={() => setEditing(true)}>
              Edit policy
            </Button>
          ) : undefined
        }
      >
        How a ban is proposed from an incident: each tier of rules has a ladder of steps, counted over its lookback
        window. An edit saves a new version of the policy; bans keep the version they were issued under.
      </SectionHeader>
      <StatusNotice message={status} />
      <ErrorNotice error={policy.error} />
      {!p && !policy.error && <p className="muted">Loading the policy…</p>}
      {p && editing && (
        <PolicyForm policy={p} rules={rules.value ?? []} onSaved={saved} onCancel={() => setEditing(false)} />
      )}
      {p && !editing && (
        <>
          <p className="muted">
            Version {p.version}, {p.createdByName ? `saved by ${p.createdByName}` : 'as installed'} on{' '}
            {formatDateTime(new Date(p.createdAt))}.
          </p>
          <dl className="facts">
            <dt>Approval</dt>
            <dd>Bans longer than {p.body.approvalAboveDays} days wait for a supervisor’s approval.</dd>
            <dt>Reinstatement meeting</dt>
            <dd>Required by default after bans longer than {p.body.meetingAboveDays} days (and indefinite ones).</dd>
            <dt>Appeal</dt>
            <dd>{p.body.appealDays} days from delivery of the notice.</dd>
            <dt>Posted notices</dt>
            <dd>Count as delivered {p.body.postingDays} days after posting.</dd>
          </dl>
          <table className="table policy-table">
            <caption>Rule tiers and their ladders</caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">Rules</th>
                <th scope="col">Counted over</th>
                <th scope="col">Ladder</th>
              </tr>
            </thead>
            <tbody>
              {p.body.tiers.map((t) => (
                <tr key={t.code}>
                  <th scope="row">
                    {t.name}
                    <span className="muted small policy-code"> {t.code}</span>
                    {t.systemWide && <span className="badge badge-warn">All branches</span>}
                  </th>
                  <td>
                    {t.ruleCodes.map((c) => (
                      <abbr key={c} title={ruleTitle.get(c) ?? 'No such rule'} className="rule-code">
                        {c}
                      </abbr>
                    ))}
                  </td>
                  <td className="nowrap">{t.lookbackDays} days</td>
                  <td>
                    <ol className="ladder-list">
                      {t.steps.map((s, i) => (
                        <li key={i}>{stepLabel(s)}</li>
                      ))}
                    </ol>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4 className="policy-subtitle">Notice wording</h4>
          <p className="muted small">
            Filled in when a notice is made: {PLACEHOLDERS.map((ph) => `{${ph.key}}`).join(' ')}.
          </p>
          <dl className="facts notice-wording">
            {NOTICE_PARTS.map((part) => (
              <Fragment key={part.key}>
                <dt>{part.label}</dt>
                <dd className="notice-text">{p.body.notice[part.key]}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
