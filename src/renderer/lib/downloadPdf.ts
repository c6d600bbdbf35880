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
  const bytes = Uint8Array.from(atob(r.value.pdfBase64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = r.value.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next turn; the URL would otherwise hold the bytes for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
  return { ok: true, value: { fileName: r.value.fileName, sha256: r.value.sha256 } };
}
