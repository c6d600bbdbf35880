import { useState } from 'react';
import { CASE_NUMBER_BASES, DisclosureInput, type DisclosureBasis } from '../../../shared/contract/disclosure';

/** What an export says up front: the default basis (and recipient) for its usual case. */
export interface DiscloseDefaults {
  basis?: DisclosureBasis;
  recipient?: string;
}

export interface DiscloseForm {
  basis: DisclosureBasis;
  recipient: string;
  purpose: string;
  caseNumber: string;
  /** Police only: the officer has no case number yet (otherwise the number is required). */
  noCaseNumber: boolean;
  set: (patch: Partial<Omit<DiscloseForm, 'set' | 'errors' | 'check'>>) => void;
  /** Per-field messages from the last check. */
  errors: Record<string, string>;
  /** The disclosure as main will take it, or null with `errors` set. */
  check: () => DisclosureInput | null;
}

/** The Disclose step's fields and their check, with the same schema main parses (no second round trip). */
export function useDiscloseForm(defaults: DiscloseDefaults = {}): DiscloseForm {
  const [state, setState] = useState({
    basis: defaults.basis ?? ('library-administration' as DisclosureBasis),
    recipient: defaults.recipient ?? '',
    purpose: '',
    caseNumber: '',
    noCaseNumber: false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set: DiscloseForm['set'] = (patch) => {
    setState((s) => ({ ...s, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k === 'noCaseNumber' ? 'caseNumber' : k];
      return next;
    });
  };
  const check = () => {
    const takesNumber = CASE_NUMBER_BASES.includes(state.basis);
    const parsed = DisclosureInput.safeParse({
      basis: state.basis,
      recipient: state.recipient,
      purpose: state.purpose,
      caseNumber: takesNumber ? state.caseNumber : '',
      caseNumberGiven: state.basis === 'police-crime-at-library' && !state.noCaseNumber,
    });
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    const found: Record<string, string> = {};
    for (const issue of parsed.error.issues) found[String(issue.path[0] ?? '_')] ??= issue.message;
    setErrors(found);
    return null;
  };
  return { ...state, set, errors, check };
}
