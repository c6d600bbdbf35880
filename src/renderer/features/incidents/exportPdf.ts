import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import { downloadPdf } from '../../lib/downloadPdf';
import type { DisclosureInput } from '../../../shared/contract/disclosure';

/** The report as a PDF made in main (both shells give the same file), handed to the browser's download. */
export const downloadReportPdf = (
  id: string,
  disclose: DisclosureInput,
): Promise<Result<{ fileName: string; sha256: string }>> =>
  downloadPdf(() => call('incidents.exportPdf', { id, disclose }));
