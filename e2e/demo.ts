/**
 * The day the e2e suites' demo county is made for (browser/global-setup.ts and reliability/support.ts
 * pass it to the server as DEMO_TODAY), and what the seed makes of it (apps/api/src/seed/demo-plan.ts):
 * tests read the open cycle's year and each agency's state from `demo` instead of writing years down.
 */
import { planDemo } from '@touming/api/dist/seed/demo-plan';

export const DEMO_TODAY = '2026-12-03';
export const demo = planDemo(new Date(`${DEMO_TODAY}T04:00:00Z`));
