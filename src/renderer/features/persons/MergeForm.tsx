import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InlineForm } from '../../components/InlineForm';
import { Unseen } from '../../components/Unseen';
import type { Person, PersonDetail } from '../../../shared/contract';
import { PersonPicker } from '../incidents/PersonPicker';
import { SEX_WORD } from '../incidents/words';

interface MergeFormProps {
  keep: PersonDetail;
  onMerged: (person: PersonDetail, message: string) => void;
  onCancel: () => void;
}

/**
 * Supervisors: one person recorded twice becomes one record. This record is kept;
 * the other's reports, bans, photos and names join it, and both histories stay.
 */
export function MergeForm({ keep, onMerged, onCancel }: MergeFormProps) {
  const submit = useSubmit();
  const [other, setOther] = useState<Person | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);

  async function merge() {
    setConfirming(false);
    if (!other) return;
    const merged = await submit.run(() => call('persons.merge', { keepId: keep.id, mergeId: other.id, reason }));
    if (merged) onMerged(merged, `Merged ${other.name} into ${keep.name}: both histories are kept.`);
  }

  return (
    <>
      <InlineForm
        title={`Merge another record into ${keep.name}`}
        submitLabel="Merge…"
        pending={submit.pending}
        error={submit.error}
        onSubmit={() => (other ? setConfirming(true) : setMissing(true))}
        onCancel={onCancel}
      >
        {other ? (
          <div className="field">
            <span className="filter-label">The other record</span>
            <span>
              <strong>{other.name}</strong>
              <span className="muted">
                {' '}
                · {SEX_WORD[other.sex].toLowerCase()}
                {other.ageEstimate && `, ${other.ageEstimate}`}
              </span>
            </span>
            <Button small variant="quiet" onClick={() => setOther(null)}>
              Choose another<Unseen> record to merge</Unseen>
            </Button>
          </div>
        ) : (
          <PersonPicker
            label="The other record"
            onPick={(p) => {
              setMissing(false);
              setOther(p.id === keep.id ? null : p);
            }}
          />
        )}
        {(missing || submit.fieldError('mergeId')) && (
          <p className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {submit.fieldError('mergeId') ?? 'Find and choose the other record first: type its name above.'}
          </p>
        )}
        <TextAreaField
          label="Reason"
          value={reason}
          onChange={setReason}
          rows={2}
          spellCheck
          fieldClassName="field-wide"
          hint="Required: how you know they are the same person. Journaled."
          error={submit.fieldError('reason')}
        />
      </InlineForm>
      {confirming && other && (
        <ConfirmDialog
          title={`Merge ${other.name} into ${keep.name}?`}
          confirmLabel="Yes, merge"
          onConfirm={() => void merge()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {other.name}’s reports, bans and photos become {keep.name}’s, and {other.name} is kept as an alias. The
            other record stays as history pointing here. This cannot be undone from the desk.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
