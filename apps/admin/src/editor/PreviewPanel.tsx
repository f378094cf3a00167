/**
 * The report as it will be published, in the official layout: the domain's renderHtml (the same HTML
 * the API publishes), shown in a sandboxed iframe so no report text can run or style the console.
 */
import { useMemo } from 'react';
import { dateInChina, renderHtml } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';

export function PreviewPanel({ content, title }: { content: ReportContent; title: string }) {
  // the 落款 carries today's date, as the downloads of the report as it stands do
  const html = useMemo(() => renderHtml(content, { standalone: true, date: dateInChina(new Date()) }), [content]);
  return (
    <iframe
      title={title}
      srcDoc={html}
      sandbox=""
      data-testid="report-preview"
      style={{ width: '100%', height: '70vh', border: '1px solid #ddd', background: '#fff' }}
    />
  );
}
