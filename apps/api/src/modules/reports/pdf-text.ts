/**
 * The I/O side of PDF import: bytes → the text items of every page with their positions (pdf.js, the
 * maintained PDF reader of the Mozilla project, legacy build for Node). Placing them into a report is
 * the domain's (importPositioned). Limits keep one upload from occupying the server: size, pages and
 * time; each refusal is a Chinese message the caller turns into BAD_USER_INPUT.
 */
import { dirname, join } from 'node:path';
import type { PositionedPage } from '@touming/domain/import';

export class PdfReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfReadError';
  }
}

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  timeoutMs: number;
}

/** an annual report is 5–15 pages and well under 5 MB; these bounds leave room for scanned appendices */
export const PDF_LIMITS: PdfLimits = {
  maxBytes: Number(process.env.PDF_IMPORT_MAX_BYTES) || 20 * 1024 * 1024,
  maxPages: Number(process.env.PDF_IMPORT_MAX_PAGES) || 60,
  timeoutMs: Number(process.env.PDF_IMPORT_TIMEOUT_MS) || 20_000,
};

export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function assetDir(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

export async function readPdfPages(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PositionedPage[]> {
  if (bytes.length === 0) throw new PdfReadError('文件为空');
  if (bytes.length > limits.maxBytes) throw new PdfReadError(`PDF 文件过大（最大 ${Math.round(limits.maxBytes / 1024 / 1024)} MB）`);
  if (!looksLikePdf(bytes)) throw new PdfReadError('不是 PDF 文件');
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given
    data: new Uint8Array(bytes),
    cMapUrl: join(assetDir(), 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(assetDir(), 'standard_fonts') + '/',
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfReadError(`读取 PDF 超时（${Math.round(limits.timeoutMs / 1000)} 秒），文件可能过于复杂`)), limits.timeoutMs);
  });
  try {
    return await Promise.race([
      (async () => {
        let doc;
        try {
          doc = await task.promise;
        } catch (error) {
          const name = (error as { name?: string }).name;
          if (name === 'PasswordException') throw new PdfReadError('PDF 有密码保护，无法读取');
          throw new PdfReadError('PDF 文件已损坏或无法解析');
        }
        if (doc.numPages > limits.maxPages) throw new PdfReadError(`PDF 页数过多（${doc.numPages} 页，最多 ${limits.maxPages} 页）`);
        const pages: PositionedPage[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1 });
          const content = await page.getTextContent();
          const items = [];
          for (const item of content.items) {
            if (!('str' in item) || item.str.trim() === '') continue;
            const [a, b, , d, e, f] = item.transform as number[];
            const size = Math.hypot(b, d) || Math.abs(a) || item.height;
            // upright text only: rotated watermarks and stamps are not report text
            if (Math.abs(b) > 0.01 * Math.abs(a)) continue;
            items.push({ text: item.str, x: e - viewport.viewBox[0], y: viewport.viewBox[3] - f, width: item.width, height: size });
          }
          pages.push({ width: viewport.width, height: viewport.height, items });
          page.cleanup();
        }
        return pages;
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}
