/** Feature specs for the tree trainers: the logistic helper's `featureSpecsFromDataset`. */
export { featureSpecsFromDataset } from '../featureSpecsFromDataset.js';
