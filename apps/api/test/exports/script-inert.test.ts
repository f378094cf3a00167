/**
 * Narrative text is data, never markup: `<script>` and event-handler attributes typed into a section
 * are kept as typed and come out escaped in the HTML export and as plain text in the DOCX.
 */
import { renderHtml } from '@touming/domain/render';
import { emptyReport } from '@touming/domain/report';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/modules/exports/report-docx';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "引号" \'单引号\'';

function reportWithHostileText() {
  const report = emptyReport('2021', 2025, '测试单位');
  report.sections = { ...report.sections, overview: HOSTILE, problems: HOSTILE, other: HOSTILE };
  return report;
}

describe('hostile narrative text in the exports', () => {
  it('the HTML export escapes it: no script element, no live attribute', () => {
    const html = renderHtml(reportWithHostileText(), { standalone: true });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).toContain('&lt;script&gt;alert(');
  });

  it('the DOCX carries it as escaped text in word/document.xml', async () => {
    const zip = await JSZip.loadAsync(await reportDocx(reportWithHostileText()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;script&gt;alert(');
  });
});
