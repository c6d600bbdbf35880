import { useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { formatDateTime } from '../../../lib/time';
import { mainNow } from '../../../lib/mainClock';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { InlineForm } from '../../../components/InlineForm';
import { SelectField, TextField } from '../../../components/Field';
import { Button } from '../../../components/Button';
import type { Branch, ClosingPolicy } from '../../../../shared/contract';
import { SectionHeader } from '../SectionHeader';
import { TemplateEditor } from './TemplateEditor';

/** Closing checklists per branch: the items (versioned), the reminders before closing, and the escalation policy. */
export function ChecklistsSection() {
  const branches = useQuery('branches.list', {}, { refetchOn: ['branches.changed'] });
  const active = (branches.value ?? []).filter((b) => !b.retired);
  const [chosen, setChosen] = useState('');
  const branch = active.find((b) => b.id === chosen) ?? active[0];
  return (
    <section aria-labelledby="checklists-title" className="settings-section">
      <SectionHeader id="checklists-title" title="Closing checklists">
        What the desk checks at each branch before it is signed clear, the reminders before closing, and when the police
        are called for an unattended child or a patron who will not leave.
      </SectionHeader>
      <ErrorNotice error={branches.error} />
      {active.length === 0 && !branches.loading && <p className="muted">Add a branch first (Branches).</p>}
      {branch && (
        <>
          <SelectField
            label="Branch"
            value={branch.id}
            options={active.map((b) => ({ value: b.id, label: b.name }))}
            onChange={setChosen}
            fieldClassName="branch-pick"
          />
          <BranchChecklist key={branch.id} branch={branch} />
        </>
      )}
    </section>
  );
}

function BranchChecklist({ branch }: { branch: Branch }) {
  const template = useQuery('closing.template', { branchId: branch.id });
  const history = useQuery('closing.templateHistory', { branchId: branch.id });
  const overview = useQuery('closing.overview', {});
  const policy = overview.value?.find((o) => o.branchId === branch.id)?.policy;
  const [editingPolicy, setEditingPolicy] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const now = mainNow();
  return (
    <div className="branch-checklist">
      <ErrorNotice error={template.error ?? history.error} />
      <StatusNotice message={status} />
      <div className="policy-line">
        <h4>Reminders and escalation</h4>
        {policy && (
          <p>
            Announce closing {policy.reminderMinutes.join(', ')} minutes before · police after{' '}
            {policy.childPoliceMinutes} min for an unattended child, {policy.refusalPoliceMinutes} min after a patron
            was asked to leave
          </p>
        )}
        <Button small onClick={() => setEditingPolicy(true)} aria-expanded={editingPolicy}>
          Edit reminders and escalation
        </Button>
      </div>
      {editingPolicy && policy && (
        <PolicyForm
          branch={branch}
          policy={policy}
          onDone={(saved) => {
            setEditingPolicy(false);
            if (saved) {
              overview.reload();
              setStatus(`Saved the reminders and escalation of ${branch.name}.`);
            }
          }}
        />
      )}
      <h4>
        Checklist{' '}
        {template.value && (
          <span className="muted">
            {template.value.versionId
              ? `version ${template.value.version}, saved ${formatDateTime(new Date(template.value.savedAt!), { timeZone: branch.timeZone, now })}${template.value.savedBy ? ` by ${template.value.savedBy}` : ''}`
              : 'the library’s default, not saved yet (the first closing saves it)'}
          </span>
        )}
      </h4>
      {template.value && (
        <TemplateEditor
          branch={branch}
          template={template.value}
          onSaved={(saved) => {
            template.setValue(saved);
            history.reload();
          }}
        />
      )}
      {history.value && history.value.length > 0 && (
        <details className="template-history">
          <summary>Earlier versions ({history.value.length})</summary>
          <ul className="plain-list">
            {history.value.map((v) => (
              <li key={v.versionId}>
                <details>
                  <summary>
                    Version {v.version} · {formatDateTime(new Date(v.savedAt!), { timeZone: branch.timeZone, now })}
                    {v.savedBy && ` · ${v.savedBy}`} · {v.items.length} items
                  </summary>
                  <ol>
                    {v.items.map((i) => (
                      <li key={i.id}>
                        {branch.zones.find((z) => z.id === i.zoneId)?.name ?? 'Whole building'}: {i.label}
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function PolicyForm({
  branch,
  policy,
  onDone,
}: {
  branch: Branch;
  policy: ClosingPolicy;
  onDone: (saved: boolean) => void;
}) {
  const [reminders, setReminders] = useState(policy.reminderMinutes.join(', '));
  const [child, setChild] = useState(String(policy.childPoliceMinutes));
  const [refusal, setRefusal] = useState(String(policy.refusalPoliceMinutes));
  const submit = useSubmit();
  async function save() {
    const reminderMinutes = reminders
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    const saved = await submit.run(() =>
      call('closing.savePolicy', {
        branchId: branch.id,
        reminderMinutes,
        childPoliceMinutes: Number(child),
        refusalPoliceMinutes: Number(refusal),
      }),
    );
    if (saved) onDone(true);
  }
  const reminderError = Object.entries(submit.error?.fields ?? {}).find(([k]) => k.startsWith('reminderMinutes'))?.[1];
  return (
    <InlineForm
      title={`Reminders and escalation at ${branch.name}`}
      submitLabel="Save"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={() => onDone(false)}
    >
      <TextField
        label="Reminders before closing (minutes)"
        value={reminders}
        onChange={setReminders}
        hint="For example 15, 10, 5."
        error={reminderError}
      />
      <TextField
        label="Unattended child: police after (minutes)"
        type="number"
        value={child}
        onChange={setChild}
        error={submit.fieldError('childPoliceMinutes')}
      />
      <TextField
        label="Refusing to leave: police after (minutes)"
        type="number"
        value={refusal}
        onChange={setRefusal}
        error={submit.fieldError('refusalPoliceMinutes')}
      />
    </InlineForm>
  );
}
