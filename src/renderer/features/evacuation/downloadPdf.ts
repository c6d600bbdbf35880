import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import { downloadPdfFile } from '../../lib/downloadFile';
import type { DisclosureInput } from '../../../shared/contract/disclosure';

/** Asks main for the after-action report (made there, so both shells give the same file) and downloads it. */
export async function downloadAfterAction(
  id: string,
  disclose: DisclosureInput,
): Promise<Result<{ fileName: string }>> {
  const r = await call('evacuations.exportPdf', { id, disclose });
  if (!r.ok) return r;
  downloadPdfFile(r.value);
  return { ok: true, value: { fileName: r.value.fileName } };
}
