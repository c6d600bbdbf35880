import { useCallback, useState } from 'react';
import type { CallError } from '../../lib/api';
import { useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { EvacuationRecord } from '../../../shared/contract';
import { EVACUATION_WORDS } from '../../../shared/call-words';
import { timer } from '../calls/time';
import { AllClearDialog } from './AllClearDialog';
import { downloadAfterAction } from './downloadPdf';
import { HeadcountSection } from './HeadcountSection';
import { NotesSection } from './NotesSection';
import { RefugeSection, RefusalsSection } from './PeopleSections';
import { ServicesSection } from './ServicesSection';
import { useEvacuationRecord, useRecorder } from './useEvacuation';
import { ZoneSweeps } from './ZoneSweeps';
import './evacuation.css';
import { useDisclose } from '../disclose/DiscloseProvider';

interface CoordinatorScreenProps {
  id: string;
  /** The running screen: leave it for the other desk work (the banner brings it back). */
  onDeskWork?: () => void;
  /** Close the screen (after the all clear, or a past one opened from the history). */
  onClose: () => void;
  closeLabel?: string;
}

/**
 * The Designated Evacuation Coordinator's screen: what is happening and for how long,
 * the assembly point, the zone sweeps with their cameras, people who could not leave,
 * services, headcount, refusals, notes, and the all clear. Nothing else while it runs.
 */
export function CoordinatorScreen({ id, onDeskWork, onClose, closeLabel = 'Close' }: CoordinatorScreenProps) {
  const loaded = useEvacuationRecord(id);
  const { setValue } = loaded;
  const onRecorded = useCallback((next: EvacuationRecord) => setValue(next), [setValue]);
  const recorder = useRecorder(id, onRecorded);
  const now = useMainNow(1_000);
  const [allClear, setAllClear] = useState(false);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const [pdfError, setPdfError] = useState<CallError | undefined>(undefined);
  const askDisclose = useDisclose();
  const r = loaded.value?.id === id ? loaded.value : undefined;

  if (loaded.error && !r) return <ErrorNotice error={loaded.error} />;
  if (!r) return <p className="muted">Opening the evacuation…</p>;

  const tz = r.branch.timeZone;
  const end = r.allClear ? Date.parse(r.allClear.at) : now.getTime();
  const word = r.drill ? 'DRILL' : 'EVACUATION';

  async function exportPdf() {
    const disclose = await askDisclose({
      what: 'The after-action report',
      action: 'Export PDF',
      basis: 'library-administration',
    });
    if (!disclose) return;
    const done = await downloadAfterAction(id, disclose);
    if (done.ok) {
      setPdfError(undefined);
      setSaid(`After-action report saved as ${done.value.fileName}.`);
    } else setPdfError(done.error);
  }

  const sections = { record: r, pending: recorder.pending, onRecord: recorder.record };
  return (
    <article
      className={`coordinator${r.drill ? ' is-drill' : ''}${r.running ? ' is-running' : ' is-ended'}`}
      aria-labelledby="coord-title"
    >
      <header className="coord-head">
        <div className="coord-title-block">
          <h2 id="coord-title" className="coord-title">
            <span className="evac-word">{r.running ? `${word} IN PROGRESS` : `${word}: ALL CLEAR`}</span>{' '}
            <span className="coord-where">
              {r.branch.name} · {EVACUATION_WORDS[r.kind]}
            </span>
          </h2>
          <p className="coord-facts">
            Started {formatClock(new Date(r.startedAt), tz)} by {r.startedBy.name}
            {r.description && ` — ${r.description}`}
          </p>
          <p className="assembly-point">
            <strong>Assembly point:</strong>{' '}
            {r.assemblyPoint || <span className="muted">not set (Settings → Calls and evacuation)</span>}
          </p>
        </div>
        <div className="coord-clock" aria-label={r.running ? 'Time since the start' : 'Time to all clear'}>
          <span className="coord-timer">{timer(end - Date.parse(r.startedAt))}</span>
          <span className="muted small">
            {r.allClear
              ? `all clear ${formatClock(new Date(r.allClear.at), tz)}, given by ${r.allClear.givenBy}`
              : 'running'}
          </span>
        </div>
        <div className="coord-actions">
          {r.running && (
            <Button variant="primary" className="all-clear" onClick={() => setAllClear(true)}>
              All clear…
            </Button>
          )}
          <Button onClick={() => void exportPdf()}>After-action report (PDF)</Button>
          {r.running && onDeskWork && (
            <Button variant="quiet" onClick={onDeskWork} title="The banner brings this screen back">
              Other desk work
            </Button>
          )}
          {!r.running && (
            <Button variant="quiet" onClick={onClose}>
              {closeLabel}
            </Button>
          )}
        </div>
      </header>
      <StatusNotice message={said} />
      <ErrorNotice error={recorder.error ?? pdfError} />
      {r.allClear && r.allClear.unswept.length > 0 && (
        <p className="notice notice-warn">
          Given with zones not swept clear: {r.allClear.unswept.map((z) => z.name).join(', ')}.
        </p>
      )}
      <div className="coord-grid">
        <div className="coord-col">
          <ZoneSweeps record={r} now={now} pending={recorder.pending} onRecord={recorder.record} />
          <RefugeSection {...sections} />
        </div>
        <div className="coord-col">
          <ServicesSection {...sections} />
          <HeadcountSection key={r.headcounts.length} {...sections} />
          <RefusalsSection {...sections} />
          <NotesSection {...sections} />
        </div>
      </div>
      {allClear && (
        <AllClearDialog
          record={r}
          onDone={(done) => {
            setValue(done);
            setAllClear(false);
            setSaid(`All clear recorded at ${formatClock(new Date(done.allClear!.at), tz)}.`);
          }}
          onClose={() => setAllClear(false)}
        />
      )}
    </article>
  );
}
