import { useEffect, useState } from 'react';
import { call } from '../../../lib/api';
import { downloadFile } from '../../../lib/downloadFile';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { formatClock, formatDateTime, formatDay } from '../../../lib/time';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { EmptyState } from '../../../components/EmptyState';
import type { OutputOf } from '../../../../shared/contract';
import {
  DISCLOSURE_BASES,
  DISCLOSURE_BASIS_WORDS,
  type DisclosureBasis,
  type DisclosureEntry,
} from '../../../../shared/contract/disclosure';
import { useDisclose } from '../../disclose/DiscloseProvider';
import { SectionHeader } from '../SectionHeader';

const PAGE = 100;
const SEARCH_DELAY_MS = 300;
const ANY = '';

const BASIS_OPTIONS: { value: DisclosureBasis | typeof ANY; label: string }[] = [
  { value: ANY, label: 'Any basis' },
  ...DISCLOSURE_BASES.map((b) => ({ value: b, label: DISCLOSURE_BASIS_WORDS[b].short })),
];

/** A date field's day as the start of that local day, or of the next (the "to" day counts whole). */
function dayStart(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (next) d.setDate(d.getDate() + 1);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

type Page = OutputOf<'audit.disclosures'>;

/**
 * The disclosure log, for the director: every time patron records left Vigil (a file, a
 * printout, an email), who gave them, to whom, why and under which of Wisconsin's bases.
 */
export function DisclosuresSection() {
  const staffList = useQuery('staff.list', {});
  const [basis, setBasis] = useState<DisclosureBasis | typeof ANY>(ANY);
  const [staffId, setStaffId] = useState(ANY);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [recordId, setRecordId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromIso = dayStart(from);
  const toIso = dayStart(to, true);
  const filters = {
    ...(basis ? { basis } : {}),
    ...(staffId ? { staffId } : {}),
    ...(query ? { text: query } : {}),
    ...(recordId.trim() ? { recordId: recordId.trim() } : {}),
    ...(fromIso ? { from: fromIso } : {}),
    ...(toIso ? { to: toIso } : {}),
  };
  const input = { limit: PAGE, ...filters };
  const log = useQuery('audit.disclosures', input);
  const page = log.value;
  const more = useSubmit();
  const [extended, setExtended] = useState<Page | undefined>(undefined);
  const exporting = useSubmit();
  const askDisclose = useDisclose();
  const [exported, setExported] = useState<string | undefined>(undefined);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  async function exportCsv() {
    setExported(undefined);
    const disclose = await askDisclose({
      what: 'The disclosure log as CSV',
      action: 'Export CSV',
      basis: 'library-administration',
    });
    if (!disclose) return;
    const file = await exporting.run(() => call('audit.exportDisclosures', { ...filters, disclose }));
    if (!file) return;
    downloadFile(file.csv, 'text/csv;charset=utf-8', file.fileName);
    setExported(
      `Saved ${file.fileName}: ${file.rows.toLocaleString('en-US')} ${file.rows === 1 ? 'disclosure' : 'disclosures'}` +
        (file.truncated ? ', the newest only (narrow the filters for the rest).' : '.'),
    );
  }

  async function loadMore() {
    const last = page?.entries.at(-1);
    if (!page || !last) return;
    setExtended(page);
    const older = await more.run(() => call('audit.disclosures', { ...input, before: last.id }));
    if (older) log.setValue({ entries: [...page.entries, ...older.entries], more: older.more });
  }

  const error = log.error ?? (extended === page ? more.error : undefined);
  const staffOptions = [
    { value: ANY, label: 'All staff' },
    ...(staffList.value ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  const filtered = Object.keys(filters).length > 0;

  return (
    <section aria-labelledby="disclosures-title" className="settings-section">
      <SectionHeader id="disclosures-title" title="Disclosures">
        Every time patron records left Vigil — a PDF, a printout, an evidence folder, a CSV, the emailed activity report
        — with who gave them, to whom, why, and under which basis of Wis. Stat. 43.30. Newest first.
      </SectionHeader>
      <div className="filters" role="search" aria-label="Disclosure log filters">
        <SelectField label="Basis" value={basis} options={BASIS_OPTIONS} onChange={setBasis} />
        <SelectField label="Staff" value={staffId} options={staffOptions} onChange={setStaffId} />
        <TextField
          label="Search disclosures"
          type="search"
          value={text}
          onChange={setText}
          maxLength={200}
          onKeyDown={(e) => {
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
          placeholder="id of a report, ban…"
          maxLength={100}
          fieldClassName="field-short"
        />
        <TextField label="From" type="date" value={from} onChange={setFrom} fieldClassName="field-short" />
        <TextField label="To" type="date" value={to} onChange={setTo} fieldClassName="field-short" />
        <Button onClick={() => void exportCsv()} disabled={exporting.pending}>
          {exporting.pending ? 'Exporting…' : 'Export CSV'}
        </Button>
      </div>
      <ErrorNotice error={exporting.error} />
      <StatusNotice message={exported} />
      <ErrorNotice error={error} />
      {log.loading && <p className="muted">Loading the disclosure log…</p>}
      {page && page.entries.length === 0 && (
        <EmptyState title={filtered ? 'Nothing matches these filters' : 'Nothing has been disclosed yet'}>
          {filtered && <p>Search looks in what was given, the recipient, the purpose, the case number and the file.</p>}
        </EmptyState>
      )}
      {page && page.entries.length > 0 && <DisclosuresTable entries={page.entries} />}
      {page && (
        <div className="list-foot">
          <span className="muted">
            Showing {page.entries.length} {page.entries.length === 1 ? 'disclosure' : 'disclosures'}
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

function DisclosuresTable({ entries }: { entries: readonly DisclosureEntry[] }) {
  return (
    <table className="table audit-table disclosures-table">
      <caption className="visually-hidden">Disclosures, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Staff</th>
          <th scope="col">What</th>
          <th scope="col">Given to, and why</th>
          <th scope="col">Basis</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="audit-time">
              <time dateTime={e.at} title={formatDateTime(new Date(e.at))}>
                <span className="audit-clock">{formatClock(new Date(e.at))}</span>
                <span className="audit-day">{formatDay(new Date(e.at))}</span>
              </time>
            </td>
            <td>{e.staffName ?? <span className="muted">{e.staffId ? 'Unknown' : 'The desk (automatic)'}</span>}</td>
            <td className="audit-detail">
              {e.what}
              {e.fileName && (
                <span className="audit-purpose" title={e.sha256 ? `SHA-256 ${e.sha256}` : undefined}>
                  {e.fileName}
                </span>
              )}
            </td>
            <td className="audit-detail">
              {e.recipient}
              <span className="audit-purpose">{e.purpose}</span>
            </td>
            <td title={DISCLOSURE_BASIS_WORDS[e.basis].label}>
              {DISCLOSURE_BASIS_WORDS[e.basis].short}
              {e.caseNumber && <span className="audit-purpose">Case {e.caseNumber}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
