/**
 * HTML as agencies publish it (Word-exported markup, <o:p>, <span style>, &nbsp;, tables with rowspan and
 * colspan, text around them) flattened into the lines the text importer reads: every paragraph a line,
 * every table row a tab-separated line of its cells (a rowspan leaves an empty field in the rows it
 * covers; a colspan is one field). White space collapses as a browser collapses it, except inside <pre> and
 * elements styled white-space: pre / pre-wrap, where it is kept exactly.
 */
import { Parser } from 'htmlparser2';
import type { SourceLine } from './types';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Array<Node | string>;
}

const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'xml']);
const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr', 'area', 'base', 'source']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer',
  'blockquote', 'pre', 'table', 'tr', 'body', 'main', 'address', 'figure', 'figcaption', 'caption', 'dl', 'dt', 'dd',
  'nav', 'aside', 'form', 'fieldset', 'hr',
]);

function parseTree(html: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const node: Node = { name: name.toLowerCase(), attrs, children: [] };
        stack[stack.length - 1].children.push(node);
        if (!VOID.has(node.name)) stack.push(node);
      },
      ontext(text) {
        stack[stack.length - 1].children.push(text);
      },
      onclosetag(name) {
        const lower = name.toLowerCase();
        if (VOID.has(lower)) return;
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i].name === lower) {
            stack.length = i;
            return;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html.replace(/\r\n?/g, '\n'));
  parser.end();
  return root;
}

function preservesWhiteSpace(node: Node): boolean {
  if (node.name === 'pre' || node.name === 'textarea') return true;
  return /white-space\s*:\s*(pre|pre-wrap|break-spaces)\b/i.test(node.attrs.style ?? '');
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

/** the text of a table cell on one line */
function cellText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node | string) => {
    if (typeof n === 'string') parts.push(n);
    else if (!SKIP.has(n.name)) {
      if (n.name === 'br' || BLOCK.has(n.name)) parts.push(' ');
      n.children.forEach(walk);
      if (BLOCK.has(n.name)) parts.push(' ');
    }
  };
  node.children.forEach(walk);
  return collapse(parts.join('')).trim();
}

/** the columns a colspan covers beyond its first: not a cell of their own */
const SPANNED = '\u0000';

/**
 * The rows of a table as a grid, rowspan expanded (covered cells empty) and colspan not: each row has
 * one field per cell it really has. Word-exported tables often draw a header grid that does not line up
 * with the data rows (自然人 over two grid columns with an empty sub-header, while in the data rows 自然人
 * is one cell and 商业企业 two): the data row's own cells are what holds its values, in order.
 */
function tableGrid(table: Node): string[][] {
  const rows: Node[] = [];
  const collectRows = (n: Node) => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name !== 'table') collectRows(c);
    }
  };
  collectRows(table);
  const grid: string[][] = [];
  rows.forEach((tr, r) => {
    const out: string[] = (grid[r] ??= []);
    let col = 0;
    const cells = tr.children.filter((c): c is Node => typeof c !== 'string' && (c.name === 'td' || c.name === 'th'));
    for (const cell of cells) {
      while (out[col] !== undefined) col++;
      const colspan = Math.max(1, Math.min(100, Number(cell.attrs.colspan) || 1));
      const rowspan = Math.max(1, Math.min(1000, Number(cell.attrs.rowspan) || 1));
      const text = cellText(cell);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) target[col + dc] = dc > 0 ? SPANNED : dr === 0 ? text : '';
      }
      col += colspan;
    }
  });
  return grid.slice(0, rows.length).map((row) => Array.from(row, (c) => c ?? '').filter((c) => c !== SPANNED));
}

export function htmlToLines(html: string): SourceLine[] {
  const lines: string[] = [];
  let buffer = '';
  let bufferPre = false;
  const flush = () => {
    const text = bufferPre ? buffer : buffer.replace(/^ +| +$/g, '');
    if (text !== '' || bufferPre) lines.push(text);
    buffer = '';
    bufferPre = false;
  };
  const walk = (node: Node, pre: boolean) => {
    for (const child of node.children) {
      if (typeof child === 'string') {
        if (pre) {
          const parts = child.split('\n');
          parts.forEach((part, i) => {
            if (i > 0) {
              lines.push(buffer);
              buffer = '';
            }
            buffer += part;
            bufferPre = true;
          });
        } else {
          const text = collapse(child);
          buffer += buffer === '' || buffer.endsWith(' ') ? text.replace(/^ /, '') : text;
        }
        continue;
      }
      if (SKIP.has(child.name)) continue;
      if (child.name === 'br') {
        if (pre) {
          lines.push(buffer);
          buffer = '';
        } else flush();
        continue;
      }
      if (child.name === 'table') {
        flush();
        for (const row of tableGrid(child)) lines.push(row.map((c) => c.replace(/\t/g, ' ')).join('\t'));
        continue;
      }
      const block = BLOCK.has(child.name);
      const childPre = pre || preservesWhiteSpace(child);
      if (block) flush();
      if (childPre && !pre) bufferPre = true;
      walk(child, childPre);
      if (block) flush();
    }
  };
  walk(parseTree(html), false);
  flush();
  return lines.map((text, i) => ({ no: i + 1, text }));
}
