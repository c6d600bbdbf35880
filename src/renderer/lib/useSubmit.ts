import { useCallback, useState } from 'react';
import type { CallError, Result } from './api';

export interface Submitting {
  pending: boolean;
  error: CallError | undefined;
  /** The message for one input path, if the last attempt refused it. */
  fieldError: (path: string) => string | undefined;
  /** Runs a call, holding `pending` while it runs; resolves to the value, or undefined on failure. */
  run: <T>(action: () => Promise<Result<T>>) => Promise<T | undefined>;
  clear: () => void;
}

/** The state of one form's (or one action's) submission: pending, the refusal, and its per-field messages. */
export function useSubmit(): Submitting {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CallError | undefined>(undefined);

  const run = useCallback(async <T>(action: () => Promise<Result<T>>): Promise<T | undefined> => {
    setPending(true);
    const result = await action();
    setPending(false);
    if (result.ok) {
      setError(undefined);
      return result.value;
    }
    setError(result.error);
    return undefined;
  }, []);

  const fieldError = useCallback((path: string) => error?.fields?.[path], [error]);
  const clear = useCallback(() => setError(undefined), []);
  return { pending, error, fieldError, run, clear };
}
