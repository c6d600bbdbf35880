import { SectionHeader } from '../SectionHeader';
import { IdleLockForm } from './IdleLockForm';
import { ScreenCaptureForm } from './ScreenCaptureForm';
import { ThemeChoice } from './ThemeChoice';

export function PreferencesSection({ isAdmin }: { isAdmin: boolean }) {
  return (
    <section aria-labelledby="preferences-title" className="settings-section">
      <SectionHeader id="preferences-title" title="Preferences">
        {isAdmin
          ? 'How this console looks, and when it locks itself.'
          : 'How this console looks. An administrator sets when it locks itself.'}
      </SectionHeader>
      <ThemeChoice />
      {isAdmin && <IdleLockForm />}
      {isAdmin && <ScreenCaptureForm />}
    </section>
  );
}
