import type { FormatId } from '../formats';
import type { ReportContent } from '../report';

/** something in the source the importer could not put into a cell or section — never dropped silently */
export interface UnplacedItem {
  /** 1-based line of the source text (for HTML: of the text the importer extracted from it) */
  line?: number;
  /** the source text (or the one value) that was not placed */
  text: string;
  /** why, in Chinese */
  reason: string;
}

export interface ImportResult {
  report: ReportContent;
  detectedFormat: FormatId;
  /** null when neither the title nor the text names a year (report.year is then 0) */
  detectedYear: number | null;
  agency: string;
  unplaced: UnplacedItem[];
  /** what the importer did that a reader should know (unit conversions, inferred cells, guesses), in Chinese */
  notes: string[];
}

/** a line of the source after HTML has been flattened to text: tables become tab-separated rows */
export interface SourceLine {
  no: number;
  text: string;
  /** a table row rebuilt whole from positions: a label without numbers is a row of blanks, not a label whose numbers follow */
  complete?: boolean;
}

/** thrown when the input has no recognisable report structure at all (no section heading, no table row) */
export class ReportImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportImportError';
  }
}
