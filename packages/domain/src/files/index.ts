/**
 * The library of published files: what a published report file may be (PDF, Word, a web page, text),
 * how big, how its kind is told from its first bytes (never from the name alone), and what became of
 * importing it. The API stores the files; these are the rules it applies.
 */
import type { ImportResult } from '../import';

export type PublishedFileKind = 'pdf' | 'docx' | 'html' | 'text';

export const PUBLISHED_FILE_KIND_LABELS: Record<PublishedFileKind, string> = {
  pdf: 'PDF 文档',
  docx: 'Word 文档（DOCX）',
  html: '网页（HTML）',
  text: '纯文本',
};

export const PUBLISHED_FILE_LIMITS = {
  /** a published report is a few hundred KB; scanned PDFs a few MB */
  maxBytes: 20 * 1024 * 1024,
  fileNameMax: 200,
  sourceUrlMax: 2000,
} as const;

/** what became of importing a file */
export type FileImportStatus = 'clean' | 'notes' | 'unplaced' | 'failed' | 'unsupported';

export const FILE_IMPORT_STATUS_LABELS: Record<FileImportStatus, string> = {
  clean: '已识别，无需说明',
  notes: '已识别，有导入说明',
  unplaced: '已识别，有未能放入表格的内容',
  failed: '无法识别为年度报告',
  unsupported: '暂不能读取此类文件',
};

/** the status of a successful parse: unplaced content outweighs notes */
export function importStatusOf(result: Pick<ImportResult, 'unplaced' | 'notes'>): FileImportStatus {
  if (result.unplaced.length > 0) return 'unplaced';
  if (result.notes.length > 0) return 'notes';
  return 'clean';
}

const startsWith = (bytes: Uint8Array, ascii: string) => ascii.split('').every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * The kind of a published file from its first bytes and its name, or a Chinese reason it is refused.
 * PDF and DOCX are recognised by their signatures (a .docx is a zip); a zip that is not named .docx is
 * refused rather than guessed at; text is HTML when named so or when it starts like a web page.
 */
export function publishedFileKind(fileName: string, head: Uint8Array): { kind: PublishedFileKind } | { refused: string } {
  const name = fileName.toLowerCase();
  if (startsWith(head, '%PDF-')) return { kind: 'pdf' };
  if (startsWith(head, 'PK\u0003\u0004')) {
    return name.endsWith('.docx') ? { kind: 'docx' } : { refused: '这是一个压缩文件，只接受 .docx 格式的 Word 文档' };
  }
  if (startsWith(head, '\u00d0\u00cf\u0011\u00e0')) return { refused: '这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后上传' };
  if (head.subarray(0, 8192).includes(0)) return { refused: '无法识别的二进制文件：请上传 PDF、DOCX、HTML 或文本格式的报告' };
  // the markup that tells a web page is ASCII: read the first bytes one per character, past a UTF-8 BOM
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const text = String.fromCharCode(...head.subarray(start, start + 512)).trimStart().toLowerCase();
  if (name.endsWith('.html') || name.endsWith('.htm') || /^<(?:!doctype html|html|head|body|meta|table|div|p)\b/.test(text)) return { kind: 'html' };
  return { kind: 'text' };
}

/** a source address worth keeping: http(s) and not absurdly long; null when empty */
export function sourceUrlProblem(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.length > PUBLISHED_FILE_LIMITS.sourceUrlMax) return `来源网址过长（最多${PUBLISHED_FILE_LIMITS.sourceUrlMax}个字符）`;
  if (!/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(url)) return '来源网址应以 http:// 或 https:// 开头';
  return null;
}

export function fileNameProblem(fileName: string): string | null {
  if (!fileName.trim()) return '缺少文件名';
  if (fileName.length > PUBLISHED_FILE_LIMITS.fileNameMax) return `文件名过长（最多${PUBLISHED_FILE_LIMITS.fileNameMax}个字符）`;
  if (/[\u0000-\u001f/\\]/.test(fileName)) return '文件名含有不允许的字符';
  return null;
}
