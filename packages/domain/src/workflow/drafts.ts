/**
 * What may happen to a report as a whole outside 三级联签: replacing it by an import, deleting it.
 * Both only while it is a draft — a signed report is changed by editing (which voids the signatures
 * visibly), a published one only through a correction.
 */
import type { ReportStatus } from './states';
import type { WorkflowErrorCode } from './types';

export type DraftCheck = { ok: true } | { ok: false; code: WorkflowErrorCode; message: string };

const refuse = (message: string): DraftCheck => ({ ok: false, code: 'CONFLICT', message });

export interface ImportOverInput {
  /** the existing report of the agency and year */
  status: ReportStatus;
  format: string;
  year: number;
  /** the format of the imported content */
  importedFormat: string;
}

/** an import may replace an existing report only while it is a draft of the same format */
export function checkImportOver({ status, format, year, importedFormat }: ImportOverInput): DraftCheck {
  if (status !== 'DRAFT') return refuse(`该单位${year}年度的报告已存在且不是草稿，不能用导入覆盖`);
  if (format !== importedFormat) {
    return refuse(`已有的${year}年度草稿使用 ${format} 格式，导入内容是 ${importedFormat} 格式；请先删除草稿`);
  }
  return { ok: true };
}

/** may an import replace a report in this state at all (the console's 导入 button)? */
export function canImportOver(status: ReportStatus): boolean {
  return status === 'DRAFT';
}

export interface DeleteInput {
  status: ReportStatus;
  /** the report has published revisions: it is a correction draft, and they are the public record */
  publishedBefore: boolean;
}

/** only a draft that was never published may be deleted (its whole content goes to the trail) */
export function checkDelete({ status, publishedBefore }: DeleteInput): DraftCheck {
  if (status !== 'DRAFT') return refuse('只能删除草稿状态的报告');
  if (publishedBefore) return refuse('该报告已公开过，不能删除；更正草稿可继续修改后重新公开');
  return { ok: true };
}
