// Benchmark of validateReport: generates reports of both formats (with last year's report, so the
// cross-year rules run too) and prints mean / p50 / p99 microseconds per call. Run after `npm run build`.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

// the CommonJS build: the ESM one uses extensionless imports meant for bundlers
const require = createRequire(import.meta.url);
const { generateReport } = require('../dist/cjs/generate/index.js');
const { validateReport } = require('../dist/cjs/validation/index.js');

const COUNT = Number(process.env.BENCH_REPORTS ?? 2000);
const SCALES = [0.2, 1, 5];

function bench(format, years) {
  const cases = [];
  for (let i = 0; i < COUNT; i++) {
    const agency = `测试单位${i}`;
    const scale = SCALES[i % SCALES.length];
    const previous = generateReport({ format, year: years[0], agency, seed: i, scale });
    const report = generateReport({ format, year: years[1], agency, seed: i, scale, previous });
    cases.push([report, previous]);
  }
  // warm up the JIT and the per-format plans
  for (let i = 0; i < Math.min(200, COUNT); i++) validateReport(cases[i][0], { previous: cases[i][1] });

  const times = new Float64Array(COUNT);
  let findings = 0;
  for (let i = 0; i < COUNT; i++) {
    const [report, previous] = cases[i];
    const start = performance.now();
    const result = validateReport(report, { previous });
    times[i] = (performance.now() - start) * 1000;
    findings += result.errors.length + result.warnings.length;
  }
  times.sort();
  const mean = times.reduce((a, b) => a + b, 0) / COUNT;
  const at = (q) => times[Math.min(COUNT - 1, Math.floor(q * COUNT))];
  console.log(
    `format ${format}: ${COUNT} reports, mean ${mean.toFixed(1)} µs, p50 ${at(0.5).toFixed(1)} µs, p99 ${at(0.99).toFixed(1)} µs` +
      ` per validateReport (errors+warnings found: ${findings})`,
  );
}

bench('2019', [2019, 2020]);
bench('2021', [2021, 2022]);
