import type { ReactNode } from 'react';
import { CASE_NUMBER_BASES, DISCLOSURE_BASES, DISCLOSURE_BASIS_WORDS } from '../../../shared/contract/disclosure';
import { TextField } from '../../components/Field';
import { Checkbox, RadioGroup } from '../bans/formBits';
import type { DiscloseForm } from './discloseForm';

/**
 * The Disclose step's fields (Wis. Stat. 43.30): why these records may be given, to whom,
 * for what, and the case number where there is one. Purpose first and focused: the basis
 * is usually the default, the purpose is what the person always has to say.
 */
export function DiscloseFields({
  form,
  autoFocus = true,
  children,
}: {
  form: DiscloseForm;
  autoFocus?: boolean;
  /** More of the export's own fields, under these (the evidence folder). */
  children?: ReactNode;
}) {
  const police = form.basis === 'police-crime-at-library';
  return (
    <div className="disclose-fields">
      <div className="disclose-who">
        <TextField
          label="Purpose"
          value={form.purpose}
          onChange={(purpose) => form.set({ purpose })}
          maxLength={300}
          autoFocus={autoFocus}
          hint="Why: “Theft in the lobby”, “For the ban file”."
          error={form.errors.purpose}
        />
        <TextField
          label="Given to"
          value={form.recipient}
          onChange={(recipient) => form.set({ recipient })}
          maxLength={200}
          hint="A name and, for an officer, the agency."
          error={form.errors.recipient}
        />
        {CASE_NUMBER_BASES.includes(form.basis) && (
          <>
            <TextField
              label={police ? 'Case number' : 'Case number (if there is one)'}
              value={form.caseNumber}
              onChange={(caseNumber) => form.set({ caseNumber })}
              maxLength={60}
              disabled={police && form.noCaseNumber}
              error={form.errors.caseNumber}
            />
            {police && (
              <Checkbox
                label="The officer has no case number yet"
                checked={form.noCaseNumber}
                onChange={(noCaseNumber) => form.set({ noCaseNumber, caseNumber: noCaseNumber ? '' : form.caseNumber })}
              />
            )}
          </>
        )}
        {children}
      </div>
      <RadioGroup
        legend="Why the law allows it"
        className="disclose-bases"
        value={form.basis}
        onChange={(basis) => form.set({ basis })}
        error={form.errors.basis}
        options={DISCLOSURE_BASES.map((b) => ({
          value: b,
          label: DISCLOSURE_BASIS_WORDS[b].label,
          // The chosen basis says what it means in plain words; the others stay one line each.
          hint: b === form.basis ? DISCLOSURE_BASIS_WORDS[b].note : undefined,
        }))}
      />
    </div>
  );
}
