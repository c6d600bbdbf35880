import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import type { DeskCheckResult, IncidentListItem } from '../../../shared/contract';

/** Typing pauses this long before the check runs: a name is usually typed in one burst. */
const SETTLE_MS = 120;
const PERSON_LIMIT = 8;
const REPORT_LIMIT = 6;

export interface DeskCheckAnswer {
  /** The text these results are for (trimmed); '' before anything was typed. */
  text: string;
  persons: DeskCheckResult[];
  mediaBase: string;
  reports: IncidentListItem[];
  /** More reports match than are shown. */
  moreReports: boolean;
  error: CallError | undefined;
}

const EMPTY: DeskCheckAnswer = {
  text: '',
  persons: [],
  mediaBase: '',
  reports: [],
  moreReports: false,
  error: undefined,
};

/**
 * "Is this person banned?" as the desk types: desk.check and the matching reports,
 * once typing pauses, the newest text only (an answer for older text is dropped).
 */
export function useDeskCheck(text: string): { answer: DeskCheckAnswer; settled: boolean } {
  const [answer, setAnswer] = useState<DeskCheckAnswer>(EMPTY);
  const generation = useRef(0);
  const wanted = text.trim();

  useEffect(() => {
    const mine = ++generation.current;
    const timer = setTimeout(
      () => {
        if (!wanted) {
          setAnswer(EMPTY);
          return;
        }
        void Promise.all([
          call('desk.check', { text: wanted, limit: PERSON_LIMIT }),
          call('incidents.search', { text: wanted, limit: REPORT_LIMIT }),
        ]).then(([check, reports]) => {
          if (mine !== generation.current) return;
          setAnswer({
            text: wanted,
            persons: check.ok ? check.value.results : [],
            mediaBase: check.ok ? check.value.mediaBase : '',
            reports: reports.ok ? reports.value.items : [],
            moreReports: reports.ok && reports.value.nextCursor !== null,
            error: !check.ok ? check.error : !reports.ok ? reports.error : undefined,
          });
        });
      },
      wanted ? SETTLE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [wanted]);

  return { answer, settled: answer.text === wanted };
}
