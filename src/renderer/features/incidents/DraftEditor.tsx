import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusInvalid';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, Draft, DraftContent } from '../../../shared/contract';
import { ContentEditor } from './ContentEditor';
import { SaveIndicator } from './SaveIndicator';
import { recoverTyped, useDraftAutosave } from './useDraftAutosave';
import { withClip } from './draftContent';
import type { IncidentRequest } from './request';

const NOT_SAVED: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Not submitted: the draft could not be saved yet. It keeps retrying.' },
};

/** A clip to put on the draft open here (it came from the camera wall while this draft was open). */
export type ClipAsk = Extract<IncidentRequest, { kind: 'clip' }> & { draftId: string };

interface DraftEditorProps {
  id: string;
  incoming?: ClipAsk;
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
  incoming,
  onSubmitted,
  onReplaced,
  onClose,
}: Omit<DraftEditorProps, 'id'> & { draft: Draft; recovered: DraftContent | undefined }) {
  const autosave = useDraftAutosave(draft, recovered);
  // A clip cut on the wall joins the text on screen, and is saved with it like anything typed.
  const clipSeen = useRef<number | undefined>(undefined);
  const { change, content } = autosave;
  useEffect(() => {
    if (!incoming || incoming.seq === clipSeen.current) return;
    clipSeen.current = incoming.seq;
    change(withClip(content, incoming.clip, incoming.camera));
  }, [incoming, change, content]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Submitting holds the Submit button; keeping or discarding the draft does not.
  const submission = useSubmit();
  const other = useSubmit();
  // One message, the last refusal: a failed keep or discard clears the submit's.
  const refusal = submission.error ?? other.error;
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
    const submitted = await submission.run(async () => {
      if (!(await autosave.flush())) return NOT_SAVED;
      const r = await call('incidents.submit', { id: draft.id });
      if (!r.ok) setErrors(r.error.fields ?? {});
      return r;
    });
    if (submitted) onSubmitted(submitted.id, submitted.number);
  }

  async function keepAsNew() {
    const kept = await other.run(() => call('incidents.createDraft', { content: autosave.content }));
    if (kept) onReplaced(kept.id);
    else submission.clear();
  }

  async function discard() {
    const discarded = await other.run(() => call('incidents.discardDraft', { id: draft.id }));
    setConfirmDiscard(false);
    if (discarded) onReplaced(null);
    else submission.clear();
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
        <Button type="submit" variant="primary" disabled={submission.pending || autosave.state.kind === 'gone'}>
          {submission.pending ? 'Submitting…' : 'Submit report'}
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
