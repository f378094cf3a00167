import { describe, expect, it } from 'vitest';
import { emptyReport } from '../src/report';
import { importHtml, importText } from '../src/import';
import { documentDate, REPORT_CSS, renderHtml, renderTablesText, renderText, signOffIndents, signOffOf } from '../src/render';

function sample() {
  const r = emptyReport('2019', 2020, '某县教育体育局');
  r.sections.overview = '概述<script>alert("x")</script> & 更多';
  r.sections.problems = '问题。';
  r.cells['t3.new.natural'] = 12;
  r.cells['t2.procurement.amount'] = 3.25;
  return r;
}

describe('renderText', () => {
  it('prints the title, the template headings in order and the tables', () => {
    const text = renderText(sample());
    const order = [
      '某县教育体育局2020年政府信息公开工作年度报告',
      '一、总体情况',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '三、收到和处理政府信息公开申请情况',
      '申请人情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('一、本年新收政府信息公开申请数量\t\t\t12\t\t');
    expect(text).toContain('采购总金额（万元）');
    expect(text).toContain('政府集中采购\t\t3.25');
  });

  it('renders blank cells empty, not 0', () => {
    const tables = renderTablesText(emptyReport('2021', 2022, '某局'));
    expect(tables).not.toMatch(/\t0(\t|$)/m);
    expect(tables).toContain('本年收费金额（单位：万元）');
  });
});

describe('renderHtml', () => {
  it('escapes every text: a narrative with <script> renders inert', () => {
    const html = renderHtml(sample());
    expect(html).not.toContain('<script>');
    expect(html).toContain('概述&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 更多');
  });

  it('draws the grouped headers with spans as the template does', () => {
    const html = renderHtml(sample());
    expect(html).toContain('<th colspan="7">申请人情况</th>');
    expect(html).toContain('<th colspan="5">法人或其他组织</th>');
    expect(html).toMatch(/<th rowspan="\d+">三、本年度办理结果<\/th>/);
    expect(html).toContain('<th rowspan="8">（三）不予公开</th>');
    expect(html).toContain('<th colspan="10">行政诉讼</th>');
    expect(html).toContain('<th colspan="5">未经复议直接起诉</th>');
    expect(html).toContain('<th colspan="5">复议后起诉</th>');
    expect(html).toContain('<td class="value">12</td>');
    expect(html).toContain('<td class="value"></td>');
  });

  it('gives a full printable document when standalone', () => {
    const doc = renderHtml(sample(), { standalone: true });
    expect(doc.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc).toContain('<html lang="zh-CN">');
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toMatch(/font-family:[^;]*仿宋[^;]*宋体/);
    expect(doc).toContain('@media print');
    expect(renderHtml(sample())).not.toContain('<html');
  });

  it('indents each narrative paragraph by two characters, except lines the writer already indented', () => {
    const r = sample();
    r.sections.overview = '第一段。\n\u3000\u3000第二段已缩进。\n\n第三段。';
    const html = renderHtml(r);
    expect(html).toContain('<p style="white-space: pre-wrap">第一段。</p>');
    expect(html).toContain('<p class="indented" style="white-space: pre-wrap">\u3000\u3000第二段已缩进。</p>');
    expect(REPORT_CSS).toMatch(/\.narrative p \{[^}]*text-indent: 2em/);
    expect(REPORT_CSS).toMatch(/\.narrative p\.indented \{ text-indent: 0; \}/);
  });

  it('ends with the 落款: the agency and the date as documents write it', () => {
    const html = renderHtml(sample(), { date: '2024-01-05' });
    expect(html).toContain('<div class="signoff"><p class="signoff-agency">某县教育体育局</p><p class="signoff-date">2024年1月5日</p></div>');
    expect(html.indexOf('class="signoff"')).toBeGreaterThan(html.indexOf('六、其他需要报告的事项'));
    // an instant is taken in China time: 2024-01-31 20:00 UTC is 1 February in 盐池
    expect(documentDate(new Date('2024-01-31T20:00:00Z'))).toBe('2024年2月1日');
    expect(renderHtml(sample())).toContain('<div class="signoff"><p class="signoff-agency">某县教育体育局</p></div>');
  });

  it('puts every table in a box that scrolls on a narrow screen and can be focused', () => {
    const html = renderHtml(sample());
    const boxes = html.match(/<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]+">\n<table/g) ?? [];
    expect(boxes.length).toBe((html.match(/<table/g) ?? []).length);
    const labels = [...html.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('the 落款', () => {
  it('places the name two characters from the margin and the date two characters right of its start', () => {
    // name 10 characters, date "2024年1月5日" = 3 + 6 × 0.5 = 6: the name is the longer line
    expect(signOffIndents(signOffOf('盐池县文化旅游广电局', '2024-01-05'))).toEqual({ agency: 2, date: 4 });
    // a short name: the date (7 characters) keeps two from the margin, the name starts two before it
    expect(signOffIndents(signOffOf('某镇', '2024-12-25'))).toEqual({ agency: 9, date: 2 });
  });

  it('is not read back into section 六 by the importer, from HTML or from text', () => {
    const r = sample();
    r.sections.other = '无。';
    expect(importHtml(renderHtml(r, { date: '2024-01-20' })).report.sections.other).toBe('无。');
    const text = `${renderText(r)}\n某县教育体育局\n2024年1月20日\n`;
    expect(importText(text).report.sections.other).toBe('无。');
    // a last line that is neither the agency nor a date stays
    expect(importText(`${renderText(r)}\n特此报告。\n`).report.sections.other).toBe('无。\n\n特此报告。');
  });
});
