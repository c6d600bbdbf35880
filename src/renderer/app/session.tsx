import { createContext, useContext } from 'react';
import type { SessionState, SystemInfo } from '../../shared/contract';

type ReadyInfo = Extract<SystemInfo, { state: 'ready' }>;

interface SessionValue {
  info: ReadyInfo;
  session: SessionState;
  /** Every auth call answers with the new state; screens hand it here. */
  setSession: (session: SessionState) => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionRouter>');
  return value;
}

export type { ReadyInfo };
