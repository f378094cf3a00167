/**
 * Chinese first (zh-CN), with an English switch. Messages: react-admin's (our own zh-CN pack, or
 * ra-language-english) merged with Touming's. The chosen language is remembered by react-admin's store.
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'ra-core';
import raChineseMessages from './ra-zh-CN';
import { toumingChinese } from './touming-zh';
import { toumingEnglish } from './touming-en';

export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

export const messages: Record<string, TranslationMessages> = {
  'zh-CN': { ...raChineseMessages, ...toumingChinese } as TranslationMessages,
  en: { ...englishMessages, ...toumingEnglish } as TranslationMessages,
};

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages['zh-CN'],
  'zh-CN',
  LOCALES,
  {
    allowMissing: true,
  },
);
