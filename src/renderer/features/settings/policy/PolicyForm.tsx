import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { useFocusFirstInvalid } from '../../../lib/useFocusInvalid';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { Unseen } from '../../../components/Unseen';
import type { GuidelineRule, SanctionPolicy, Step } from '../../../../shared/contract';
import { Checkbox } from '../../bans/formBits';
import { NOTICE_PARTS, PLACEHOLDERS, STEP_KIND_WORD, fromDraft, newKey, splitCodes, toDraft } from './policyDraft';
import type { PolicyDraft, StepDraft, TierDraft } from './policyDraft';

const STEP_KINDS = Object.keys(STEP_KIND_WORD) as Step['kind'][];

function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

interface PolicyFormProps {
  policy: SanctionPolicy;
  rules: readonly GuidelineRule[];
  onSaved: (policy: SanctionPolicy) => void;
  onCancel: () => void;
}

/**
 * The policy as a new version: thresholds, each tier's rules, window, reach and
 * ladder (steps added, removed, reordered), and the notice's wording. A long form,
 * so Cancel asks before throwing edits away; each refusal shows at its field.
 */
export function PolicyForm({ policy, rules, onSaved, onCancel }: PolicyFormProps) {
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<PolicyDraft>(() => toDraft(policy.body));
  const [original] = useState(() =>
    JSON.stringify(toDraft(policy.body), (k, v: unknown) => (k === 'key' ? undefined : v)),
  );
  const [confirmCancel, setConfirmCancel] = useState(false);
  useFocusFirstInvalid(formRef, submit.error);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  const changed = JSON.stringify(draft, (k, v: unknown) => (k === 'key' ? undefined : v)) !== original;
  // Main's paths are under `body` for the schema's refusals; its own checks name the field alone.
  const fe = (path: string) => submit.fieldError(`body.${path}`) ?? submit.fieldError(path);
  const known = new Map(rules.map((r) => [r.code, r.title]));

  const set = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setTier = (i: number, patch: Partial<TierDraft>) =>
    setDraft((d) => ({ ...d, tiers: d.tiers.map((t, n) => (n === i ? { ...t, ...patch } : t)) }));
  const setStep = (i: number, s: number, patch: Partial<StepDraft>) =>
    setDraft((d) => ({
      ...d,
      tiers: d.tiers.map((t, n) =>
        n === i ? { ...t, steps: t.steps.map((x, m) => (m === s ? { ...x, ...patch } : x)) } : t,
      ),
    }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const next = await submit.run(() => call('bans.updatePolicy', { body: fromDraft(draft) }));
    if (next) onSaved(next);
  }

  function cancel() {
    if (changed) setConfirmCancel(true);
    else onCancel();
  }

  return (
    <form
      ref={formRef}
      className="policy-form"
      aria-label="Edit the sanction policy"
      onSubmit={(e) => void save(e)}
      noValidate
    >
      <ErrorNotice error={submit.error} summarize />
      <fieldset className="form-section">
        <legend>Thresholds</legend>
        <div className="section-fields">
          <TextField
            label="Approval above (days)"
            type="number"
            min={0}
            value={draft.approvalAboveDays}
            onChange={(approvalAboveDays) => set({ approvalAboveDays })}
            hint="Longer bans wait for a supervisor’s approval."
            error={fe('approvalAboveDays')}
          />
          <TextField
            label="Meeting above (days)"
            type="number"
            min={0}
            value={draft.meetingAboveDays}
            onChange={(meetingAboveDays) => set({ meetingAboveDays })}
            hint="Longer bans need a reinstatement meeting by default."
            error={fe('meetingAboveDays')}
          />
          <TextField
            label="Days to appeal"
            type="number"
            min={5}
            max={15}
            value={draft.appealDays}
            onChange={(appealDays) => set({ appealDays })}
            hint="5 to 15, counted from delivery of the notice."
            error={fe('appealDays')}
          />
          <TextField
            label="Posting days"
            type="number"
            min={1}
            value={draft.postingDays}
            onChange={(postingDays) => set({ postingDays })}
            hint="A posted notice counts as delivered after this many days."
            error={fe('postingDays')}
          />
        </div>
      </fieldset>

      {draft.tiers.map((t, i) => {
        const codes = splitCodes(t.ruleCodes);
        const unknown = codes.filter((c) => !known.has(c));
        const stepsError = fe(`tiers.${i}.steps`);
        return (
          <fieldset key={t.key} className="form-section tier-section">
            <legend>
              Tier {i + 1}: {t.name || 'unnamed'}
            </legend>
            <div className="tier-tools">
              <Button
                small
                variant="quiet"
                disabled={i === 0}
                onClick={() => set({ tiers: move(draft.tiers, i, i - 1) })}
              >
                Move up<Unseen> tier {t.name}</Unseen>
              </Button>
              <Button
                small
                variant="quiet"
                disabled={i === draft.tiers.length - 1}
                onClick={() => set({ tiers: move(draft.tiers, i, i + 1) })}
              >
                Move down<Unseen> tier {t.name}</Unseen>
              </Button>
              <Button
                small
                variant="quiet"
                disabled={draft.tiers.length === 1}
                onClick={() => set({ tiers: draft.tiers.filter((_, n) => n !== i) })}
              >
                Remove<Unseen> tier {t.name}</Unseen>
              </Button>
            </div>
            <div className="section-fields">
              <TextField
                label="Name"
                value={t.name}
                onChange={(name) => setTier(i, { name })}
                error={fe(`tiers.${i}.name`)}
              />
              <TextField
                label="Code"
                value={t.code}
                onChange={(code) => setTier(i, { code })}
                hint="Lower-case letters, digits and dashes."
                error={fe(`tiers.${i}.code`)}
              />
              <TextField
                label="Lookback (days)"
                type="number"
                min={1}
                value={t.lookbackDays}
                onChange={(lookbackDays) => setTier(i, { lookbackDays })}
                hint="Earlier violations count within this window."
                error={fe(`tiers.${i}.lookbackDays`)}
              />
              <TextField
                label="Rules"
                value={t.ruleCodes}
                onChange={(ruleCodes) => setTier(i, { ruleCodes })}
                fieldClassName="field-wide"
                hint={
                  <>
                    Rule codes, separated by commas.{' '}
                    {codes.length > 0 &&
                      codes.map((c) => (known.has(c) ? `${c} ${known.get(c)}` : `${c} (no such rule)`)).join('; ')}
                  </>
                }
                error={fe(`tiers.${i}.ruleCodes`) ?? (unknown.length > 0 ? fe('tiers') : undefined)}
              />
              <div className="field-wide">
                <Checkbox
                  label="All branches, always"
                  checked={t.systemWide}
                  onChange={(systemWide) => setTier(i, { systemWide })}
                  hint="For threats, weapons and violence: a ban covers every branch whatever the issuer picks."
                />
              </div>
              <div
                className="field-wide ladder-edit"
                role="group"
                aria-label={`Ladder of ${t.name || `tier ${i + 1}`}`}
              >
                <span className="filter-label">Ladder</span>
                {stepsError && (
                  <p className="field-error">
                    <span aria-hidden="true">⚠ </span>
                    {stepsError}
                  </p>
                )}
                <ol className="ladder-steps">
                  {t.steps.map((s, n) => (
                    <li key={n} className="ladder-step">
                      <SelectField
                        label={`Step ${n + 1}`}
                        value={s.kind}
                        options={STEP_KINDS.map((k) => ({ value: k, label: STEP_KIND_WORD[k] }))}
                        onChange={(kind) => setStep(i, n, { kind })}
                        error={fe(`tiers.${i}.steps.${n}.kind`)}
                      />
                      {s.kind === 'days' && (
                        <TextField
                          label={`Days, step ${n + 1}`}
                          type="number"
                          min={1}
                          value={s.days}
                          onChange={(days) => setStep(i, n, { days })}
                          error={fe(`tiers.${i}.steps.${n}.days`)}
                        />
                      )}
                      <span className="step-tools">
                        <Button
                          small
                          variant="quiet"
                          disabled={n === 0}
                          onClick={() => setTier(i, { steps: move(t.steps, n, n - 1) })}
                        >
                          Up<Unseen> step {n + 1}</Unseen>
                        </Button>
                        <Button
                          small
                          variant="quiet"
                          disabled={n === t.steps.length - 1}
                          onClick={() => setTier(i, { steps: move(t.steps, n, n + 1) })}
                        >
                          Down<Unseen> step {n + 1}</Unseen>
                        </Button>
                        <Button
                          small
                          variant="quiet"
                          onClick={() => setTier(i, { steps: t.steps.filter((_, m) => m !== n) })}
                        >
                          Remove<Unseen> step {n + 1}</Unseen>
                        </Button>
                      </span>
                    </li>
                  ))}
                </ol>
                <Button
                  small
                  disabled={t.steps.length >= 12}
                  onClick={() => setTier(i, { steps: [...t.steps, { kind: 'days', days: '30' }] })}
                >
                  Add step<Unseen> to {t.name}</Unseen>
                </Button>
              </div>
            </div>
          </fieldset>
        );
      })}
      <div className="form-actions">
        <Button
          onClick={() =>
            set({
              tiers: [
                ...draft.tiers,
                {
                  key: newKey(),
                  code: '',
                  name: '',
                  ruleCodes: '',
                  lookbackDays: '365',
                  systemWide: false,
                  steps: [{ kind: 'warning', days: '7' }],
                },
              ],
            })
          }
        >
          Add tier
        </Button>
        {fe('tiers') && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>
            {fe('tiers')}
          </p>
        )}
      </div>

      <fieldset className="form-section">
        <legend>Notice wording</legend>
        <div className="section-fields">
          <div className="field-wide placeholders">
            <span className="filter-label">Filled in when a notice is made</span>
            <ul>
              {PLACEHOLDERS.map((p) => (
                <li key={p.key}>
                  <code>{`{${p.key}}`}</code> {p.means}
                </li>
              ))}
            </ul>
          </div>
          {NOTICE_PARTS.map((part) =>
            part.rows === 1 ? (
              <TextField
                key={part.key}
                label={part.label}
                value={draft.notice[part.key]}
                onChange={(v) => set({ notice: { ...draft.notice, [part.key]: v } })}
                fieldClassName="field-wide"
                error={fe(`notice.${part.key}`)}
              />
            ) : (
              <TextAreaField
                key={part.key}
                label={part.label}
                value={draft.notice[part.key]}
                onChange={(v) => set({ notice: { ...draft.notice, [part.key]: v } })}
                rows={part.rows}
                spellCheck
                fieldClassName="field-wide"
                error={fe(`notice.${part.key}`)}
              />
            ),
          )}
        </div>
      </fieldset>

      <div className="form-foot form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          Save as version {policy.version + 1}
        </Button>
        <Button variant="quiet" onClick={cancel}>
          Cancel
        </Button>
        <span className="muted">{changed ? 'Changes not saved yet.' : 'No changes yet.'}</span>
      </div>
      {confirmCancel && (
        <ConfirmDialog
          title="Throw away the changes to the policy?"
          confirmLabel="Yes, throw them away"
          cancelLabel="Keep editing"
          onConfirm={onCancel}
          onCancel={() => setConfirmCancel(false)}
        >
          <p>The policy stays at version {policy.version}.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
