/** How an imported report and its validation are shown on the terminal, in Chinese. */
import { getFormat, renderTablesText, validateImport, type ImportResult, type RuleResult, type ValidationResult } from '@touming/domain';

/** the report's rules plus, as errors, every value the importer could not place */
export function validationOf(result: ImportResult): ValidationResult {
  return validateImport(result);
}

function list(title: string, items: string[]): string[] {
  return items.length ? [title, ...items.map((i) => `  ${i}`), ''] : [];
}

const rule = (mark: string) => (r: RuleResult) => `${mark} ${r.message}`;

export function describeImport(file: string, result: ImportResult, validation: ValidationResult): string {
  const format = getFormat(result.detectedFormat);
  const lines = [
    `文件：${file}`,
    `格式：${format.name}（${format.notice}）`,
    `年度：${result.detectedYear ?? '未识别'}`,
    `机关：${result.agency || '未识别'}`,
    '',
    renderTablesText(result.report),
    '',
    ...list(
      `未能放入表格的内容（${result.unplaced.length} 项）：`,
      result.unplaced.map((u) => `${u.line ? `第${u.line}行 ` : ''}“${u.text}”：${u.reason}`),
    ),
    ...list('导入说明：', result.notes.map((n) => `- ${n}`)),
    `校验结果：错误 ${validation.errors.length} 项，警告 ${validation.warnings.length} 项，无法判断 ${validation.notAssessable.length} 项`,
    ...list('错误：', validation.errors.map(rule('✗'))),
    ...list('警告：', validation.warnings.map(rule('!'))),
    ...list('无法判断：', validation.notAssessable.map(rule('?'))),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
