/**
 * A format is one file, in the API too: the made-up third format of the domain's tests, registered
 * before the API starts, is listed by the `formats` query with its tables, is the default format of a
 * cycle for its years, and a published text of it imports into a report the API validates with the
 * format's own rules — no file of the API names it.
 */
import path from 'node:path';
import { isFormatId, registerFormat, type FormatDefinition } from '@touming/domain/formats';
import { generateReport } from '@touming/domain/generate';
import { renderText } from '@touming/domain/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

// The format file is the domain tests' own. It is loaded by path rather than imported so that this
// package's type-check stays inside its root; its definition is plain data either way.
const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'packages', 'domain', 'test', 'fixtures', 'format-2031.ts');
let FORMAT_2031: FormatDefinition;

/** the one registration line, before the API builds its schema */
async function registerThirdFormat() {
  FORMAT_2031 = ((await import(FIXTURE)) as { FORMAT_2031: FormatDefinition }).FORMAT_2031;
  if (!isFormatId(FORMAT_2031.id)) registerFormat(FORMAT_2031);
}

describe.each(DIALECTS)('a third format through the API on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;

  beforeAll(async () => {
    await registerThirdFormat();
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
  });
  afterAll(async () => env?.close());

  it('is listed by the formats query with its own table 2', async () => {
    const { formats } = await env.api.ok(`{ formats { id name notice tables { id blocks { id title rows { label } columns { label } } } } }`, {}, admin);
    expect(formats.map((f: { id: string }) => f.id)).toEqual(['2019', '2021', '2031']);
    const f2031 = formats[2];
    expect(f2031).toMatchObject({ name: FORMAT_2031.name, notice: '国办公开办函〔2030〕12号' });
    const item7 = f2031.tables.find((t: { id: string }) => t.id === 't2').blocks.find((b: { id: string }) => b.id === 'item7');
    expect(item7).toEqual({ id: 'item7', title: '第二十条第（七）项', rows: [{ label: '行政检查' }], columns: [{ label: '本年检查计划数' }, { label: '本年公开检查结果数' }] });
  });

  it('is the default format of a cycle for its years, and an imported report of it is validated by its rules', async () => {
    const { createCycle } = await env.api.ok(`mutation { createCycle(input: { year: 2031 }) { year format } }`, {}, admin);
    expect(createCycle).toEqual({ year: 2031, format: '2031' });

    const source = generateReport({ format: '2031', year: 2031, agency: '盐池县文化旅游广电局', seed: 3 });
    source.sections.other = '本报告按照国办公开办函〔2030〕12号规定的格式编制。';
    const data = await env.api.ok(
      `mutation($a: ID!, $t: String) { importReport(agencyId: $a, text: $t) { detectedFormat detectedYear unplaced { text }
        report { format year cell(key: "t2.inspection.planned") validation { errors { ruleId } warnings { ruleId } } } } }`,
      { a: await env.agencyId('yanchi.wenlv'), t: renderText(source) },
      admin,
    );
    const imported = data.importReport;
    expect(imported).toMatchObject({ detectedFormat: '2031', detectedYear: 2031, unplaced: [] });
    expect(imported.report).toMatchObject({ format: '2031', year: 2031, cell: source.cells['t2.inspection.planned'] });
    expect(imported.report.validation.errors).toEqual([]);
    // the one rule the text breaks is the one format 2031 lists and format 2019 does not
    expect(imported.report.validation.warnings.map((w: { ruleId: string }) => w.ruleId)).toEqual(['s6.processingFee']);
  });
});
