import { Dialog } from '../../components/Dialog';

const KEYS: { keys: string[]; does: string }[] = [
  { keys: ['Esc'], does: 'Go back: close a form, this sheet, Settings, or the camera shown large' },
  { keys: ['Enter'], does: 'On a camera tile: show it large, on its full stream (or double-click the tile)' },
  { keys: ['N'], does: 'On a camera tile: report an incident, with a snapshot of the moment attached' },
  { keys: ['/'], does: 'Desk check: is this person banned? Persons, bans and reports in one box (also Ctrl+K)' },
  { keys: ['Ctrl', 'K'], does: 'Desk check, from any screen' },
  {
    keys: ['↑', '↓'],
    does: 'In the desk check: move through the persons and reports found; Enter opens one, Tab reaches its buttons',
  },
  { keys: ['Enter'], does: 'In the desk check: open the person (their record, bans and reports) or the report' },
  { keys: ['Esc'], does: 'In the desk check: close it and go back to where you were' },
  { keys: ['↑', '↓'], does: 'In the list of reports: move up or down; Enter opens the report beside it' },
  { keys: ['↑', '↓'], does: 'In the list of bans: move up or down; Enter opens the ban beside it, Esc goes back' },
  { keys: ['S'], does: 'On a camera tile or the large camera: save a snapshot of the picture on screen' },
  {
    keys: ['R'],
    does: 'On a camera tile: replay its last minutes in the large tile (30 s back); the others stay live',
  },
  { keys: ['B'], does: 'On a camera tile, live or in replay: bookmark this moment, then type a note (Enter) or Esc' },
  { keys: ['Space'], does: 'In replay: play or pause (also K)' },
  { keys: ['←', '→'], does: 'In replay: back or forward 10 seconds' },
  { keys: [',', '.'], does: 'In replay: one frame back or forward (pauses)' },
  { keys: ['[', ']'], does: 'In replay: slower or faster (0.5×, 1×, 2×, 4×)' },
  { keys: ['Home', 'End'], does: 'On the replay timeline: the oldest or the newest recorded moment' },
  { keys: ['I', 'O'], does: 'In replay: mark the clip’s in point, then its out point' },
  { keys: ['C'], does: 'In replay: cut the clip from in to out and add it to the report being written (or a new one)' },
  { keys: ['N'], does: 'In replay: report an incident from the moment on screen, with its snapshot' },
  { keys: ['L'], does: 'In replay: back to live (also Esc)' },
  { keys: ['←', '→'], does: 'On a row of tabs: move to the previous or next tab' },
  { keys: ['Home', 'End'], does: 'On a row of tabs: first or last tab' },
  { keys: ['←', '→'], does: 'On the divider beside the cameras: narrow or widen the camera area' },
  { keys: ['G'], does: 'Go to the most urgent desk alert’s work (the strip under the header)' },
  { keys: ['Ctrl', 'L'], does: 'Lock the console now' },
  { keys: ['Tab'], does: 'Move to the next button or field (Shift+Tab: back)' },
];

/** The keys that exist, in words. Shortcuts never fire while typing in a field, except Ctrl+L. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard" onClose={onClose}>
      <table className="table keys-table">
        <caption className="visually-hidden">Keyboard keys</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {KEYS.map((k) => (
            <tr key={k.does}>
              <td className="keys-cell">
                {k.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="key-join">{k.keys[0] === 'Ctrl' ? '+' : ' '}</span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{k.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Letter keys do nothing while you are typing in a field.</p>
    </Dialog>
  );
}
