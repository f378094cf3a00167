import { cellDefinition, NARRATIVE_KEYS, type FormatId, type NarrativeKey } from '@touming/domain/formats';
import { decimalPlaces } from '@touming/domain/validation';
import { badInput } from '../../common/errors';
import type { CellInput, SectionInput } from './report.types';

/** decimal(18,4) holds up to 14 integer digits */
const MAX_MAGNITUDE = 1e14;
/** a section is a TEXT column: 65,535 bytes on MySQL, about 21,000 Chinese characters */
export const MAX_SECTION_BYTES = 65_535;

/**
 * Check one entered cell against the format's definition of it (kind, unit, decimals — all from
 * @touming/domain). Every refusal is BAD_USER_INPUT naming the key.
 */
export function checkCellInput(format: FormatId, cell: CellInput): void {
  const { key, value } = cell;
  const def = cellDefinition(format, key);
  if (!def) throw badInput(`未知的单元格：${key}（${format} 格式中没有此单元格）`, { key });
  if (value === null || value === undefined) return;
  const name = `${def.label}（${key}）`;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput(`${name} 必须是有限的数字`, { key });
  if (Math.abs(value) >= MAX_MAGNITUDE) throw badInput(`${name} 数值过大`, { key });
  switch (def.kind) {
    case 'count':
      if (!Number.isInteger(value) || value < 0) throw badInput(`${name} 必须是非负整数，收到 ${value}`, { key });
      break;
    case 'change':
      if (!Number.isInteger(value)) throw badInput(`${name} 必须是整数（可为负数），收到 ${value}`, { key });
      break;
    case 'amount': {
      if (value < 0) throw badInput(`${name} 不能为负数，收到 ${value}`, { key });
      const decimals = def.decimals ?? 4;
      if (decimalPlaces(value) > decimals) throw badInput(`${name} 最多 ${decimals} 位小数，收到 ${value}`, { key });
      break;
    }
  }
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
