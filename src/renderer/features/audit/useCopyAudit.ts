import { useEffect } from 'react';
import { call } from '../../lib/api';

const KINDS = ['person', 'incident', 'ban'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Text copied out of a patron record (a person, a report, a ban) leaves the desk as
 * surely as a printout: each copy is noted in the audit log, with the record and how
 * much was copied. Views mark their record with data-audit-kind and data-audit-record.
 */
export function useCopyAudit(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onCopy = () => {
      const selection = document.getSelection();
      const text = selection?.toString() ?? '';
      const node = selection?.anchorNode;
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      const record = element?.closest<HTMLElement>('[data-audit-record]');
      const kind = record?.dataset.auditKind as Kind | undefined;
      const id = record?.dataset.auditRecord;
      if (!text || !id || !kind || !KINDS.includes(kind)) return;
      void call('audit.copied', { recordKind: kind, recordId: id, chars: text.length });
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, [enabled]);
}
