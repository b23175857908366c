/**
 * `npx tsx benchmarks/reference/makeFloors.ts` — derives the quality floors (minimum test AUC per
 * dataset and model family) from the independent reference figures in
 * ../shared/datasets/reference.json (scikit-learn 1.2.1 / xgboost 1.7.4, made by reference.py) and
 * writes benchmarks/reference/floors.json. The floors are what `npm test` (test/quality) and
 * `npm run bench:quality` assert, through the CLI's train and backtest commands.
 *
 * Rules (stated tolerance = how far below the reference a family may land):
 * - references: logistic and scorecard ← logistic_l2; tree ← tree_depth5; forest ← random_forest_300;
 *   gbm ← the better of hist_gbm_200 and xgboost_300_d4 (issues 4 and 5);
 * - tolerance 0.005 on the large sets (taiwan-default: 9,000 test rows; give-me-some-credit: 45,000),
 *   as issues 4 and 5 ask;
 * - on the small sets the test AUC itself is uncertain: its standard error is about 0.025–0.03 on
 *   german/south-german (300 test rows, 90 bads) and about 0.025 on home-credit-sample (1,500 rows,
 *   116 bads), so the tolerance there is about two standard errors: 0.05;
 * - the scorecard keeps issue 4's bar everywhere: reference logistic − 0.005 on german,
 *   south-german, taiwan and home-credit, and 0.85 absolute on give-me-some-credit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const reference = JSON.parse(readFileSync(join(here, '../../../shared/datasets/reference.json'), 'utf8')) as Record<
  string,
  { target: string; bad_value: string | number; models: Record<string, { auc: number }> }
>;
const LARGE = new Set(['taiwan-default', 'give-me-some-credit']);
const floors: Record<string, Record<string, { floor: number; reference: string; referenceAuc: number; tolerance: number }>> = {};
for (const [name, r] of Object.entries(reference)) {
  const m = r.models;
  const tol = LARGE.has(name) ? 0.005 : 0.05;
  const gbmRef = m.hist_gbm_200.auc >= m.xgboost_300_d4.auc ? 'hist_gbm_200' : 'xgboost_300_d4';
  const entry = (ref: string, tolerance: number) => ({ floor: round(m[ref].auc - tolerance), reference: ref, referenceAuc: m[ref].auc, tolerance });
  floors[name] = {
    logistic: entry('logistic_l2', tol),
    scorecard: name === 'give-me-some-credit' ? { floor: 0.85, reference: 'absolute (issue 4)', referenceAuc: m.logistic_l2.auc, tolerance: 0 } : entry('logistic_l2', 0.005),
    tree: entry('tree_depth5', tol),
    forest: entry('random_forest_300', tol),
    gbm: entry(gbmRef, tol),
  };
}
const out = {
  description:
    'Minimum test AUC (train.csv -> test.csv) per dataset and model family, trained and measured through the CLI (train, backtest --json). Made by benchmarks/reference/makeFloors.ts from ../shared/datasets/reference.json; the rules are in that script.',
  targets: Object.fromEntries(Object.entries(reference).map(([name, r]) => [name, { target: r.target, bad: String(r.bad_value) }])),
  floors,
};
writeFileSync(join(here, 'floors.json'), `${JSON.stringify(out, null, 2)}\n`);

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
