import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { datasetToFeatureMatrix, readTable, recordToFeatureRecord, type Dataset } from '../../src/data/index.js';
import type { FeatureSpec } from '../../src/schema/artifactCommon.js';
import { encodeFeatures } from '../../src/scorers/encodeFeatures.js';
import { collectRows, streamOf } from './_helpers.js';

const base = { description: '', reasonCode: 'RC01', reasonText: 'x', riskDirection: 'none', isProtected: false } as const;
const numeric = (name: string): FeatureSpec => ({ ...base, name, type: 'numeric' });
const categorical = (name: string, categories: string[]): FeatureSpec => ({ ...base, name, type: 'categorical', categories });

describe('datasetToFeatureMatrix', () => {
  it('datasetToFeatureMatrix(dataset, specs) is row-major in spec order, NaN for missing, -1 for unseen', () => {
    const dataset: Dataset = Object.freeze<Dataset>({
      rows: 3,
      columns: [
        { name: 'income', type: 'numeric', values: Float64Array.of(1, NaN, 3) },
        { name: 'purpose', type: 'categorical', codes: Int32Array.of(0, 1, -1), categories: ['boat', 'car'] },
        { name: 'unused', type: 'numeric', values: Float64Array.of(9, 9, 9) },
      ],
    });
    const m = datasetToFeatureMatrix(dataset, [categorical('purpose', ['car', 'home']), numeric('income')]);
    expect(m.names).toEqual(['purpose', 'income']);
    expect(Array.from(m.values)).toEqual([-1, 1, 0, NaN, NaN, 3]);
  });

  it('datasetToFeatureMatrix(dataset, specs) lists every missing column with code missing_feature', () => {
    const dataset: Dataset = { rows: 1, columns: [{ name: 'a', type: 'numeric', values: Float64Array.of(1) }] };
    const run = () => datasetToFeatureMatrix(dataset, [numeric('a'), numeric('b'), categorical('c', ['x'])]);
    expect(run).toThrow(InvalidInputError);
    expect(() => run()).toThrow(expect.objectContaining({
      issues: [
        { code: 'missing_feature', path: ['b'], message: 'the dataset has no column for this model feature' },
        { code: 'missing_feature', path: ['c'], message: 'the dataset has no column for this model feature' },
      ],
    }));
  });

  it('datasetToFeatureMatrix converts across types: numeric-text categories to numbers, numbers and dates to category text', async () => {
    // Train read the column as categorical ('1', '2', 'X'); a scoring file happens to hold only numbers.
    const { dataset } = await readTable(streamOf('code,opened,amount\n1,2024-01-31,12\n2,2024-02-01,7\n'));
    const m = datasetToFeatureMatrix(dataset, [categorical('code', ['1', '2', 'X']), categorical('opened', ['2024-02-01']), numeric('amount')]);
    expect(Array.from(m.values)).toEqual([0, -1, 12, 1, 0, 7]);
    const textual = await readTable(streamOf('amount\n12\nNA\n3.5\n'), { categorical: ['amount'] });
    expect(Array.from(datasetToFeatureMatrix(textual.dataset, [numeric('amount')]).values)).toEqual([12, NaN, 3.5]);
    const words = await readTable(streamOf('amount\n12\nmany\n'), { categorical: ['amount'] });
    expect(() => datasetToFeatureMatrix(words.dataset, [numeric('amount')])).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'invalid_type', path: ['amount'] })] }));
  });

  it('datasetToFeatureMatrix(emptyDataset, specs) gives an empty matrix', () => {
    const m = datasetToFeatureMatrix({ rows: 0, columns: [{ name: 'a', type: 'numeric', values: new Float64Array(0) }] }, [numeric('a')]);
    expect(m).toEqual({ names: ['a'], rows: 0, values: new Float64Array(0) });
  });
});

describe('recordToFeatureRecord', () => {
  const specs = [numeric('income'), numeric('isOwner'), categorical('purpose', ['car', 'home', '1'])];

  it('recordToFeatureRecord(record, specs) converts numeric text, keeps categorical text, ignores other columns', () => {
    expect(recordToFeatureRecord(Object.freeze({ id: 'A-17', income: ' 1e3 ', isOwner: 'yes', purpose: 'home', bad: '1' }), specs)).toEqual({ income: 1000, isOwner: 1, purpose: 'home' });
    expect(recordToFeatureRecord({ income: null, purpose: 'yacht' }, specs)).toEqual({ income: null, isOwner: null, purpose: 'yacht' });
    // Zero-padded text of a numeric-text category.
    expect(recordToFeatureRecord({ purpose: '01' }, specs)).toEqual({ income: null, isOwner: null, purpose: '1' });
  });

  it('recordToFeatureRecord(record, specs) throws one invalid_type issue per non-numeric numeric feature, without the values', () => {
    let error: unknown;
    try {
      recordToFeatureRecord({ income: 'Jane Doe', isOwner: 'maybe', purpose: 'car' }, specs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const e = error as InvalidInputError;
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['income']],
      ['invalid_type', ['isOwner']],
    ]);
    expect(e.message).not.toMatch(/Jane|maybe/);
  });

  it('recordToFeatureRecord gives the same encoded row as readTable + datasetToFeatureMatrix', async () => {
    const csv = 'income,isOwner,purpose,when\n52000,yes,car,2024-01-01\nNA,no,boat,2024-01-02\n';
    const specsWithDate = [...specs, numeric('when')];
    const { dataset } = await readTable(streamOf(csv));
    const matrix = datasetToFeatureMatrix(dataset, specsWithDate);
    const rows = await collectRows(streamOf(csv));
    rows.forEach((row, i) => {
      if (!('record' in row)) throw new Error('unexpected error row');
      const encoded = encodeFeatures(specsWithDate, recordToFeatureRecord(row.record, specsWithDate));
      expect(Array.from(encoded)).toEqual(Array.from(matrix.values.subarray(i * 4, i * 4 + 4)));
    });
  });
});
