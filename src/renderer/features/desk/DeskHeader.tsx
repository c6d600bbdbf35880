import type { ReactNode, Ref } from 'react';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { roleLabel } from '../../../shared/roles';
import type { StaffSummary } from '../../../shared/contract';
import { useTheme } from '../../app/theme';
import { ClosingCountdown } from '../closing/ClosingCountdown';
import { Clock } from './Clock';
import { BranchFilterSelect } from './BranchFilterSelect';
import type { BranchFilter } from './useBranchFilter';

interface DeskHeaderProps {
  staff: StaffSummary;
  filter: BranchFilter;
  settingsOpen: boolean;
  settingsButtonRef: Ref<HTMLButtonElement>;
  onToggleSettings: () => void;
  onKeyboardHelp: () => void;
  /** The one clearly marked action that starts an emergency (a confirmation follows). */
  onStartEvacuation: () => void;
  onLock: () => void;
  onSignOut: () => void;
  /** The desk check's box: "is this person banned?", and reports. */
  search: ReactNode;
}

export function DeskHeader(props: DeskHeaderProps) {
  const {
    staff,
    filter,
    settingsOpen,
    settingsButtonRef,
    onToggleSettings,
    onKeyboardHelp,
    onLock,
    onSignOut,
    search,
  } = props;
  const { onStartEvacuation } = props;
  const { theme, setTheme } = useTheme();
  const otherTheme = theme === 'dark' ? 'light' : 'dark';
  const themeLabel = otherTheme === 'light' ? 'Light theme' : 'Dark theme';

  return (
    <header className="desk-header">
      <div className="header-group">
        <span className="app-name">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>{' '}
          Vigil
        </span>
        <BranchFilterSelect filter={filter} />
        {search}
      </div>
      <div className="header-group header-right">
        <ClosingCountdown filter={filter} />
        <Clock timeZone={filter.selected?.timeZone} />
        <p className="who">
          <Unseen>Signed in: </Unseen>
          <span className="who-name">{staff.name}</span>
          <span className="who-role">{roleLabel[staff.role]}</span>
        </p>
        <nav className="header-actions" aria-label="Console">
          <Button variant="danger" onClick={onStartEvacuation} title="Start an evacuation or a drill (asks first)">
            Evacuation…
          </Button>
          {/* On a narrower screen these two show a sign in place of their words; their names stay. */}
          <Button variant="quiet" onClick={onKeyboardHelp} title="Keys you can use" aria-label="Keyboard">
            <span className="long-label">Keyboard</span>
            <span className="short-label" aria-hidden="true">
              ⌨
            </span>
          </Button>
          <Button
            variant="quiet"
            onClick={() => setTheme(otherTheme)}
            title="Switch the colours"
            aria-label={themeLabel}
          >
            <span className="long-label">{themeLabel}</span>
            <span className="short-label" aria-hidden="true">
              {otherTheme === 'light' ? '☀' : '☾'}
            </span>
          </Button>
          <Button
            variant="quiet"
            buttonRef={settingsButtonRef}
            aria-pressed={settingsOpen}
            onClick={onToggleSettings}
            title="Branches, staff, audit log, journal and preferences"
          >
            Settings
          </Button>
          <Button variant="secondary" onClick={onLock} title="Lock the console (Ctrl+L)" aria-keyshortcuts="Control+L">
            Lock
          </Button>
          <Button variant="secondary" onClick={onSignOut}>
            Sign out
          </Button>
        </nav>
      </div>
    </header>
  );
}
