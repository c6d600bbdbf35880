import { Button } from '../components/Button';

interface FailedScreenProps {
  heading: string;
  message: string;
  dataDir?: string;
  version?: string;
  onRetry?: () => void;
}

/** Shown instead of a blank window when Vigil cannot start: what happened, where, and what to do. */
export function FailedScreen({ heading, message, dataDir, version, onRetry }: FailedScreenProps) {
  return (
    <main className="screen-center">
      <section className="card failed-card" aria-labelledby="failed-heading">
        <h1 id="failed-heading">{heading}</h1>
        <p className="failed-message">{message}</p>
        {dataDir && (
          <dl className="facts">
            <dt>Data folder</dt>
            <dd>
              <code>{dataDir}</code>
            </dd>
            {version && (
              <>
                <dt>Version</dt>
                <dd>{version}</dd>
              </>
            )}
          </dl>
        )}
        <p>
          No records have been changed. Please tell your supervisor or the library’s IT contact, and read them the
          message above.
        </p>
        {onRetry && (
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        )}
      </section>
    </main>
  );
}
