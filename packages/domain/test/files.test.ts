import { describe, expect, it } from 'vitest';
import { fileNameProblem, importStatusOf, publishedFileKind, sourceUrlProblem } from '../src';

const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('公开文件库：文件类型、来源与导入结果', () => {
  it('按文件头识别 PDF、DOCX、HTML、文本；不是 .docx 的压缩包、旧版 .doc 和二进制文件被拒绝并说明原因', () => {
    expect(publishedFileKind('报告.pdf', bytes('%PDF-1.7\n'))).toEqual({ kind: 'pdf' });
    expect(publishedFileKind('whatever.bin', bytes('%PDF-1.4'))).toEqual({ kind: 'pdf' });
    expect(publishedFileKind('报告.docx', bytes('PK\u0003\u0004rest'))).toEqual({ kind: 'docx' });
    expect(publishedFileKind('报告.zip', bytes('PK\u0003\u0004rest'))).toEqual({ refused: expect.stringContaining('.docx') });
    expect(publishedFileKind('报告.doc', bytes('\u00d0\u00cf\u0011\u00e0\u00a1'))).toEqual({ refused: expect.stringContaining('另存为 .docx') });
    expect(publishedFileKind('x.dat', new Uint8Array([1, 0, 2]))).toEqual({ refused: expect.stringContaining('二进制') });
    expect(publishedFileKind('page.txt', new TextEncoder().encode('\uFEFF <!DOCTYPE html><html>'))).toEqual({ kind: 'html' });
    expect(publishedFileKind('page.htm', new TextEncoder().encode('盐池县'))).toEqual({ kind: 'html' });
    expect(publishedFileKind('报告.txt', new TextEncoder().encode('一、总体情况'))).toEqual({ kind: 'text' });
  });

  it('来源网址只接受 http(s)，文件名有长度和字符限制', () => {
    expect(sourceUrlProblem(null)).toBeNull();
    expect(sourceUrlProblem('https://www.yanchi.gov.cn/xxgk/2025.pdf')).toBeNull();
    expect(sourceUrlProblem('javascript:alert(1)')).toMatch(/http/);
    expect(sourceUrlProblem(`https://a.cn/${'x'.repeat(2000)}`)).toMatch(/过长/);
    expect(fileNameProblem('盐池县公安局2025年报告.pdf')).toBeNull();
    expect(fileNameProblem('../etc/passwd')).toMatch(/不允许/);
    expect(fileNameProblem('x'.repeat(201))).toMatch(/过长/);
  });

  it('导入结果：有未能放入的内容优先于导入说明', () => {
    expect(importStatusOf({ unplaced: [], notes: [] })).toBe('clean');
    expect(importStatusOf({ unplaced: [], notes: ['金额由元换算为万元'] })).toBe('notes');
    expect(importStatusOf({ unplaced: [{ text: '7', reason: 'x' }], notes: ['n'] })).toBe('unplaced');
  });
});
