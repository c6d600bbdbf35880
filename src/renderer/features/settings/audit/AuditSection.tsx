import { useEffect, useState } from 'react';
import { call } from '../../../lib/api';
import { downloadFile } from '../../../lib/downloadFile';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { EmptyState } from '../../../components/EmptyState';
import type { OutputOf } from '../../../../shared/contract';
import { SectionHeader } from '../SectionHeader';
import { AuditTable } from './AuditTable';
import { AUDIT_ACTIONS, auditActionLabel } from './auditWords';
import type { AuditAction } from './auditWords';
import { useDisclose } from '../../disclose/DiscloseProvider';

const PAGE = 100;
/** Typing pauses this long before the log is searched again. */
const SEARCH_DELAY_MS = 300;
const ANY = '';

const ACTION_OPTIONS: { value: AuditAction | typeof ANY; label: string }[] = [
  { value: ANY, label: 'All actions' },
  ...AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel[a] })),
];

/** A date field's day as the start of that local day, or of the next (the "to" day counts whole). */
function dayStart(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (next) d.setDate(d.getDate() + 1);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Only the filters in use are sent: an empty one means "any". */
function auditFilters(f: {
  action: AuditAction | typeof ANY;
  staffId: string;
  text: string;
  recordId: string;
  purpose: string;
  from: string;
  to: string;
}) {
  const from = dayStart(f.from);
  const to = dayStart(f.to, true);
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.staffId ? { staffId: f.staffId } : {}),
    ...(f.text ? { text: f.text } : {}),
    ...(f.recordId.trim() ? { recordId: f.recordId.trim() } : {}),
    ...(f.purpose.trim() ? { purpose: f.purpose.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

type Page = OutputOf<'audit.list'>;

export function AuditSection() {
  const staffList = useQuery('staff.list', {});
  const [action, setAction] = useState<AuditAction | typeof ANY>(ANY);
  const [staffId, setStaffId] = useState(ANY);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [recordId, setRecordId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = auditFilters({ action, staffId, text: query, recordId, purpose, from, to });
  const input = { limit: PAGE, ...filters };
  const exporting = useSubmit();
  const askDisclose = useDisclose();
  const [exported, setExported] = useState<string | undefined>(undefined);

  async function exportCsv() {
    setExported(undefined);
    const disclose = await askDisclose({
      what: 'The audit log as CSV',
      action: 'Export CSV',
      basis: 'library-administration',
    });
    if (!disclose) return;
    const file = await exporting.run(() => call('audit.exportCsv', { ...filters, disclose }));
    if (!file) return;
    downloadFile(file.csv, 'text/csv;charset=utf-8', file.fileName);
    setExported(
      `Saved ${file.fileName}: ${file.rows.toLocaleString('en-US')} ${file.rows === 1 ? 'entry' : 'entries'}` +
        (file.truncated ? ', the newest only (narrow the filters for the rest).' : '.'),
    );
  }
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
  const filtered = Object.keys(filters).length > 0;

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
        <TextField
          label="Record"
          value={recordId}
          onChange={setRecordId}
          placeholder="id of a person, report or ban"
          maxLength={100}
          fieldClassName="field-short"
        />
        <TextField
          label="Purpose"
          value={purpose}
          onChange={setPurpose}
          placeholder="words of an export’s purpose"
          maxLength={200}
          fieldClassName="field-short"
        />
        <TextField label="From" type="date" value={from} onChange={setFrom} fieldClassName="field-short" />
        <TextField label="To" type="date" value={to} onChange={setTo} fieldClassName="field-short" />
      </div>
      <div className="form-actions">
        <Button onClick={() => void exportCsv()} disabled={exporting.pending}>
          {exporting.pending ? 'Exporting…' : 'Export CSV'}
        </Button>
      </div>
      <ErrorNotice error={exporting.error} />
      <StatusNotice message={exported} />
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
