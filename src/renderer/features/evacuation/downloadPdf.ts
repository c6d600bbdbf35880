import { call } from '../../lib/api';
import type { Result } from '../../lib/api';

/** Asks main for the after-action report (made there, so both shells give the same file) and downloads it. */
export async function downloadAfterAction(id: string): Promise<Result<{ fileName: string }>> {
  const r = await call('evacuations.exportPdf', { id });
  if (!r.ok) return r;
  const bytes = Uint8Array.from(atob(r.value.pdfBase64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = r.value.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its copy by the next turn; the URL would otherwise hold the bytes for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
  return { ok: true, value: { fileName: r.value.fileName } };
}
