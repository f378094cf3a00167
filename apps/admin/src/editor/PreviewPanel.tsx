/**
 * The report as it will be published, in the official layout: the domain's renderHtml (the same HTML
 * the API publishes), shown in a sandboxed iframe so no report text can run or style the console.
 */
import { useMemo } from 'react';
import { renderHtml } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';

export function PreviewPanel({ content, title }: { content: ReportContent; title: string }) {
  const html = useMemo(() => renderHtml(content, { standalone: true }), [content]);
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
