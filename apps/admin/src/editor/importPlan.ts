/**
 * What a paste-import would do to this report, worked out before anything is sent: the API replaces the
 * report's whole content with the imported one (cells the source lacks become blank, sections it lacks
 * become empty), so the preview lists exactly the cells and texts that would change, names the existing
 * content that would be lost, and says when the source is another year's report. The domain decides
 * whether an import may go over this report at all (checkImportOver: a draft, the same format).
 */
import { cellDefinition, getFormat, NARRATIVE_KEYS, type NarrativeKey } from '@touming/domain/formats';
import type { ImportResult } from '@touming/domain/import';
import type { CellValue } from '@touming/domain/report';
import { checkImportOver } from '@touming/domain/workflow';
import type { Report } from '../providers/types';
import { cellMap, formatIdOf, sectionMap, sectionTitle } from './draft';

export interface CellChangePlan {
  key: string;
  label: string;
  before: CellValue;
  after: CellValue;
}

export interface SectionChangePlan {
  key: NarrativeKey;
  title: string;
  /** characters (without whitespace) of the imported text; 0 when the section becomes empty */
  chars: number;
  /** there was text, and it is replaced or cleared */
  replaces: boolean;
}

export interface ImportPlan {
  cells: CellChangePlan[];
  sections: SectionChangePlan[];
  /** existing content the import would overwrite: section titles, and per table the cells that had a value */
  replaced: { sections: string[]; tables: { title: string; count: number }[] };
  /** the source is a report of another year than this one (or names none) */
  otherYear: boolean;
  /** why the import cannot go over this report (another format, not a draft), in Chinese; null if it can */
  blocked: string | null;
  /** overwriting existing content or taking another year's report needs an explicit confirmation */
  needsConfirmation: boolean;
}

export function planImport(report: Report, parsed: ImportResult): ImportPlan {
  const format = formatIdOf(report);
  const check = checkImportOver({ status: report.status, format, year: report.year, importedFormat: parsed.report.format });
  const currentCells = cellMap(report.cells);
  const currentTexts = sectionMap(report.sections);
  const cells: CellChangePlan[] = [];
  const tables = new Map<string, number>();
  if (check.ok) {
    for (const def of getFormat(format).cells) {
      const before = currentCells[def.key] ?? null;
      const after = parsed.report.cells[def.key] ?? null;
      if (before === after) continue;
      cells.push({ key: def.key, label: cellDefinition(format, def.key)?.label ?? def.key, before, after });
      if (before !== null) tables.set(def.table, (tables.get(def.table) ?? 0) + 1);
    }
  }
  const sections: SectionChangePlan[] = [];
  for (const key of NARRATIVE_KEYS) {
    const before = currentTexts[key] ?? '';
    const after = parsed.report.sections[key] ?? '';
    if (before === after) continue;
    sections.push({ key, title: sectionTitle(key), chars: after.replace(/\s/g, '').length, replaces: before.trim() !== '' });
  }
  const replaced = {
    sections: sections.filter((s) => s.replaces).map((s) => s.title),
    tables: [...tables].map(([table, count]) => ({ title: sectionTitle(table), count })),
  };
  const otherYear = parsed.detectedYear !== report.year;
  return {
    cells,
    sections: check.ok ? sections : [],
    replaced: check.ok ? replaced : { sections: [], tables: [] },
    otherYear,
    blocked: check.ok ? null : check.message,
    needsConfirmation: check.ok && (otherYear || replaced.sections.length > 0 || replaced.tables.length > 0),
  };
}
