import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '../src/i18n/format';

describe('Chinese date and number conventions', () => {
  it('writes dates as 2026年1月31日, without a time-zone shift of plain dates', () => {
    expect(formatDate('2026-01-31')).toBe('2026年1月31日');
    expect(formatDate('2026-01-31', 'en')).toBe('31 January 2026');
  });
  it('shows instants in China time', () => {
    // 16:30 UTC on 31 January is already 1 February in China
    expect(formatDateTime('2026-01-31T16:30:00Z')).toContain('2026年2月1日');
    expect(formatDateTime('2026-01-31T16:30:00Z')).toContain('00:30');
  });
  it('groups thousands and keeps decimals', () => {
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatNumber(null)).toBe('');
  });
});
