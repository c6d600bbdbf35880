import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusInvalid';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import type { AmendmentDraft, Branch, IncidentRecord } from '../../../shared/contract';
import { ContentEditor } from './ContentEditor';
import { SaveIndicator } from './SaveIndicator';
import { asFiledContent, fieldsUnder } from './draftContent';
import { resumeAmendment, useAmendAutosave } from './useAmendAutosave';

interface AmendEditorProps {
  record: IncidentRecord;
  /** The amendment saved in main, to continue; null to begin one. */
  saved: AmendmentDraft | null;
  branches: readonly Branch[];
  onAmended: (message: string) => void;
  /** Closed: `kept` when the amendment stays saved for later. */
  onClose: (kept: boolean) => void;
}

/**
 * A correction to a filed report: the whole report to change, and why. The filed
 * text is never edited; main keeps it and appends what changed. What is typed is
 * saved as it is typed, like a draft, and found again after a crash.
 */
export function AmendEditor({ record, saved, branches, onAmended, onClose }: AmendEditorProps) {
  const [start] = useState(() => resumeAmendment(record, saved));
  const autosave = useAmendAutosave(record, start);
  const { reason, content } = autosave.work;
  const submit = useSubmit();
  const discard = useSubmit();
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
    if (!amended) return;
    autosave.forget();
    onAmended(`Amended ${amended.number}: now version ${amended.version}, back with the reviewers.`);
  }

  async function throwAway() {
    autosave.forget();
    // Nothing may be in main yet (an amendment never saved): that is not a failure.
    await discard.run(async () => {
      const r = await call('incidents.discardAmendDraft', { id: record.id });
      return r.ok || r.error.code === 'NOT_FOUND' ? { ok: true as const, value: null } : r;
    });
    onClose(false);
  }

  async function keep() {
    await autosave.flush();
    onClose(true);
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
          void keep();
        }
      }}
    >
      <div className="form-head">
        <h3 className="pane-title">Amend {record.number}</h3>
        <SaveIndicator state={autosave.state} />
      </div>
      <p className="muted">
        The report as filed is kept. Your changes and the reason are added after it, with your name and the time. What
        you type is saved as you go: you can close this and continue later.
      </p>
      {start.notice && <p className="notice notice-warn">{start.notice}</p>}
      <ErrorNotice error={submit.error ?? discard.error} />
      <TextAreaField
        label="Reason for the amendment"
        value={reason}
        onChange={(next) => autosave.change({ reason: next, content })}
        textAreaRef={reasonRef}
        rows={2}
        spellCheck
        fieldClassName="field-wide"
        hint="Required: what is corrected and why (for example, the supervisor’s comment)."
        error={submit.fieldError('reason')}
      />
      <ContentEditor
        content={content}
        onChange={(next) => autosave.change({ reason, content: next })}
        errors={errors}
        branches={withBranch}
        branchLocked
        filed={record.attachments}
      />
      <div className="form-actions form-foot">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          {submit.pending ? 'Saving…' : 'Save amendment'}
        </Button>
        <Button variant="quiet" onClick={() => void keep()} title="It stays saved; reopen the report to continue (Esc)">
          Close, keep for later
        </Button>
        <Button variant="danger" onClick={() => void throwAway()} disabled={discard.pending}>
          Discard changes
        </Button>
      </div>
    </form>
  );
}
