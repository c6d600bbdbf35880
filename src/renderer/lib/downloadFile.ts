/**
 * Hands bytes or text to the browser's download under the given name (a PDF or CSV
 * made in main, a camera file). In Electron the shell lets only such blob downloads
 * of the app's page through, to where the person chooses.
 */
export function downloadFile(data: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next turn; the URL would otherwise hold the bytes for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A PDF main sent as base64, downloaded as a file. */
export function downloadPdfFile(file: { fileName: string; pdfBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.pdfBase64), (ch) => ch.charCodeAt(0));
  downloadFile(bytes, 'application/pdf', file.fileName);
}
