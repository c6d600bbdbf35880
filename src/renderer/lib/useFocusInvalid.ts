import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { CallError } from './api';

/** After a refused submit, puts the cursor in the first field that needs fixing. */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, error: CallError | undefined): void {
  useEffect(() => {
    if (!error?.fields) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}
