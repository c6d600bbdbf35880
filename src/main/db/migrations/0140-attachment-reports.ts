import type { Migration } from './index';

/**
 * The reports an attachment is on: a clip or poster played from the media path is
 * audited against each report it belongs to, so "who has seen this report" lists
 * clip views too. An index on the attachment keeps that lookup off a scan of every
 * report's attachments.
 */
const attachmentReports: Migration = {
  version: 140,
  name: 'attachment-reports',
  up: /* sql */ `
    CREATE INDEX incident_attachments_by_attachment ON incident_attachments(attachment_id, vid);
  `,
};

export default attachmentReports;
