/**
 * The library's bytes over plain HTTP (Bearer token):
 *   POST /files?agencyId=…&fileName=…[&year=…][&sourceUrl=…]   the file as the request body (any
 *        Content-Type; at most 20 MB): 201 { file, duplicate: false }, or 200 { file, duplicate: true }
 *        when the library already holds the same bytes
 *   GET  /files/:id                                              the file as uploaded
 * Failures answer JSON { error } in Chinese with the status of their error code.
 */
import { httpStatusOf } from '@touming/domain/contract';
import { PUBLISHED_FILE_KIND_LABELS, PUBLISHED_FILE_LIMITS } from '@touming/domain/files';
import express, { type Express, type Request, type Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { Api } from '../../app';
import { errorCode } from '../../common/errors';
import type { PublishedFile } from './published-file.entity';
import { PublishedFileService } from './published-file.service';

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/plain; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

const fileJson = (f: PublishedFile) => ({
  id: f.id,
  sha256: f.sha256,
  byteSize: f.byteSize,
  kind: f.kind,
  kindLabel: PUBLISHED_FILE_KIND_LABELS[f.kind as keyof typeof PUBLISHED_FILE_KIND_LABELS],
  fileName: f.fileName,
  agencyId: f.agencyId,
  year: f.year,
  sourceUrl: f.sourceUrl,
  importStatus: f.importStatus,
  importMessage: f.importMessage,
  reportId: f.reportId,
});

export function mountFiles(app: Express, api: Api): void {
  const files = api.container.get(PublishedFileService);
  const fail = (res: Response, status: number, message: string) => res.status(status).json({ error: message });
  const guarded = (handler: (req: Request, res: Response) => Promise<unknown>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      const status = httpStatusOf(errorCode(error));
      if (status && status !== 500) fail(res, status, (error as GraphQLError).message);
      else fail(res, 500, '服务器内部错误');
    }
  };
  const query = (req: Request, key: string) => (typeof req.query[key] === 'string' ? (req.query[key] as string) : null);

  app.post(
    '/files',
    // the body is the file, whatever type the browser gives it; the kind is read from its bytes
    express.raw({ type: () => true, limit: PUBLISHED_FILE_LIMITS.maxBytes }),
    guarded(async (req, res) => {
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip, requestId: res.locals.requestId as string | undefined });
      const year = query(req, 'year');
      const { file, duplicate } = await files.upload(ctx, {
        fileName: query(req, 'fileName') ?? '',
        agencyId: query(req, 'agencyId') ?? '',
        year: year ? Number(year) : null,
        sourceUrl: query(req, 'sourceUrl'),
        bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      });
      res.status(duplicate ? 200 : 201).json({ file: fileJson(file), duplicate });
    }),
  );

  // a body over the limit is refused by the parser before the handler: say which limit
  app.use('/files', (error: { type?: string }, _req: Request, res: Response, next: express.NextFunction) => {
    if (error?.type === 'entity.too.large') fail(res, 413, `文件过大（最大 ${PUBLISHED_FILE_LIMITS.maxBytes / 1024 / 1024} MB）`);
    else next(error);
  });

  app.get(
    '/files/:id',
    guarded(async (req, res) => {
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip });
      const { file, bytes } = await files.bytes(ctx, String(req.params.id));
      res.setHeader('Content-Type', MEDIA_TYPES[file.kind] ?? 'application/octet-stream');
      // a stored web page is served as text to download, never rendered as this site
      res.setHeader('Content-Disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(bytes);
    }),
  );
}
