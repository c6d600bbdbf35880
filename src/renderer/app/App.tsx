import { useEffect, useState } from 'react';
import { call } from '../lib/api';
import type { SystemInfo } from '../../shared/contract';
import { ThemeProvider } from './theme';
import { FailedScreen } from './FailedScreen';
import { SessionRouter } from './SessionRouter';

type Start = { kind: 'loading' } | { kind: 'info'; info: SystemInfo } | { kind: 'unreachable'; message: string };

/** Asks main whether the data opened; nothing else renders until it has answered. */
export function App() {
  const [start, setStart] = useState<Start>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void call('system.info', {}).then((r) => {
      if (!live) return;
      setStart(r.ok ? { kind: 'info', info: r.value } : { kind: 'unreachable', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <ThemeProvider>
      {start.kind === 'loading' && <Starting />}
      {start.kind === 'unreachable' && (
        <FailedScreen
          heading="Vigil cannot reach its services"
          message={start.message}
          onRetry={() => setAttempt((a) => a + 1)}
        />
      )}
      {start.kind === 'info' && start.info.state === 'failed' && (
        <FailedScreen
          heading="Vigil cannot open its data"
          message={start.info.message}
          dataDir={start.info.dataDir}
          version={start.info.version}
        />
      )}
      {start.kind === 'info' && start.info.state === 'ready' && (
        <div className="app">
          {start.info.demo && (
            <div role="status" className="training-banner">
              <strong>TRAINING DATA</strong>
              <span>Practice console. Nothing here is a real record.</span>
            </div>
          )}
          <SessionRouter info={start.info} />
        </div>
      )}
    </ThemeProvider>
  );
}

function Starting() {
  return (
    <main className="screen-center" aria-busy="true">
      <p className="starting">Starting Vigil…</p>
    </main>
  );
}
