import { Dialog } from '../../components/Dialog';

interface Key {
  keys: string[];
  does: string;
}

/**
 * The keys that exist, grouped by where they work, so someone looking for "how do I log a
 * call" reads one short table, not forty lines. The first group works from anywhere.
 */
const GROUPS: { title: string; keys: Key[] }[] = [
  {
    title: 'Anywhere on the desk',
    keys: [
      { keys: ['/'], does: 'Desk check: is this person banned? Persons, bans and reports in one box' },
      { keys: ['Ctrl', 'K'], does: 'Desk check, from any screen' },
      { keys: ['A'], does: 'Log a staff call for assistance (the quick call form)' },
      { keys: ['G'], does: 'Go to the most urgent desk alert’s work (the strip under the header)' },
      { keys: ['L'], does: 'Write in the shift log (the Shift tab, the cursor in the entry)' },
      { keys: ['Esc'], does: 'Go back: close a form, this sheet, Settings, or the camera shown large' },
      { keys: ['Ctrl', 'L'], does: 'Lock the console now (works even while typing)' },
      { keys: ['Tab'], does: 'Move to the next button or field (Shift+Tab: back)' },
    ],
  },
  {
    title: 'Cameras',
    keys: [
      { keys: ['Enter'], does: 'On a camera tile: show it large, on its full stream (or double-click the tile)' },
      { keys: ['N'], does: 'On a camera tile: report an incident, with a snapshot of the moment attached' },
      { keys: ['S'], does: 'On a camera tile or the large camera: save a snapshot of the picture on screen' },
      {
        keys: ['R'],
        does: 'On a camera tile: replay its last minutes in the large tile (30 s back); the others stay live',
      },
      {
        keys: ['B'],
        does: 'On a camera tile, live or in replay: bookmark this moment, then type a note (Enter) or Esc',
      },
      { keys: ['←', '→'], does: 'On the divider beside the cameras: narrow or widen the camera area' },
    ],
  },
  {
    title: 'Replay',
    keys: [
      { keys: ['Space'], does: 'Play or pause (also K)' },
      { keys: ['←', '→'], does: 'Back or forward 10 seconds' },
      { keys: [',', '.'], does: 'One frame back or forward (pauses)' },
      { keys: ['[', ']'], does: 'Slower or faster (0.5×, 1×, 2×, 4×)' },
      { keys: ['Home', 'End'], does: 'On the timeline: the oldest or the newest recorded moment' },
      { keys: ['I', 'O'], does: 'Mark the clip’s in point, then its out point' },
      { keys: ['C'], does: 'Cut the clip from in to out and add it to the report being written (or a new one)' },
      { keys: ['N'], does: 'Report an incident from the moment on screen, with its snapshot' },
      { keys: ['L'], does: 'Back to live (also Esc)' },
    ],
  },
  {
    title: 'Desk check and lists',
    keys: [
      { keys: ['↑', '↓'], does: 'In the desk check: move through the persons and reports found' },
      { keys: ['Enter'], does: 'In the desk check: open the person (their record, bans and reports) or the report' },
      { keys: ['Esc'], does: 'In the desk check: close it and go back to where you were' },
      { keys: ['↑', '↓'], does: 'In the list of reports or bans: move up or down; Enter opens the one beside it' },
      { keys: ['←', '→'], does: 'On a row of tabs: the previous or next tab (Home, End: first or last)' },
    ],
  },
  {
    title: 'Calls and evacuations',
    keys: [
      {
        keys: ['Enter'],
        does: 'In the quick call form: log the call (Ctrl+Enter from any field); Esc keeps what you typed',
      },
      { keys: ['↑', '↓'], does: 'In the open calls: choose a call (its zone’s camera comes up large)' },
      { keys: ['R'], does: 'On a call: say who is responding' },
      { keys: ['O'], does: 'On a call: they are on scene now' },
      { keys: ['C'], does: 'On a call: clear it with the outcome' },
      { keys: ['C'], does: 'In the zone sweeps: the zone is swept clear' },
      { keys: ['N'], does: 'In the zone sweeps: the zone is not clear (say why)' },
      { keys: ['U'], does: 'In the zone sweeps: take a sweep back' },
      { keys: ['E'], does: 'In the zone sweeps: change who sweeps the zone' },
    ],
  },
  {
    title: 'Closing and rounds',
    keys: [
      { keys: ['Space'], does: 'On a closing item: checked (all is well); Enter does the same' },
      { keys: ['Y', 'N'], does: 'On a closing item: answer yes or no (a problem or a “no” asks for a note)' },
      { keys: ['0–9'], does: 'On a closing count: type the number, then Enter' },
      { keys: ['W', 'C'], does: 'On a closing item: walked in person, or cleared on camera' },
      { keys: ['I'], does: 'On a failed item or an observation: start an incident report with its zone' },
      { keys: ['R'], does: 'In Rounds: start (or resume) the most pressing round of the branch' },
      { keys: ['Enter'], does: 'On a checkpoint: visited on foot (C: seen on camera)' },
      { keys: ['S', 'O'], does: 'On a checkpoint: skip it with a reason, or add an observation' },
      { keys: ['E'], does: 'On a checkpoint: end the round' },
    ],
  },
  {
    title: 'The shift',
    keys: [
      { keys: ['Ctrl', 'Enter'], does: 'In the shift log entry: add it to the log (or pass it on)' },
      { keys: ['Esc'], does: 'In a correction of a log entry: close it, the entry unchanged' },
    ],
  },
];

function KeyCell({ keys }: { keys: string[] }) {
  return (
    <td className="keys-cell">
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && <span className="key-join">{keys[0] === 'Ctrl' ? '+' : ' '}</span>}
          <kbd>{key}</kbd>
        </span>
      ))}
    </td>
  );
}

/** The keys that exist, in words. Shortcuts never fire while typing in a field, except Ctrl+L. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard" onClose={onClose}>
      <div className="keys-groups">
        {GROUPS.map((group) => (
          <table key={group.title} className="table keys-table">
            <caption>{group.title}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              {group.keys.map((k) => (
                <tr key={k.does}>
                  <KeyCell keys={k.keys} />
                  <td>{k.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="muted small">Letter keys do nothing while you are typing in a field.</p>
    </Dialog>
  );
}
