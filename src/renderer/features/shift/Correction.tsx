import { formatClock } from '../../lib/time';
import type { ShiftEntry } from '../../../shared/contract';
import { ENTRY_KIND_WORDS } from '../../../shared/shift-words';
import { linkWords } from './EntryLinks';

interface Change {
  what: string;
  was: string;
  now: string;
}

/** What one record changed of the one before it, field by field, in the words the log shows them. */
function changes(before: ShiftEntry, after: ShiftEntry, timeZone: string | undefined): Change[] {
  const out: Change[] = [];
  const add = (what: string, was: string, now: string) => {
    if (was !== now) out.push({ what, was: was || '(none)', now: now || '(none)' });
  };
  add('What it is', ENTRY_KIND_WORDS[before.kind], ENTRY_KIND_WORDS[after.kind]);
  add('Time', formatClock(new Date(before.at), timeZone), formatClock(new Date(after.at), timeZone));
  add('From', before.fromName, after.fromName);
  add('Callback number', before.callbackNumber, after.callbackNumber);
  add('Callback needed', before.callbackNeeded ? 'Yes' : 'No', after.callbackNeeded ? 'Yes' : 'No');
  add('Text', before.text, after.text);
  add('Linked to', before.links.map(linkWords).join('; '), after.links.map(linkWords).join('; '));
  return out;
}

/**
 * The corrections of an entry, oldest first: who corrected it, when and why, and what
 * each changed, the old words struck beside the new. Nothing is overwritten: the first
 * record stays readable in full here.
 */
export function Corrections({
  chain,
  timeZone,
}: {
  /** Every record of the entry, oldest first; the last is the one shown. */
  chain: readonly ShiftEntry[];
  timeZone: string | undefined;
}) {
  const steps = chain.slice(1).map((after, i) => ({ before: chain[i]!, after }));
  if (steps.length === 0) return null;
  return (
    <div className="shift-corrections">
      {steps.map(({ before, after }, i) => {
        const by = `${after.recordedBy.name} at ${formatClock(new Date(after.recordedAt), timeZone)}`;
        const title = after.withdrawn
          ? `Withdrawn by ${by}`
          : `${steps.length > 1 ? `Correction ${i + 1} of ${steps.length}` : 'Corrected'} by ${by}`;
        const list = after.withdrawn ? [] : changes(before, after, timeZone);
        return (
          <section key={after.id} className="shift-correction" aria-label={title}>
            <p className="shift-correction-head">
              <strong>{title}</strong>
              <span> — why: “{after.reason}”</span>
            </p>
            {list.length > 0 && (
              <table className="shift-changes">
                <caption className="visually-hidden">What the correction changed</caption>
                <thead>
                  <tr>
                    <th scope="col">Changed</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.what}>
                      <th scope="row">{c.what}</th>
                      <td className="shift-was">
                        <del>{c.was}</del>
                      </td>
                      <td className="shift-now">
                        <ins>{c.now}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
