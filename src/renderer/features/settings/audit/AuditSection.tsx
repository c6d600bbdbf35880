import { useEffect, useState } from 'react';
import { call } from '../../../lib/api';
import type { CallError } from '../../../lib/api';
import { useMethod } from '../../../lib/useCall';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { EmptyState } from '../../../components/EmptyState';
import type { AuditEntry } from '../../../../shared/contract';
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

interface Page {
  entries: AuditEntry[];
  more: boolean;
}

export function AuditSection() {
  const staffList = useMethod('staff.list');
  const [action, setAction] = useState<AuditAction | typeof ANY>(ANY);
  const [staffId, setStaffId] = useState(ANY);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<Page | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let live = true;
    void call('audit.list', auditInput(action, staffId, query)).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [action, staffId, query]);

  async function loadMore() {
    const last = page?.entries.at(-1);
    if (!page || !last) return;
    setLoadingMore(true);
    const r = await call('audit.list', { ...auditInput(action, staffId, query), before: last.id });
    setLoadingMore(false);
    if (r.ok) setPage({ entries: [...page.entries, ...r.value.entries], more: r.value.more });
    else setError(r.error);
  }

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
      {!page && !error && <p className="muted">Loading the audit log…</p>}
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
            <Button onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
