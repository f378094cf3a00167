import { cellDefinition, NARRATIVE_KEYS, type FormatId, type NarrativeKey } from '@touming/domain/formats';
import { cellValueProblem } from '@touming/domain/validation';
import { badInput } from '../../common/errors';
import type { CellInput, SectionInput } from './report.types';

/** decimal(18,4) holds up to 14 integer digits */
const MAX_MAGNITUDE = 1e14;
/** a section is a TEXT column: 65,535 bytes on MySQL, about 21,000 Chinese characters */
export const MAX_SECTION_BYTES = 65_535;

/**
 * Check one entered cell against the format's definition of it with the domain's own cell-kind rule
 * (the same sentence validation shows). Every refusal is BAD_USER_INPUT naming the key.
 */
export function checkCellInput(format: FormatId, cell: CellInput): void {
  const { key, value } = cell;
  const def = cellDefinition(format, key);
  if (!def) throw badInput(`未知的单元格：${key}（${format} 格式中没有此单元格）`, { key });
  if (value === null || value === undefined) return;
  const problem = cellValueProblem(def, value);
  if (problem) throw badInput(`${problem}（${key}）`, { key });
  // a storage limit, not a rule of the format: decimal(18,4) holds up to 14 integer digits
  if (Math.abs(value as number) >= MAX_MAGNITUDE) throw badInput(`${def.label}（${key}）：数值过大`, { key });
}

export function checkSectionInput(section: SectionInput): NarrativeKey {
  if (!(NARRATIVE_KEYS as string[]).includes(section.key)) {
    throw badInput(`未知的文字部分：${section.key}（可选 ${NARRATIVE_KEYS.join('、')}）`, { key: section.key });
  }
  if (Buffer.byteLength(section.text, 'utf8') > MAX_SECTION_BYTES) {
    throw badInput(`文字部分 ${section.key} 过长（最多约 2 万字）`, { key: section.key });
  }
  return section.key as NarrativeKey;
}

/** one value per key: the same key twice in one update is ambiguous */
export function checkNoDuplicates(keys: string[], what: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw badInput(`${what} ${key} 重复出现`, { key });
    seen.add(key);
  }
}
