import { useTheme } from '../../../app/theme';
import type { Theme } from '../../../app/theme';

const CHOICES: { value: Theme; label: string; note: string }[] = [
  { value: 'dark', label: 'Dark', note: 'Easier on the eyes in a dim room. Recommended for evening shifts.' },
  { value: 'light', label: 'Light', note: 'For a bright room or daylight on the screen.' },
];

/** The theme, remembered on this computer. */
export function ThemeChoice() {
  const { theme, setTheme } = useTheme();
  return (
    <fieldset className="pref-group">
      <legend>Theme</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="radio">
          <input
            type="radio"
            name="theme"
            value={c.value}
            checked={theme === c.value}
            onChange={() => setTheme(c.value)}
          />
          <span>
            <span className="radio-label">{c.label}</span>
            <span className="radio-note">{c.note}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
