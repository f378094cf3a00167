import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { XlsxImportService } from './xlsx-import.service';

@Resolver()
export class XlsxImportResolver {
  constructor(private readonly xlsxImport: XlsxImportService) {}

  @Authorized()
  @Mutation(() => Report, { description: '从官方格式的 XLSX 表格导入表二至表四（base64）；格式不符时指明工作表和单元格' })
  importReportXlsx(
    @Ctx() ctx: RequestContext,
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('year', () => Int) year: number,
    @Arg('base64') base64: string,
  ) {
    return this.xlsxImport.importTables(ctx, agencyId, year, base64);
  }
}
