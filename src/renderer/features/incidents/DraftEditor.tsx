import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusInvalid';
import { useQuery } from '../../lib/useQuery';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, Draft, DraftContent } from '../../../shared/contract';
import { ContentEditor } from './ContentEditor';
import { SaveIndicator } from './SaveIndicator';
import { recoverTyped, useDraftAutosave } from './useDraftAutosave';

interface DraftEditorProps {
  id: string;
  branches: readonly Branch[];
  /** Opened from a camera: the cursor starts in the summary, the rest is filled in. */
  focusSummary: boolean;
  onSubmitted: (id: string, number: string) => void;
  /** The draft is gone (discarded, or replaced by a new one holding its text). */
  onReplaced: (id: string | null) => void;
  onClose: () => void;
}

/** Loads one of my drafts where it was left (with any text typed but not yet saved) and edits it. */
export function DraftEditor({ id, ...rest }: DraftEditorProps) {
  const loaded = useQuery('incidents.getDraft', { id });
  // While another draft loads, the last one's answer is kept: it is not this draft.
  const draft = loaded.value?.id === id ? loaded.value : undefined;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!draft) return <p className="muted">Opening the draft…</p>;
  return <DraftForm key={id} draft={draft} recovered={recoverTyped(draft)} {...rest} />;
}

function DraftForm({
  draft,
  recovered,
  branches,
  focusSummary,
  onSubmitted,
  onReplaced,
  onClose,
}: Omit<DraftEditorProps, 'id'> & { draft: Draft; recovered: DraftContent | undefined }) {
  const autosave = useDraftAutosave(draft, recovered);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<CallError | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLInputElement>(null);
  useFocusFirstInvalid(formRef, refusal);

  useEffect(() => {
    if (focusSummary) {
      // From a camera the place and footage are filled in: the summary is where typing starts, so it shows mid-pane.
      summaryRef.current?.focus({ preventScroll: true });
      summaryRef.current?.scrollIntoView({ block: 'center' });
    } else formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [focusSummary]);

  function edit(next: DraftContent) {
    // A field's message goes once the field is changed; the others stay until the next submit.
    const changed = (Object.keys(next) as (keyof DraftContent)[]).filter((k) => next[k] !== autosave.content[k]);
    if (changed.length > 0 && Object.keys(errors).length > 0) {
      setErrors((old) =>
        Object.fromEntries(
          Object.entries(old).filter(([k]) => !changed.includes(k.split('.')[0] as keyof DraftContent)),
        ),
      );
    }
    autosave.change(next);
  }

  async function submit() {
    setPending(true);
    const saved = await autosave.flush();
    if (!saved) {
      setPending(false);
      setRefusal({
        code: 'UNAVAILABLE',
        message: 'Not submitted: the draft could not be saved yet. It keeps retrying.',
      });
      return;
    }
    const r = await call('incidents.submit', { id: draft.id });
    setPending(false);
    if (r.ok) return onSubmitted(r.value.id, r.value.number);
    setErrors(r.error.fields ?? {});
    setRefusal(r.error);
  }

  async function keepAsNew() {
    const r = await call('incidents.createDraft', { content: autosave.content });
    if (r.ok) onReplaced(r.value.id);
    else setRefusal(r.error);
  }

  async function discard() {
    const r = await call('incidents.discardDraft', { id: draft.id });
    setConfirmDiscard(false);
    if (r.ok) onReplaced(null);
    else setRefusal(r.error);
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    // Esc closes (the draft is kept), unless it was closing a picker inside a field.
    if (e.key !== 'Escape' || e.defaultPrevented || e.target instanceof HTMLSelectElement) return;
    e.preventDefault();
    onClose();
  }

  const count = Object.keys(errors).length;
  const refusalWords =
    refusal && count > 0
      ? `Not submitted. The draft is saved; fix ${count === 1 ? 'the field' : `the ${count} fields`} marked below, then submit again.`
      : refusal;

  return (
    <form
      ref={formRef}
      className="report-form"
      aria-label="Incident report draft"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="form-head">
        <h3 className="pane-title">{autosave.content.summary.trim() || 'New incident report'}</h3>
        <SaveIndicator state={autosave.state} />
      </div>
      {autosave.state.kind === 'gone' && (
        <div className="notice notice-error">
          <span>
            This draft was submitted or discarded in another window. Your text is still here.{' '}
            <Button small onClick={() => void keepAsNew()}>
              Keep it as a new draft
            </Button>
          </span>
        </div>
      )}
      {autosave.notice && <p className="notice notice-warn">{autosave.notice}</p>}
      <ErrorNotice error={refusalWords} />
      <ContentEditor
        content={autosave.content}
        onChange={edit}
        errors={errors}
        branches={branches}
        summaryRef={summaryRef}
      />
      <div className="form-actions form-foot">
        <Button type="submit" variant="primary" disabled={pending || autosave.state.kind === 'gone'}>
          {pending ? 'Submitting…' : 'Submit report'}
        </Button>
        <Button variant="quiet" onClick={onClose} title="The draft stays in Drafts (Esc)">
          Close, keep draft
        </Button>
        <Button variant="danger" onClick={() => setConfirmDiscard(true)}>
          Discard draft
        </Button>
      </div>
      {confirmDiscard && (
        <ConfirmDialog
          title="Discard this draft?"
          confirmLabel="Discard draft"
          cancelLabel="Keep it"
          onConfirm={() => void discard()}
          onCancel={() => setConfirmDiscard(false)}
        >
          <p>Everything typed in it will be gone. A submitted report is never discarded; this draft is not one yet.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
