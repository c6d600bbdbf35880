import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../lib/useQuery';
import { AuditTable } from '../settings/audit/AuditTable';

/**
 * "Who has seen this": every audited read of one record (a person, a report, a
 * ban), newest first, for administrators. One click from the record itself.
 */
export function WhoHasSeen({ recordId, what, isAdmin }: { recordId: string; what: string; isAdmin: boolean }) {
  const [open, setOpen] = useState(false);
  if (!isAdmin) return null;
  return (
    <>
      <Button small onClick={() => setOpen(true)}>
        Who has seen this
      </Button>
      {open && <ReadsDialog recordId={recordId} what={what} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReadsDialog({ recordId, what, onClose }: { recordId: string; what: string; onClose: () => void }) {
  const reads = useQuery('audit.list', { recordId, action: 'read', limit: 500 });
  return (
    <Dialog
      title={`Who has seen ${what}`}
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <ErrorNotice error={reads.error} />
      {reads.loading && <p className="muted">Reading the audit log…</p>}
      {reads.value && reads.value.entries.length === 0 && (
        <EmptyState title="Nobody has opened it yet">
          <p>Every read of a patron record is written to the audit log; none is there for this one.</p>
        </EmptyState>
      )}
      {reads.value && reads.value.entries.length > 0 && (
        <>
          <p className="muted">
            {reads.value.entries.length}
            {reads.value.more ? '+' : ''} {reads.value.entries.length === 1 ? 'read' : 'reads'}, newest first. Settings
            → Audit log filters and exports them.
          </p>
          <AuditTable entries={reads.value.entries} />
        </>
      )}
    </Dialog>
  );
}
