import { describe, expect, it } from 'vitest';
import { emptyReport } from '../src/report';
import { renderHtml, renderTablesText, renderText } from '../src/render';

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
});
