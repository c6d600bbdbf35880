import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusInvalid';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, DraftContent, IncidentRecord } from '../../../shared/contract';
import { ContentEditor } from './ContentEditor';
import { asFiledContent, fieldsUnder } from './draftContent';

interface AmendEditorProps {
  record: IncidentRecord;
  branches: readonly Branch[];
  onAmended: (message: string) => void;
  onCancel: () => void;
}

/**
 * A correction to a filed report: the whole report to change, and why. The filed
 * text is never edited; main keeps it and appends what changed.
 */
export function AmendEditor({ record, branches, onAmended, onCancel }: AmendEditorProps) {
  // The filed content is a complete draft: every field a draft has, each filled in.
  const [content, setContent] = useState<DraftContent>(record.content);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useFocusFirstInvalid(formRef, submit.error);
  useEffect(() => reasonRef.current?.focus(), []);

  // The filed branch stays listed even if it was retired since, so the form shows it.
  const withBranch = branches.some((b) => b.id === record.branch.id)
    ? branches
    : [...branches, { ...record.branch, address: '', retired: true, zones: [], hours: { weekly: [], special: [] } }];

  async function save() {
    const amended = await submit.run(() =>
      call('incidents.amend', { id: record.id, version: record.version, reason, content: asFiledContent(content) }),
    );
    if (amended) onAmended(`Amended ${amended.number}: now version ${amended.version}, back with the reviewers.`);
  }

  const errors = fieldsUnder(submit.error?.fields, 'content.');
  return (
    <form
      ref={formRef}
      className="report-form"
      aria-label={`Amend ${record.number}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented && !(e.target instanceof HTMLSelectElement)) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="form-head">
        <h3 className="pane-title">Amend {record.number}</h3>
      </div>
      <p className="muted">
        The report as filed is kept. Your changes and the reason are added after it, with your name and the time.
      </p>
      <ErrorNotice error={submit.error} />
      <TextAreaField
        label="Reason for the amendment"
        value={reason}
        onChange={setReason}
        textAreaRef={reasonRef}
        rows={2}
        spellCheck
        fieldClassName="field-wide"
        hint="Required: what is corrected and why (for example, the supervisor’s comment)."
        error={submit.fieldError('reason')}
      />
      <ContentEditor
        content={content}
        onChange={setContent}
        errors={errors}
        branches={withBranch}
        branchLocked
        filed={record.attachments}
      />
      <div className="form-actions form-foot">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          {submit.pending ? 'Saving…' : 'Save amendment'}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
