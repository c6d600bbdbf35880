import { createContext, use, useCallback, useState, type ReactNode } from 'react';
import type { DisclosureInput } from '../../../shared/contract/disclosure';
import { DiscloseDialog, type DiscloseRequest } from './DiscloseDialog';

type Ask = (request: DiscloseRequest) => Promise<DisclosureInput | null>;

const DiscloseContext = createContext<Ask | null>(null);

/**
 * Holds the one Disclose dialog every export asks through (so no screen can skip it).
 * While the desk is locked the question is out of sight, and back on unlocking.
 */
export function DiscloseProvider({ children, active }: { children: ReactNode; active: boolean }) {
  const [pending, setPending] = useState<{
    request: DiscloseRequest;
    resolve: (d: DisclosureInput | null) => void;
  } | null>(null);
  const ask = useCallback<Ask>(
    (request) =>
      new Promise((resolve) => {
        setPending({ request, resolve });
      }),
    [],
  );
  return (
    <DiscloseContext value={ask}>
      {children}
      {pending && active && (
        <DiscloseDialog
          key={pending.request.what}
          request={pending.request}
          onDone={(d) => {
            setPending(null);
            pending.resolve(d);
          }}
        />
      )}
    </DiscloseContext>
  );
}

/** Asks the Disclose step; resolves to the disclosure, or null when the person cancelled. */
export function useDisclose(): Ask {
  const ask = use(DiscloseContext);
  if (!ask) throw new Error('useDisclose needs a DiscloseProvider above it');
  return ask;
}
