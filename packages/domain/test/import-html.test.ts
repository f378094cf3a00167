import { describe, expect, it } from 'vitest';
import { importHtml, importReport } from '../src/import';

/** the way agencies publish: Word-exported markup, spans, &nbsp;, <o:p>, rowspan/colspan, text around */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><title>报告</title>
<style>p.MsoNormal{margin:0}</style></head><body>
<div class="nav">首页 &gt; 政务公开</div>
<p class=MsoNormal align=center><span style='font-size:22pt;font-family:宋体'>某某县卫生健康局<span lang=EN-US>2020</span>年政府信息公开<o:p></o:p></span></p>
<p class=MsoNormal align=center><span style='font-size:22pt'>工作年度报告</span></p>
<p class=MsoNormal><span style='font-family:黑体'>一、总体情况<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32pt'><span>&nbsp;&nbsp;2020年，我局认真贯彻
《条例》，公开信息<span lang=EN-US>1,024</span>条。<o:p></o:p></span></p>
<p class=MsoNormal><span>第二段。</span></p>
<p class=MsoNormal><span>二、主动公开政府信息情况</span></p>
<table class=MsoNormalTable border=1>
<tr><td colspan=4><p class=MsoNormal><b><span>第二十条第（一）项</span></b></p></td></tr>
<tr><td><p>信息内容</p></td><td><p>本年新<br>制作数量</p></td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
<tr><td><p><span>规章</span></p></td><td><p><span lang=EN-US>0<o:p></o:p></span></p></td><td>0</td><td>0</td></tr>
<tr><td>规范性文件</td><td>&nbsp;</td><td>3</td><td>12</td></tr>
<tr><td colspan=4>第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td><td>45</td><td>－2</td><td>1，306</td></tr>
<tr><td colspan=4>第二十条第（九）项</td></tr>
<tr><td>信息内容</td><td>采购项目数量</td><td colspan=2>采购总金额（元）</td></tr>
<tr><td>政府集中采购</td><td>2</td><td colspan=2>56,000</td></tr>
</table>
<p><span>三、收到和处理政府信息公开申请情况</span></p>
<table border=1>
<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>
<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
<tr><td rowspan=4>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>2</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>7.属于行政执法案卷</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td colspan=2>（七）总计</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>20</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border=1>
<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>
<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td><td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>五、存在的主要问题及改进情况</p>
<p>一是公开不够及时。</p><p>二是解读不够。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未收取信息处理费。</p>
<div class="footer">主办单位：某某县人民政府</div>
</body></html>`;

describe('importHtml on Word-exported markup', () => {
  const r = importHtml(WORD_HTML);

  it('reads year and agency from a title set on two paragraphs', () => {
    expect(r.detectedYear).toBe(2020);
    expect(r.agency).toBe('某某县卫生健康局');
    expect(r.detectedFormat).toBe('2019');
  });

  it('expands colspan/rowspan and reads the cells', () => {
    const c = r.report.cells;
    expect(c['t2.rules.made']).toBe(0);
    expect(c['t2.normativeDocs.made']).toBeNull();
    expect(c['t2.normativeDocs.totalPublished']).toBe(12);
    expect(c['t2.licensing.change']).toBe(-2);
    expect(c['t2.licensing.decisions']).toBe(1306);
    expect(c['t2.procurement.amount']).toBe(5.6);
    expect(c['t3.new.commercial']).toBe(1);
    expect(c['t3.granted.total']).toBe(3);
    expect(c['t3.withheld.stateSecret.natural']).toBeNull();
    expect(c['t3.withheld.stateSecret.total']).toBe(0);
    expect(c['t3.withheld.enforcementFile.natural']).toBe(1);
    expect(c['t3.total.total']).toBe(20); // inconsistent as published: kept
    expect(c['t4.reconsideration.upheld']).toBe(1);
    expect(c['t4.litigationAfterReconsideration.total']).toBe(0);
    expect(r.unplaced).toEqual([]);
    expect(r.notes.some((n) => n.includes('5.6万元'))).toBe(true);
  });

  it('takes paragraphs outside the tables as the narrative, white space collapsed', () => {
    expect(r.report.sections.overview).toBe('2020年，我局认真贯彻 《条例》，公开信息1,024条。\n第二段。');
    expect(r.report.sections.problems).toBe('一是公开不够及时。\n二是解读不够。');
    expect(r.report.sections.other).toBe('本年度未收取信息处理费。\n主办单位：某某县人民政府');
  });

  it('importReport prefers html over text', () => {
    expect(importReport({ html: WORD_HTML, text: 'x' }).agency).toBe('某某县卫生健康局');
  });
});
