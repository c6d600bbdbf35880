import { downloadPdfFile } from '../../lib/downloadFile';

/** Hands a PDF made in main to the browser's download, under the name main gave it. */
export const downloadPdf = (file: { fileName: string; pdfBase64: string }): void => downloadPdfFile(file);
