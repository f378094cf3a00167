import { FILE_IMPORT_STATUS_LABELS, PUBLISHED_FILE_KIND_LABELS, type FileImportStatus, type PublishedFileKind } from '@touming/domain/files';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { Agency } from '../agencies/agency.entity';
import { ImportResult } from '../reports/report.types';
import { PublishedFile } from './published-file.entity';
import { PublishedFileService } from './published-file.service';
import { PublishedFileFilterInput, PublishedFileList } from './published-file.types';

/** files are uploaded over HTTP (POST /files, see files.routes.ts): bytes do not belong in GraphQL */
@Resolver(() => PublishedFile)
export class PublishedFileResolver {
  constructor(private readonly files: PublishedFileService) {}

  @Authorized()
  @Query(() => PublishedFileList, { description: '公开文件库：本单位（县政务公开办为全部单位）上传的已公开报告文件' })
  publishedFiles(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => PublishedFileFilterInput, { nullable: true }) filter?: PublishedFileFilterInput | null,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions | null,
  ) {
    return this.files.list(ctx, filter, options);
  }

  @Authorized()
  @Query(() => PublishedFile, { nullable: true })
  publishedFile(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.files.get(ctx, id);
  }

  @Authorized()
  @Mutation(() => ImportResult, { description: '把文件库中的文件导入该单位该年度的报告（草稿会被替换），并记下报告由此文件导入' })
  importPublishedFile(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('year', () => Int, { nullable: true }) year?: number | null) {
    return this.files.importIntoReport(ctx, id, year);
  }

  @FieldResolver(() => String, { description: '文件类型（中文）' })
  kindLabel(@Root() file: PublishedFile): string {
    return PUBLISHED_FILE_KIND_LABELS[file.kind as PublishedFileKind] ?? file.kind;
  }

  @FieldResolver(() => String, { description: '识别结果（中文）' })
  importStatusLabel(@Root() file: PublishedFile): string {
    return FILE_IMPORT_STATUS_LABELS[file.importStatus as FileImportStatus] ?? file.importStatus;
  }

  @FieldResolver(() => Agency)
  async agency(@Root() file: PublishedFile, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await ctx.loaders.agency.load(file.agencyId))!;
  }
}
