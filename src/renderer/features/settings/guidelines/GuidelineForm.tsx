import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { InlineForm } from '../../../components/InlineForm';
import type { GuidelineRule, Severity } from '../../../../shared/contract';
import { SEVERITY_OPTIONS, severityOf } from './severity';

interface GuidelineFormProps {
  /** The rule being edited; a new rule when absent. */
  rule?: GuidelineRule;
  onSaved: (rule: GuidelineRule) => void;
  onCancel: () => void;
}

export function GuidelineForm({ rule, onSaved, onCancel }: GuidelineFormProps) {
  const [code, setCode] = useState(rule?.code ?? '');
  const [title, setTitle] = useState(rule?.title ?? '');
  const [description, setDescription] = useState(rule?.description ?? '');
  const [severity, setSeverity] = useState<`${Severity}`>(rule ? `${rule.severity}` : '1');
  const submit = useSubmit();

  async function save() {
    const fields = { code, title, description, severity: severityOf(severity) };
    const saved = await submit.run(() =>
      rule ? call('guidelines.update', { id: rule.id, ...fields }) : call('guidelines.add', fields),
    );
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title={rule ? `Edit ${rule.title}` : 'Add rule'}
      // An edit never overwrites: saying the version it becomes makes that plain before saving.
      submitLabel={rule ? `Save as version ${rule.version + 1}` : 'Save rule'}
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="guideline-form"
    >
      <TextField
        label="Code"
        value={code}
        onChange={setCode}
        autoComplete="off"
        autoCapitalize="characters"
        hint="Letters, digits, dot and dash, for example B-07."
        error={submit.fieldError('code')}
      />
      <TextField
        label="Title"
        value={title}
        onChange={setTitle}
        autoComplete="off"
        error={submit.fieldError('title')}
      />
      <TextAreaField
        label="Description"
        value={description}
        onChange={setDescription}
        rows={4}
        fieldClassName="guideline-wide"
        hint="The rule as patrons and officers read it. Reports quote the wording they were filed under."
        error={submit.fieldError('description')}
      />
      <SelectField
        label="Severity"
        value={severity}
        options={SEVERITY_OPTIONS}
        onChange={setSeverity}
        error={submit.fieldError('severity')}
        fieldClassName="guideline-wide guideline-severity"
      />
    </InlineForm>
  );
}
