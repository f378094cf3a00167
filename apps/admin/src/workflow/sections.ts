/** A report section's official heading (一、总体情况 …) for a finding's position, or its key when unknown. */
import { getFormat, isFormatId } from '@touming/domain/formats';

export function sectionTitleOf(format: string, key: string): string {
  if (!isFormatId(format)) return key;
  return getFormat(format).sections.find((s) => s.key === key)?.title ?? key;
}
