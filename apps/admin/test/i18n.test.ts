import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import raChineseMessages from '../src/i18n/ra-zh-CN';
import { toumingChinese } from '../src/i18n/touming-zh';
import { toumingEnglish } from '../src/i18n/touming-en';
import { messages } from '../src/i18n/i18nProvider';

/** every leaf key path of a nested message object, e.g. "ra.action.save" */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const HAN = /[\u4e00-\u9fff]/;

describe('zh-CN messages for react-admin', () => {
  it('has exactly the key paths of ra-language-english, so nothing falls back to English', () => {
    const english = keyPaths(englishMessages).sort();
    const chinese = keyPaths(raChineseMessages).sort();
    expect(chinese.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !chinese.includes(k))).toEqual([]);
  });

  it('writes every message in Chinese with one plural form, keeping the placeholders', () => {
    const english = new Map(leaves(englishMessages));
    for (const [key, value] of leaves(raChineseMessages)) {
      expect(typeof value, key).toBe('string');
      const text = value as string;
      if (key === 'ra.boolean.null') continue; // a blank on purpose, as in English
      // no English word left (messages like "%{name} %{recordRepresentation}" are placeholders only)
      const words = text.replace(/%\{\w+\}/g, '');
      expect(/[A-Za-z]/.test(words), `${key}: ${text}`).toBe(false);
      expect(HAN.test(text) || words.trim() === '', `${key}: ${text}`).toBe(true);
      // Polyglot's Chinese plural rule always takes the first form: a second one would never show
      expect(text.includes('||||'), key).toBe(false);
      const placeholders = (s: string) => new Set(s.match(/%\{\w+\}/g) ?? []);
      for (const p of placeholders(text)) expect(placeholders(String(english.get(key))).has(p), `${key} ${p}`).toBe(true);
    }
  });
});

describe("Touming's own messages", () => {
  it('have the same key paths in Chinese and English', () => {
    const zh = keyPaths(toumingChinese).sort();
    const en = keyPaths(toumingEnglish).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('are Chinese in the Chinese pack (role and status names come from the domain)', () => {
    for (const [key, value] of leaves(toumingChinese)) {
      expect(HAN.test(String(value)), `${key}: ${String(value)}`).toBe(true);
      expect(String(value).includes('||||'), key).toBe(false);
    }
    expect(toumingChinese.touming.roles.AGENCY_REVIEWER).toBe('分管领导');
    expect(toumingChinese.touming.status.PUBLISHED).toBe('已公开');
  });

  it('merge into the locale packs without overwriting react-admin keys', () => {
    expect(keyPaths(messages['zh-CN'])).toEqual(expect.arrayContaining(keyPaths(raChineseMessages)));
    expect((messages['zh-CN'] as { ra: { action: { save: string } } }).ra.action.save).toBe('保存');
    expect((messages.en as { ra: { action: { save: string } } }).ra.action.save).toBe('Save');
  });
});
