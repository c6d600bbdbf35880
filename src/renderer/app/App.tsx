import { useEffect } from 'react';
import { followMainClock, setMainTime } from '../lib/mainClock';
import { useQuery } from '../lib/useQuery';
import { ThemeProvider } from './theme';
import { FailedScreen } from './FailedScreen';
import { SessionRouter } from './SessionRouter';

/** Asks main whether the data opened; nothing else renders until it has answered. */
export function App() {
  const start = useQuery('system.info', {});
  const info = start.value;
  const mainTime = info?.state === 'ready' ? info.now : undefined;
  useEffect(() => {
    if (mainTime) setMainTime(mainTime);
  }, [mainTime]);
  useEffect(() => followMainClock(), []);

  return (
    <ThemeProvider>
      {start.loading && <Starting />}
      {start.error && (
        <FailedScreen heading="Vigil cannot reach its services" message={start.error.message} onRetry={start.reload} />
      )}
      {info?.state === 'failed' && (
        <FailedScreen
          heading="Vigil cannot open its data"
          message={info.message}
          dataDir={info.dataDir}
          version={info.version}
        />
      )}
      {info?.state === 'ready' && (
        <div className="app">
          {info.demo && (
            <div role="status" className="training-banner">
              <strong>TRAINING DATA</strong>
              <span>Practice console. Nothing here is a real record.</span>
            </div>
          )}
          {info.testClock && (
            <div role="status" className="training-banner">
              <strong>TEST CLOCK</strong>
              <span>Main’s clock is moved by tests. Nothing here is a real record.</span>
            </div>
          )}
          <SessionRouter info={info} />
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
