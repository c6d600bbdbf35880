import { downloadPdfFile } from './downloadFile';
import type { Result } from './api';

interface Pdf {
  fileName: string;
  pdfBase64: string;
  sha256: string;
}

/**
 * Hands a PDF main made (a report, a notice, a decision letter) to the browser's download,
 * named as main named it, and answers its name and hash for the screen to say.
 */
export async function downloadPdf(
  make: () => Promise<Result<Pdf>>,
): Promise<Result<{ fileName: string; sha256: string }>> {
  const r = await make();
  if (!r.ok) return r;
  downloadPdfFile(r.value);
  return { ok: true, value: { fileName: r.value.fileName, sha256: r.value.sha256 } };
}
