/**
 * A comparison in words, for a terminal (text) and for download (standalone HTML, A4, the official
 * fonts): summary first, then the numbers, the carry-over, the narrative numbers and the sections.
 */
import { reportTitle } from '../report';
import type { CellComparison, ReportComparison } from './compare';
import { percentText, UNUSUAL_LABELS } from './compare';

export interface ComparisonOutline {
  title: string;
  /** "盐池县公安局 2024 年度报告（2021 年格式） → 2025 年度报告（2021 年格式）" */
  subtitle: string;
  summary: string[];
  /** table: 单元格 / 上年 / 本年 / 增减 / 变化率 / 说明 */
  cells: string[][];
  carryOver: string[];
  narrativeNumbers: string[];
  promises: string[];
  sections: { title: string; lines: string[] }[];
}

export const CELL_HEADER = ['单元格', '比对前', '比对后', '增减', '变化率', '说明'];

/** what every rendering (text, HTML, DOCX) prints, in the order it prints it */
export function comparisonOutline(c: ReportComparison): ComparisonOutline {
  const side = (r: ReportComparison['before']) => `${r.year}年度报告（${r.format}年格式）`;
  const cells = c.changedCells.map(cellRow);
  const carryOver = !c.carryOver.applicable
    ? [c.carryOver.reason ?? '不核对结转']
    : c.carryOver.failed.length === 0
      ? [`与上年报告的结转数全部衔接${c.carryOver.notAssessable.length ? `（${c.carryOver.notAssessable.length}项无法判断）` : ''}`]
      : c.carryOver.failed.map((r) => r.message);
  const narrativeNumbers = c.narrativeNumbers.length === 0 ? ['正文所述数字与表格一致（或正文未写明可核对的数字）'] : c.narrativeNumbers.map((r) => r.message);
  const promises =
    c.promises.length === 0
      ? ['上年报告第五部分未列出可识别的改进措施']
      : c.promises.map((p) => (p.reportedAs ? `已提及：${p.promise}（本年：“${p.reportedAs}”）` : `未见提及：${p.promise}`));
  const sections = c.sections.map((s) => ({
    title: `${s.title}（相似度${percentText(s.similarity)}；相同${s.counts.same}段、改写${s.counts.changed}段、新增${s.counts.added}段、删去${s.counts.removed}段）`,
    lines: [
      ...s.paragraphs.filter((p) => p.change !== 'same').map((p) => {
        if (p.change === 'added') return `【新增】${p.after}`;
        if (p.change === 'removed') return `【删去】${p.before}`;
        return `【改写，相似度${percentText(p.similarity ?? 0)}】${p.before} → ${p.after}`;
      }),
      ...(s.copied.length ? [`逐句重复上年表述（占${percentText(s.copiedShare)}）：`, ...s.copied.map((p) => `  “${p.text}”（相似度${percentText(p.similarity)}）`)] : []),
    ],
  }));
  return {
    title: `${reportTitle(c.after)}比对报告`,
    subtitle: `${c.after.agency}：${side(c.before)} → ${side(c.after)}`,
    summary: c.summary.lines,
    cells,
    carryOver,
    narrativeNumbers,
    promises,
    sections,
  };
}

function cellRow(x: CellComparison): string[] {
  const v = (n: number | null) => (n === null ? '空白' : String(n));
  return [
    x.label,
    v(x.before),
    v(x.after),
    x.change === null ? '—' : `${x.change > 0 ? '+' : ''}${x.change}`,
    x.percent === null ? '—' : `${x.percent > 0 ? '+' : ''}${percentText(x.percent)}`,
    x.unusual ? UNUSUAL_LABELS[x.unusual] : '',
  ];
}

export function renderComparisonText(c: ReportComparison): string {
  const o = comparisonOutline(c);
  const out = [o.title, o.subtitle, '', '一、比对摘要', ...o.summary.map((l) => `  - ${l}`), ''];
  out.push(`二、表格数字变化（${c.changedCells.length}个单元格有变化，${c.unchangedCells}个不变${c.notComparable.length ? `，${c.notComparable.length}个因格式不同不可比` : ''}）`);
  for (const row of o.cells) out.push(`  ${row[0]}：${row[1]} → ${row[2]}（${row[3]}，${row[4]}）${row[5] ? ` ${row[5]}` : ''}`);
  out.push('', '三、与上年报告的衔接', ...o.carryOver.map((l) => `  - ${l}`), '', '四、正文数字与表格', ...o.narrativeNumbers.map((l) => `  - ${l}`), '', '五、上年承诺的改进措施', ...o.promises.map((l) => `  - ${l}`), '', '六、正文逐段比对');
  for (const s of o.sections) out.push(`  ${s.title}`, ...s.lines.map((l) => `    ${l}`));
  return `${out.join('\n')}\n`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderComparisonHtml(c: ReportComparison): string {
  const o = comparisonOutline(c);
  const list = (items: string[]) => `<ul>${items.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`;
  const rows = o.cells
    .map((r, i) => `<tr${c.changedCells[i].unusual ? ' class="unusual"' : ''}>${r.map((v, j) => (j === 0 ? `<th scope="row">${escape(v)}</th>` : `<td>${escape(v)}</td>`)).join('')}</tr>`)
    .join('');
  const sections = o.sections.map((s) => `<h3>${escape(s.title)}</h3>${s.lines.length ? list(s.lines) : '<p>与上年相同。</p>'}`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(o.title)}</title>
<style>
body{font-family:"FangSong","仿宋_GB2312","仿宋",serif;font-size:16pt;line-height:1.6;max-width:210mm;margin:0 auto;padding:1em}
h1{font-family:"FZXiaoBiaoSong-B05S","方正小标宋简体","SimHei",serif;font-size:22pt;text-align:center;font-weight:normal}
h2{font-family:"SimHei","黑体",sans-serif;font-size:16pt;font-weight:normal}
h3{font-family:"KaiTi","楷体",serif;font-size:16pt;font-weight:normal}
.subtitle{text-align:center}
.table{overflow-x:auto}
table{border-collapse:collapse;font-size:11pt;width:100%}
th,td{border:1px solid #000;padding:2px 4px;text-align:right}
th[scope=row],thead th{text-align:left;font-weight:normal}
tr.unusual{background:#fff2cc}
</style></head><body><main>
<h1>${escape(o.title)}</h1>
<p class="subtitle">${escape(o.subtitle)}</p>
<h2>一、比对摘要</h2>${list(o.summary)}
<h2>二、表格数字变化</h2>
<p>${c.changedCells.length}个单元格有变化，${c.unchangedCells}个不变${c.notComparable.length ? `，${c.notComparable.length}个因格式不同不可比` : ''}；变化异常的排在前面（底色标出）。</p>
${o.cells.length ? `<div class="table"><table><thead><tr>${CELL_HEADER.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>` : '<p>表格数字没有变化。</p>'}
<h2>三、与上年报告的衔接</h2>${list(o.carryOver)}
<h2>四、正文数字与表格</h2>${list(o.narrativeNumbers)}
<h2>五、上年承诺的改进措施</h2>${list(o.promises)}
<h2>六、正文逐段比对</h2>${sections}
</main></body></html>
`;
}
