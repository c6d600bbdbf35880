import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import type { DeskCheckResult, IncidentListItem } from '../../../shared/contract';

/** Reports are the second answer (a full-text search of the archive): they wait for typing to pause. */
const REPORTS_SETTLE_MS = 150;
const PERSON_LIMIT = 8;
const REPORT_LIMIT = 6;

export interface DeskCheckAnswer {
  /** The text these results are for (trimmed); '' before anything was typed. */
  text: string;
  persons: DeskCheckResult[];
  mediaBase: string;
  /** Reports for `text`: empty until their search for this text has answered. */
  reports: IncidentListItem[];
  /** More reports match than are shown. */
  moreReports: boolean;
  /** The reports for `text` have not answered yet. */
  reportsPending: boolean;
  error: CallError | undefined;
}

const EMPTY: DeskCheckAnswer = {
  text: '',
  persons: [],
  mediaBase: '',
  reports: [],
  moreReports: false,
  reportsPending: false,
  error: undefined,
};

type Persons = Pick<DeskCheckAnswer, 'text' | 'persons' | 'mediaBase'> & { error: CallError | undefined };
type Reports = { text: string; reports: IncidentListItem[]; more: boolean; error: CallError | undefined };

/**
 * "Is this person banned?" as the desk types. The person check goes out at once on
 * every keystroke (main answers in milliseconds), one at a time: while one is out,
 * only the newest text waits to go next, so a fast typist never queues a backlog and
 * never sees an older answer after a newer one. Matching reports follow once typing
 * pauses.
 */
export function useDeskCheck(text: string): { answer: DeskCheckAnswer; settled: boolean } {
  const wanted = text.trim();
  const [persons, setPersons] = useState<Persons>({ text: '', persons: [], mediaBase: '', error: undefined });
  const [reports, setReports] = useState<Reports>({ text: '', reports: [], more: false, error: undefined });
  const inFlight = useRef(false);
  const next = useRef<string | null>(null);
  const latest = useRef(wanted);

  useEffect(() => {
    latest.current = wanted;
    if (!wanted) {
      // An empty box shows nothing (the answer below is EMPTY); a check still out is let go.
      next.current = null;
      return;
    }
    const send = (t: string) => {
      inFlight.current = true;
      void call('desk.check', { text: t, limit: PERSON_LIMIT }).then((r) => {
        inFlight.current = false;
        // Only the answer for what is typed now is shown; a stale one just lets the next go.
        if (t === latest.current) {
          setPersons(
            r.ok
              ? { text: t, persons: r.value.results, mediaBase: r.value.mediaBase, error: undefined }
              : { text: t, persons: [], mediaBase: '', error: r.error },
          );
        }
        const queued = next.current;
        next.current = null;
        if (queued && queued === latest.current) send(queued);
      });
    };
    if (inFlight.current) next.current = wanted;
    else send(wanted);
  }, [wanted]);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      void call('incidents.search', { text: wanted, limit: REPORT_LIMIT }).then((r) => {
        if (!current) return;
        setReports(
          r.ok
            ? { text: wanted, reports: r.value.items, more: r.value.nextCursor !== null, error: undefined }
            : { text: wanted, reports: [], more: false, error: r.error },
        );
      });
    }, REPORTS_SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted]);

  if (!wanted) return { answer: EMPTY, settled: true };
  const reportsHere = reports.text === persons.text;
  return {
    answer: {
      text: persons.text,
      persons: persons.persons,
      mediaBase: persons.mediaBase,
      reports: reportsHere ? reports.reports : [],
      moreReports: reportsHere && reports.more,
      reportsPending: !reportsHere,
      error: persons.error ?? (reportsHere ? reports.error : undefined),
    },
    settled: persons.text === wanted,
  };
}
