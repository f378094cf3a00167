import type { FormatId } from '@touming/domain/formats';
import { authorize } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { withTransaction } from '../../db/transaction';
import type { Report } from '../reports/report.entity';
import { findReportOf } from '../reports/report.repository';
import { ReportService } from '../reports/report.service';
import { loadWorkbook, readTablesFromWorkbook, XlsxFileError } from './xlsx-import';
import { Injectable } from '../../common/injectable';

/** 10 MB of XLSX is far more than three tables need */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Fills a report's tables from an XLSX in the official layout (creating the report if the agency has
 * none for the year), through the reports service's update: same permissions, audit and concurrency.
 * Any deviation of the spreadsheet refuses the whole import with the sheet and cell named.
 */
@Injectable()
export class XlsxImportService {
  constructor(private readonly reportService: ReportService) {}

  async importTables(ctx: RequestContext, agencyId: string, year: number, base64: string): Promise<Report> {
    // permission before the file is decoded and parsed: nobody without it makes the server read 10 MB
    await authorize(ctx, 'report.import', { agencyId, targetType: 'Report' });
    const data = Buffer.from(base64, 'base64');
    if (data.length === 0) throw badInput('文件为空', { field: 'base64' });
    if (data.length > MAX_BYTES) throw badInput('文件过大（最大 10 MB）', { field: 'base64' });
    let workbook;
    try {
      workbook = await loadWorkbook(data);
    } catch (error) {
      if (error instanceof XlsxFileError) throw badInput(error.message, { field: 'base64' });
      throw error;
    }
    return withTransaction(ctx, async (tx) => {
      const existing = await findReportOf(tx.manager, agencyId, year);
      const report = existing ?? (await this.reportService.create(tx, agencyId, year));
      const result = readTablesFromWorkbook(workbook, report.format as FormatId);
      if (result.issues.length > 0) {
        const more = result.issues.length > 1 ? `（另有 ${result.issues.length - 1} 处问题）` : '';
        throw badInput(`${result.issues[0].message}${more}`, { issues: result.issues });
      }
      const cells = Object.entries(result.cells).map(([key, value]) => ({ key, value }));
      return this.reportService.update(tx, report.id, report.revision, { cells });
    });
  }
}
