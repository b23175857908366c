/**
 * Private: scores batches of rows with every model and accumulates, per row, only numbers — each
 * model's PD (8 bytes), the label (1 byte), and when needed the weight, the date and the champion's
 * input values — in growable typed arrays. Batches are dropped after use, so memory grows by a
 * fixed number of bytes per row and never holds row objects.
 */
import type { Column, Dataset } from '../data/Dataset.js';
import { datasetToFeatureMatrix } from '../data/index.js';
import { InvalidInputError } from '../errors.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import type { ScoreScaling } from '../scaling/index.js';
import type { FeatureMatrix, Scorer } from '../types.js';
import type { BacktestPredictionsInput } from './backtestPredictions.js';
import { GrowableFloat32, GrowableFloat64, GrowableUint8 } from './_growable.js';

/** A scorer with what the report needs from its artifact. */
export interface PreparedModel {
  readonly scorer: Scorer;
  readonly id: string;
  readonly kind: string;
  readonly specs: readonly FeatureSpec[];
  readonly scaling: ScoreScaling;
}

/** Prepares scorers: id, kind, feature specs and scaling from each artifact; ids must be distinct. */
export function prepareModels(scorers: readonly Scorer[], where: string): PreparedModel[] {
  if (scorers.length === 0) throw new InvalidInputError(`${where}: needs at least one model`, [{ code: 'too_small', path: ['scorers'], message: 'needs at least one model' }]);
  const seen = new Set<string>();
  return scorers.map((scorer, k) => {
    if (!scorer || typeof scorer.predict !== 'function' || typeof scorer.toArtifact !== 'function') {
      throw new InvalidInputError(`${where}: scorers[${k}] is not a Scorer (load artifacts with loadModel)`, [
        { code: 'invalid_type', path: ['scorers', k], message: 'expected a Scorer with predict() and toArtifact()' },
      ]);
    }
    if (seen.has(scorer.id)) {
      throw new InvalidInputError(`${where}: two models share the id ${scorer.id}`, [{ code: 'duplicate_model', path: ['scorers', k], message: 'model ids must be distinct' }]);
    }
    seen.add(scorer.id);
    const artifact = scorer.toArtifact();
    return { scorer, id: scorer.id, kind: artifact.kind, specs: artifact.features, scaling: artifact.scaling };
  });
}

export interface CollectorNeeds {
  /** Keep the champion's input values (CSI): 4 bytes per row per champion feature (single precision). */
  readonly characteristics: boolean;
}

export class PredictionCollector {
  private readonly predictions: GrowableFloat64[];
  private readonly labels = new GrowableUint8();
  private weights: GrowableFloat64 | undefined;
  private dates: GrowableFloat64 | undefined;
  private readonly characteristics: GrowableFloat32[] | undefined;
  private rows = 0;
  skippedRows = 0;
  /** Name of the date column seen, for the report. */
  dateColumn: string | undefined;
  readonly notes: string[] = [];

  constructor(
    readonly models: readonly PreparedModel[],
    readonly needs: CollectorNeeds,
  ) {
    this.predictions = models.map(() => new GrowableFloat64());
    this.characteristics = needs.characteristics ? models[0].specs.map(() => new GrowableFloat32()) : undefined;
  }

  get rowCount(): number {
    return this.rows;
  }

  /**
   * Adds a labelled Dataset batch: each model's matrix comes from `datasetToFeatureMatrix`
   * (columns matched by name, categories by text). `dateColumn` names the date column, when any.
   */
  addDataset(batch: Dataset, dateColumn: string | undefined, where: string): void {
    if (batch.rows === 0) return;
    if (!batch.target) {
      throw new InvalidInputError(`${where}: the data has no target (1 = bad, 0 = good) to backtest against`, [{ code: 'missing_target', path: ['target'], message: 'labelled data required' }]);
    }
    const matrices = this.models.map((m) => datasetToFeatureMatrix(batch, m.specs));
    let dates: Float64Array | undefined;
    const name = dateColumn ?? batch.dateColumn;
    if (name !== undefined) {
      const column = batch.columns.find((c) => c.name === name);
      if (!column) throw new InvalidInputError(`${where}: no date column ${name} in the data`, [{ code: 'missing_column', path: ['dateColumn'], message: 'no such column' }]);
      if (column.type !== 'date' && column.type !== 'numeric') {
        throw new InvalidInputError(`${where}: column ${name} does not hold dates`, [{ code: 'invalid_type', path: ['dateColumn'], message: 'expected a date column' }]);
      }
      dates = column.values;
      this.dateColumn = name;
    }
    this.addMatrices(matrices, batch.target, batch.weights, dates);
  }

  /** Adds one batch: a matrix per model (same rows), labels, optional weights and dates (day numbers). */
  addMatrices(matrices: readonly FeatureMatrix[], labels: Uint8Array, weights: Float64Array | undefined, dates: Float64Array | undefined): void {
    const n = labels.length;
    if (n === 0) return;
    for (let k = 0; k < this.models.length; k++) {
      const pd = this.models[k].scorer.predict(matrices[k]);
      if (pd.length !== n) throw new InvalidInputError(`predict of ${this.models[k].id} returned ${pd.length} values for ${n} rows`);
      this.predictions[k].pushAll(pd);
    }
    this.labels.pushAll(labels);
    if (weights !== undefined && this.weights === undefined) {
      // Weights appear mid-stream: earlier rows weigh 1.
      this.weights = new GrowableFloat64();
      for (let i = 0; i < this.rows; i++) this.weights.push(1);
    }
    if (this.weights !== undefined) {
      if (weights === undefined) for (let i = 0; i < n; i++) this.weights.push(1);
      else this.weights.pushAll(weights);
    }
    if (dates !== undefined && this.dates === undefined) {
      // Dates appear mid-stream: earlier rows are undated.
      this.dates = new GrowableFloat64();
      for (let i = 0; i < this.rows; i++) this.dates.push(Number.NaN);
    }
    if (this.dates !== undefined) {
      if (dates === undefined) for (let i = 0; i < n; i++) this.dates.push(Number.NaN);
      else this.dates.pushAll(dates);
    }
    if (this.characteristics !== undefined) {
      const m = matrices[0];
      const p = m.names.length;
      for (let j = 0; j < p; j++) {
        const out = this.characteristics[j];
        for (let i = 0; i < n; i++) out.push(m.values[i * p + j]);
      }
    }
    this.rows += n;
  }

  /** The accumulated arrays as a {@link BacktestPredictionsInput} (models, labels, weights, dates, characteristics). */
  finish(source: string): BacktestPredictionsInput {
    const labels = this.labels.toArray();
    const champion = this.models[0];
    return {
      models: this.models.map((m, k) => ({
        id: m.id,
        kind: m.kind,
        featureCount: m.specs.length,
        scaling: m.scaling,
        predictions: this.predictions[k].toArray(),
      })),
      labels,
      weights: this.weights?.toArray(),
      dates: this.dates?.toArray(),
      dateColumn: this.dateColumn,
      characteristics: this.characteristics?.map((g, j) => toColumn(champion.specs[j], g.toFloat64())),
      source,
      skippedRows: this.skippedRows,
      notes: [...this.notes],
    };
  }
}

/** The stored values of one champion input as a Dataset column (categorical: unseen gets its own category). */
function toColumn(spec: FeatureSpec, values: Float64Array): Column {
  if (spec.type === 'numeric') return { name: spec.name, type: 'numeric', values };
  const categories = [...(spec.categories ?? []), '(unseen)'];
  const unseen = categories.length - 1;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = Number.isNaN(v) ? -1 : v === -1 ? unseen : v;
  }
  return { name: spec.name, type: 'categorical', codes, categories };
}
