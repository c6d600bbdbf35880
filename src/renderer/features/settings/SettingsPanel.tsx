import { useEffect, useRef, useState } from 'react';
import { Tabs } from '../../components/Tabs';
import type { TabsHandle } from '../../components/Tabs';
import { Button } from '../../components/Button';
import type { StaffSummary } from '../../../shared/contract';
import { BranchesSection } from './branches/BranchesSection';
import { CamerasSection } from './cameras/CamerasSection';
import { StaffSection } from './staff/StaffSection';
import { GuidelinesSection } from './guidelines/GuidelinesSection';
import { PolicySection } from './policy/PolicySection';
import { AuditSection } from './audit/AuditSection';
import { JournalSection } from './journal/JournalSection';
import { BackupsSection } from './maintenance/BackupsSection';
import { RetentionSection } from './retention/RetentionSection';
import { HoldsList } from './retention/HoldsList';
import { ChecklistsSection } from './closing/ChecklistsSection';
import { RoutesSection } from './routes/RoutesSection';
import { ResourcesSection } from './resources/ResourcesSection';
import { EmailSection } from './email/EmailSection';
import { PreferencesSection } from './preferences/PreferencesSection';
import { EvacuationSection } from './evacuation/EvacuationSection';
import './settings.css';
import { DisclosuresSection } from './audit/DisclosuresSection';

type SectionKey =
  | 'branches'
  | 'cameras'
  | 'staff'
  | 'guidelines'
  | 'policy'
  | 'evacuation'
  | 'checklists'
  | 'routes'
  | 'resources'
  | 'email'
  | 'audit'
  | 'disclosures'
  | 'journal'
  | 'backups'
  | 'retention'
  | 'holds'
  | 'preferences';

const ADMIN_SECTIONS = [
  { key: 'branches', label: 'Branches' },
  { key: 'cameras', label: 'Cameras' },
  { key: 'staff', label: 'Staff' },
  { key: 'guidelines', label: 'Behavior guidelines' },
  { key: 'policy', label: 'Sanction policy' },
  { key: 'evacuation', label: 'Calls and evacuation' },
  { key: 'checklists', label: 'Closing checklists' },
  { key: 'routes', label: 'Patrol routes' },
  { key: 'resources', label: 'Community services' },
  { key: 'email', label: 'Email' },
  { key: 'audit', label: 'Audit log' },
  { key: 'disclosures', label: 'Disclosures' },
  { key: 'journal', label: 'Journal' },
  { key: 'backups', label: 'Backups' },
  { key: 'retention', label: 'Retention' },
  { key: 'preferences', label: 'Preferences' },
] as const satisfies readonly { key: SectionKey; label: string }[];

const EVERYONE_SECTIONS = [{ key: 'preferences', label: 'Preferences' }] as const;

// Supervisors set and release legal holds, so they see the list of them.
const SUPERVISOR_SECTIONS = [
  { key: 'holds', label: 'Legal holds' },
  { key: 'preferences', label: 'Preferences' },
] as const;

/** Settings open in the work panel's place; the cameras stay where they are. */
export function SettingsPanel({ staff, onClose }: { staff: StaffSummary; onClose: () => void }) {
  const isAdmin = staff.role === 'admin';
  // Admin sections are not shown to other roles at all; main refuses them anyway.
  const sections: readonly { key: SectionKey; label: string }[] = isAdmin
    ? ADMIN_SECTIONS
    : staff.role === 'supervisor'
      ? SUPERVISOR_SECTIONS
      : EVERYONE_SECTIONS;
  const [section, setSection] = useState<SectionKey>(isAdmin ? 'branches' : 'preferences');
  const tabsRef = useRef<TabsHandle>(null);

  useEffect(() => tabsRef.current?.focus(), []);

  return (
    <div className="settings">
      <div className="settings-head">
        <h2 className="settings-title">Settings</h2>
        <Button onClick={onClose} title="Back to the desk (Esc)" aria-keyshortcuts="Escape">
          Close settings
        </Button>
      </div>
      <Tabs
        ref={tabsRef}
        label="Settings sections"
        tabs={sections}
        selected={section}
        onSelect={setSection}
        className="settings-tabs"
      >
        {section === 'branches' && <BranchesSection />}
        {section === 'cameras' && <CamerasSection />}
        {section === 'staff' && <StaffSection self={staff} />}
        {section === 'guidelines' && <GuidelinesSection />}
        {section === 'policy' && <PolicySection />}
        {section === 'evacuation' && <EvacuationSection />}
        {section === 'checklists' && <ChecklistsSection />}
        {section === 'routes' && <RoutesSection />}
        {section === 'resources' && <ResourcesSection />}
        {section === 'email' && <EmailSection />}
        {section === 'audit' && <AuditSection />}
        {section === 'disclosures' && <DisclosuresSection />}
        {section === 'journal' && <JournalSection />}
        {section === 'backups' && <BackupsSection />}
        {section === 'retention' && <RetentionSection />}
        {section === 'holds' && (
          <section aria-label="Legal holds" className="settings-section">
            <HoldsList />
          </section>
        )}
        {section === 'preferences' && <PreferencesSection isAdmin={isAdmin} />}
      </Tabs>
    </div>
  );
}
