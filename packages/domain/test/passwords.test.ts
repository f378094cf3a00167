import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordClasses, passwordProblem } from '../src/passwords';

describe('password policy', () => {
  it('accepts 12+ characters from 3 classes, and long passphrases', () => {
    for (const ok of ['Kx7#mQ2vLp9w', 'Ningxia-Caves-7', 'lan2Ren!shan3', 'correct horse battery staple', '春风又绿江南岸明月何时照我还，京口瓜洲一水间']) {
      expect(passwordProblem(ok), ok).toBeNull();
    }
    expect(passwordClasses('aA1!')).toBe(4);
  });

  it.each([
    ['too short', 'Kx7#mQ2v', '至少需要 12 个字符'],
    ['too long', 'Kx7#mQ2vLp9w'.repeat(11), `最多 ${PASSWORD_MAX_LENGTH} 个字符`],
    ['two classes only', 'lowercase12345', '至少 3 类'],
    ['letters only', 'abcdefghijklmnop', '至少 3 类'],
    ['repeated piece', 'Ab1Ab1Ab1Ab1', '重复'],
    ['a common password', 'Password1234', '常见密码'],
    ['a common password with symbols', 'P@ssw0rd!2024', '常见密码'],
    ['a keyboard walk', '1qaz@WSX3edc', '常见密码'],
    ['pinyin favourite', 'WoAiNi1314!!', '常见密码'],
    ['the product name', 'Touming@2026', '常见密码'],
    ['leading space', ' Kx7#mQ2vLp9w', '空格'],
  ])('refuses %s', (_what, password, message) => {
    expect(passwordProblem(password)).toContain(message);
  });

  it('refuses a password holding the username or the name', () => {
    expect(passwordProblem('wenlv.preparer#2026', { username: 'wenlv.preparer' })).toContain('用户名');
    expect(passwordProblem('Wang-Li-王丽-2026x', { displayName: '王丽' })).toContain('姓名');
    expect(passwordProblem('Kx7#mQ2vLp9w', { username: 'wenlv.preparer', displayName: '王丽' })).toBeNull();
  });
});
