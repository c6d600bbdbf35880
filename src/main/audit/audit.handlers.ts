import type { HandlerTable } from '../rpc/handler';
import type { StaffService } from '../staff/staff.service';
import type { AuditService } from './audit.service';

export const auditHandlers = (
  audit: AuditService,
  staff: StaffService,
): HandlerTable<
  'audit.list' | 'audit.exportCsv' | 'audit.copied' | 'audit.disclosures' | 'audit.exportDisclosures'
> => ({
  // Entries name whose record was read: browsing them is itself a read (one entry per page shown).
  'audit.list': (input, ctx) => {
    const page = audit.list(input, staff);
    audit.shown(
      ctx.staffId,
      'audit.list',
      'Browsed the audit log',
      page.entries.map((e) => e.id),
    );
    return page;
  },
  'audit.exportCsv': ({ disclose, ...filters }, ctx) => audit.exportCsv(filters, disclose, staff, ctx.staffId),
  // The log names patrons' records and who they went to: browsing it is a read like the audit log's.
  'audit.disclosures': (input, ctx) => {
    const page = audit.disclosures(input, staff);
    audit.shown(
      ctx.staffId,
      'audit.disclosures',
      'Browsed the disclosure log',
      page.entries.map((e) => e.id),
    );
    return page;
  },
  'audit.exportDisclosures': ({ disclose, ...filters }, ctx) =>
    audit.exportDisclosures(filters, disclose, staff, ctx.staffId),
  // The renderer says what was copied; the entry is the caller's own, like any read they make.
  'audit.copied': ({ recordKind, recordId, chars }, ctx) => {
    audit.record({
      staffId: ctx.staffId,
      action: 'copied',
      subject: recordKind,
      recordId,
      detail: `${chars.toLocaleString('en-US')} characters copied to the clipboard`,
    });
    return {};
  },
});
