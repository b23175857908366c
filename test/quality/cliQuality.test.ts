/**
 * Issue 3's acceptance: on each dataset in ../shared/datasets, every model family trained through
 * the CLI (`train` on train.csv, `backtest --json` on test.csv) reaches at least the floor in
 * benchmarks/reference/floors.json (independent reference AUC minus the stated tolerance; rules in
 * benchmarks/reference/makeFloors.ts). Deterministic: fixed splits, fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES, hasDatasets, measureCliAuc, readFloors } from '../../benchmarks/quality/measureCliAuc.js';

const floors = readFloors();
const datasets = Object.keys(floors.floors);

describe.skipIf(!hasDatasets())('CLI train → backtest quality floors (the whole block skips when ../shared/datasets is absent)', () => {
  for (const dataset of datasets) {
    for (const family of FAMILIES) {
      const { floor, reference, referenceAuc } = floors.floors[dataset][family];
      it(`${dataset} ${family}: test AUC >= ${floor} (${reference} ${referenceAuc})`, async () => {
        const { auc } = await measureCliAuc(dataset, family, floors);
        expect(auc).toBeGreaterThanOrEqual(floor);
      }, 600_000);
    }
  }
});
