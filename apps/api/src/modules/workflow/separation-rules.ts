/**
 * The deployment's setting of the domain's separation rules (packages/domain/src/workflow/separation.ts):
 * SEPARATE_PREPARER_AND_REVIEWER — on unless set to off/false/0/no — keeps one person from both
 * submitting a report and giving its 保密审查. Read from the environment like the other limits, so
 * every instance of a deployment applies the same rule.
 */
import { DEFAULT_SEPARATION_RULES, type SeparationRules } from '@touming/domain/workflow';

export function separationRules(env: NodeJS.ProcessEnv = process.env): SeparationRules {
  const value = (env.SEPARATE_PREPARER_AND_REVIEWER ?? '').trim().toLowerCase();
  if (value === '') return DEFAULT_SEPARATION_RULES;
  return { preparerNotConfidentialityReviewer: !['0', 'false', 'no', 'off'].includes(value) };
}
