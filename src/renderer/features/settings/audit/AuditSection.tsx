import { useEffect, useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { EmptyState } from '../../../components/EmptyState';
import type { OutputOf } from '../../../../shared/contract';
import { SectionHeader } from '../SectionHeader';
import { AuditTable } from './AuditTable';
import { AUDIT_ACTIONS, auditActionLabel } from './auditWords';
import type { AuditAction } from './auditWords';

const PAGE = 100;
/** Typing pauses this long before the log is searched again. */
const SEARCH_DELAY_MS = 300;
const ANY = '';

const ACTION_OPTIONS: { value: AuditAction | typeof ANY; label: string }[] = [
  { value: ANY, label: 'All actions' },
  ...AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel[a] })),
];

/** Only the filters in use are sent: an empty one means "any". */
function auditInput(action: AuditAction | typeof ANY, staffId: string, text: string) {
  return {
    limit: PAGE,
    ...(action ? { action } : {}),
    ...(staffId ? { staffId } : {}),
    ...(text ? { text } : {}),
  };
}

type Page = OutputOf<'audit.list'>;

export function AuditSection() {
  const staffList = useQuery('staff.list', {});
  const [action, setAction] = useState<AuditAction | typeof ANY>(ANY);
  const [staffId, setStaffId] = useState(ANY);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const input = auditInput(action, staffId, query);
  // The newest entries for the filters; "Load more" appends older ones to the same list.
  const log = useQuery('audit.list', input);
  const page = log.value;
  const more = useSubmit();
  const [extended, setExtended] = useState<Page | undefined>(undefined);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  async function loadMore() {
    const last = page?.entries.at(-1);
    if (!page || !last) return;
    setExtended(page);
    const older = await more.run(() => call('audit.list', { ...input, before: last.id }));
    if (older) log.setValue({ entries: [...page.entries, ...older.entries], more: older.more });
  }

  // A failed "Load more" is news only while the list it was extending is shown.
  const error = log.error ?? (extended === page ? more.error : undefined);

  const staffOptions = [
    { value: ANY, label: 'All staff' },
    ...(staffList.value ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  const filtered = Boolean(action || staffId || query);

  return (
    <section aria-labelledby="audit-title" className="settings-section">
      <SectionHeader id="audit-title" title="Audit log">
        Every sign-in, lock, refused request and read of patron records: who, what and when. Newest first.
      </SectionHeader>
      <div className="filters" role="search" aria-label="Audit log filters">
        <SelectField label="Action" value={action} options={ACTION_OPTIONS} onChange={setAction} />
        <SelectField label="Staff" value={staffId} options={staffOptions} onChange={setStaffId} />
        <TextField
          label="Search audit log"
          type="search"
          value={text}
          onChange={setText}
          maxLength={200}
          onKeyDown={(e) => {
            // Esc empties the search first; only an empty search lets Esc close Settings.
            if (e.key === 'Escape' && text) {
              e.preventDefault();
              setText('');
            }
          }}
          fieldClassName="field-grow"
        />
      </div>
      <ErrorNotice error={error} />
      {log.loading && <p className="muted">Loading the audit log…</p>}
      {page && page.entries.length === 0 && (
        <EmptyState title={filtered ? 'Nothing matches these filters' : 'The audit log is empty'}>
          {filtered && (
            <p>Search looks in the subject and the detail. Try fewer words, or All actions and All staff.</p>
          )}
        </EmptyState>
      )}
      {page && page.entries.length > 0 && <AuditTable entries={page.entries} />}
      {page && (
        <div className="list-foot">
          <span className="muted">
            Showing {page.entries.length} {page.entries.length === 1 ? 'entry' : 'entries'}
            {page.more ? ', more are older' : ''}.
          </span>
          {page.more && (
            <Button onClick={() => void loadMore()} disabled={more.pending}>
              {more.pending ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
