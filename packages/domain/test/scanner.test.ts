import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findingConfidence,
  findingKey,
  hasResidentIdShape,
  isResidentIdNumber,
  luhnValid,
  reconcileFindings,
  scanReport,
  scanText,
  type Finding,
  type FindingRecord,
} from '../src/scanner';
import { emptyReport } from '../src/report';

const kinds = (text: string) => scanText(text, 'overview').map((f) => f.kind);
const matches = (text: string) => scanText(text, 'overview').map((f) => f.match);

/** every finding's span must cut exactly its match out of the text */
function expectExactSpans(text: string, findings: Finding[]) {
  for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.match);
}

describe('checksums', () => {
  it('accepts the GB 11643 examples and refuses a wrong check digit or an impossible birth date', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
    expect(isResidentIdNumber('440524188001010014')).toBe(false); // valid check digit, but born 1880
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('640323199002300018')).toBe(false); // 30 February
  });
  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('6222021234567894')).toBe(true);
    expect(luhnValid('6222021234567890')).toBe(false);
  });
});

describe('scanText: resident ID numbers', () => {
  it('finds a valid ID with its exact UTF-16 span', () => {
    const text = '申请人张某（身份证号11010519491231002X）来电。';
    const [f] = scanText(text, 'overview');
    expect(f).toMatchObject({ kind: 'idNumber', section: 'overview', match: '11010519491231002X' });
    expect(f.start).toBe(text.indexOf('110105'));
    expect(f.end).toBe(f.start + 18);
    expect(f.message).not.toContain('11010519491231002X'); // masked
  });
  it('spans stay exact after characters outside the BMP', () => {
    const text = '𠀀𠀁 号码：11010519491231002X';
    const findings = scanText(text, 'other');
    expect(findings).toHaveLength(1);
    expectExactSpans(text, findings);
    expect(findings[0].start).toBe(text.length - 18);
  });
  it('an ID-shaped number whose check digit fails is a 疑似身份证号 of lower confidence (a mistyped ID is still personal data)', () => {
    const found = scanText('身份证号110105194912310021。', 'overview');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'suspectedIdNumber', match: '110105194912310021' });
    expect(found[0].message).toContain('疑似身份证号');
    expect(found[0].message).not.toContain('194912'); // masked
    expect(findingConfidence('suspectedIdNumber')).toBe('LOW');
    expect(findingConfidence('idNumber')).toBe('HIGH');
    // a valid ID stays a (high-confidence) ID number
    expect(kinds('身份证号11010519491231002X')).toEqual(['idNumber']);
  });
  it('an 18-digit number without a plausible region or birth date is not flagged', () => {
    expect(hasResidentIdShape('110105194912310021')).toBe(true);
    expect(kinds('档案编号990105194912310021。')).not.toContain('suspectedIdNumber'); // no province 99
    expect(kinds('档案编号640323199002300019。')).not.toContain('suspectedIdNumber'); // 30 February
    expect(kinds('档案编号640323180001010019。')).not.toContain('suspectedIdNumber'); // born 1800
  });
  it('an ID embedded in a longer run of digits is not a finding', () => {
    expect(kinds('流水号911010519491231002X')).not.toContain('idNumber');
    expect(kinds('流水号110105194912310020001')).not.toContain('idNumber');
  });
});

describe('scanText: mobile numbers', () => {
  it('finds plain, prefixed and grouped forms', () => {
    expect(matches('联系电话13812345678。')).toEqual(['13812345678']);
    expect(matches('电话：+86 138 1234 5678')).toEqual(['+86 138 1234 5678']);
    expect(matches('电话：138-1234-5678')).toEqual(['138-1234-5678']);
    expect(matches('电话8613912345678')).toEqual(['8613912345678']);
  });
  it('11 digits inside a longer number are not a mobile number', () => {
    expect(scanText('合同号20138123456789，金额12345678901234元', 'overview')).toEqual([]);
    expect(scanText('编号213812345678', 'overview')).toEqual([]);
    expect(scanText('编号138123456789', 'overview')).toEqual([]);
  });
  it('a number not starting 13–19 is not a mobile number, nor is a landline', () => {
    expect(scanText('号码12812345678，电话0953-6012345', 'overview')).toEqual([]);
  });
});

describe('scanText: bank cards', () => {
  it('finds Luhn-valid cards, contiguous and grouped', () => {
    expect(scanText('账号6222021234567894', 'overview').map((f) => [f.kind, f.match])).toEqual([['bankCard', '6222021234567894']]);
    expect(matches('卡号 6217 0000 1001 2345 677 。')).toEqual(['6217 0000 1001 2345 677']);
  });
  it('an order number that is not Luhn-valid is not a finding', () => {
    expect(luhnValid('6230582000001234')).toBe(false);
    expect(scanText('订单号6230582000001234', 'overview')).toEqual([]);
    expect(scanText('卡号 6222 0212 3456 7890', 'overview')).toEqual([]);
  });
  it('a valid ID number is reported as an ID, not as a card', () => {
    expect(kinds('11010519491231002X')).toEqual(['idNumber']);
  });
});

describe('scanText: e-mail', () => {
  it('finds addresses, and an address made of a mobile number once', () => {
    expect(scanText('请发送至 ycxwl@163.com。', 'other').map((f) => [f.kind, f.match])).toEqual([['email', 'ycxwl@163.com']]);
    expect(kinds('邮箱13812345678@qq.com')).toEqual(['email']);
  });
  it('a bare @ or a handle is not an address', () => {
    expect(scanText('关注@盐池发布 微博', 'other')).toEqual([]);
  });
});

describe('scanText: secret markings', () => {
  it('finds markings', () => {
    expect(matches('机密★10年')).toEqual(['机密★10年']);
    expect(matches('秘密 ★ 长期')).toEqual(['秘密 ★ 长期']);
    expect(matches('绝密★启用前')).toEqual(['绝密★启用前']);
    expect(matches('文件标注★')).toEqual(['★']);
    expect(matches('本材料为内部资料，注意保密')).toEqual(['内部资料', '注意保密']);
    expect(matches('该文件不宜公开')).toEqual(['不宜公开']);
    expect(matches('附件为涉密文件')).toEqual(['涉密']);
    expect(matches('此件绝密')).toEqual(['绝密']);
  });
  it('does not flag words that merely talk about secrecy', () => {
    const text =
      '严格执行《中华人民共和国保守国家秘密法》，坚持“两秘密一隐私，三安全一稳定”要求，落实保密审查制度，' +
      '不发生泄密问题。1.属于国家秘密 0 件。对非涉密信息依法公开，不得泄露国家机密和商业机密。';
    expect(scanText(text, 'overview')).toEqual([]);
  });
});

describe('scanReport', () => {
  it('the real Yanchi 2020 report has no findings', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'yanchi-wenlv-2020.txt'), 'utf8');
    expect(text.length).toBeGreaterThan(1000);
    expect(scanText(text, 'overview')).toEqual([]);
  });
  it('scans every narrative section and names the section', () => {
    const report = emptyReport('2021', 2021, '某局');
    report.sections.overview = '联系人手机13812345678';
    report.sections.problems = '无';
    report.sections.other = '邮箱a.b@example.cn；机密★1年';
    const findings = scanReport(report);
    expect(findings.map((f) => [f.section, f.kind])).toEqual([
      ['overview', 'mobile'],
      ['other', 'email'],
      ['other', 'secretMarking'],
    ]);
    for (const f of findings) expect(report.sections[f.section as 'overview'].slice(f.start, f.end)).toBe(f.match);
  });
});

describe('finding keys and reconciliation', () => {
  const text = '联系电话13812345678。';
  it('the key is stable while the text is unchanged and differs by section and value', () => {
    const [a] = scanText(text, 'overview');
    const [b] = scanText(`补充说明：${text}`, 'overview');
    expect(findingKey(a)).toBe(findingKey(b)); // moved, same value: same key
    expect(findingKey(scanText(text, 'other')[0])).not.toBe(findingKey(a));
    expect(findingKey(scanText('联系电话13812345679。', 'overview')[0])).not.toBe(findingKey(a));
  });
  it('a dismissal survives a rescan of unchanged text; a fixed text makes the finding disappear', () => {
    const first = reconcileFindings([], scanText(text, 'overview'));
    expect(first.current.map((f) => f.status)).toEqual(['OPEN']);
    const dismissed: FindingRecord[] = first.current.map((f) => ({ ...f, status: 'DISMISSED', reason: '单位公开的办公电话' }));

    const rescan = reconcileFindings(dismissed, scanText(`${text}另附说明。`, 'overview'));
    expect(rescan.current).toHaveLength(1);
    expect(rescan.current[0]).toMatchObject({ status: 'DISMISSED', reason: '单位公开的办公电话' });
    expect(rescan.fixed).toEqual([]);

    const fixed = reconcileFindings(dismissed, scanText('联系电话见政府网站。', 'overview'));
    expect(fixed.current).toEqual([]);
    expect(fixed.fixed.map((f) => f.status)).toEqual(['FIXED']);

    const changed = reconcileFindings(dismissed, scanText('联系电话13912345678。', 'overview'));
    expect(changed.current.map((f) => f.status)).toEqual(['OPEN']);
    expect(changed.fixed).toHaveLength(1);
  });
});

describe('scanText: disguised numbers and addresses (full-width, zero-width, spaced out)', () => {
  const fullWidth = (s: string) => s.replace(/[0-9A-Za-z@.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const found = (text: string) => {
    const findings = scanText(text, 'overview');
    expectExactSpans(text, findings);
    return findings.map((f) => [f.kind, f.match]);
  };

  it('full-width digits: ID number, mobile, bank card — reported on the original full-width span', () => {
    const id = fullWidth('11010519491231002X');
    expect(found(`身份证号${id}。`)).toEqual([['idNumber', id]]);
    const mobile = fullWidth('13812345678');
    expect(found(`电话${mobile}。`)).toEqual([['mobile', mobile]]);
    const card = fullWidth('6222021234567894');
    expect(found(`卡号${card}。`)).toEqual([['bankCard', card]]);
    // the message shows the masked number in ordinary digits
    expect(scanText(`电话${mobile}`, 'overview')[0].message).toContain('138****5678');
  });

  it('a full-width e-mail address', () => {
    const email = fullWidth('zhang.san@example.cn');
    expect(found(`邮箱：${email}`)).toEqual([['email', email]]);
  });

  it('numbers split by zero-width characters or soft hyphens', () => {
    const id = '110105\u200B19491231\u200D002X';
    expect(found(`号码${id}。`)).toEqual([['idNumber', id]]);
    const mobile = '138\u00AD1234\u20605678';
    expect(found(`电话${mobile}`)).toEqual([['mobile', mobile]]);
    expect(found('内部\u200B资料')).toEqual([['secretMarking', '内部\u200B资料']]);
  });

  it('numbers split by spaces (also ideographic spaces) in any grouping', () => {
    const id = '110105 1949 1231 002X';
    expect(found(`身份证号 ${id} 。`)).toEqual([['idNumber', id]]);
    const mobile = '1 3 8 1 2 3 4 5 6 7 8';
    expect(found(`电话：${mobile}。`)).toEqual([['mobile', mobile]]);
    const card = '62220\u30002123\u300045678\u300094';
    expect(found(`卡号${card}`)).toEqual([['bankCard', card]]);
  });

  it('spacing does not glue separate numbers into false findings, and an ID after a number is still found', () => {
    expect(found('2019 2020 2021 年度共受理 12 件')).toEqual([]);
    expect(found('序号1 11010519491231002X')).toEqual([['idNumber', '11010519491231002X']]);
  });
});
