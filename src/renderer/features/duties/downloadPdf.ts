/** Hands a PDF made in main to the browser's download, under the name main gave it. */
export function downloadPdf(file: { fileName: string; pdfBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.pdfBase64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next turn; the URL would otherwise hold the bytes for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
