#!/usr/bin/python3
"""Independent check of trainScorecard's missingBins 'fitted' fit with scikit-learn.

Reads the design exportMissingDesign.ts rebuilt from the default-options artifact (WoE columns and
one missing-group column per group, fixture train split) and refits it with
LogisticRegression(C = 1 / l2, newton-cholesky, tol 1e-14; lbfgs stops at 3e-4 from the optimum here, with an objective 1.6e-6 higher): the same objective as our L2 Newton fit
(sum of log-losses + (l2 / 2) ||beta||^2, intercept not penalised). Writes missing_bins_sklearn.json
with both sets of parameters and the largest absolute difference.
Run: npx tsx benchmarks/reference/scorecard/exportMissingDesign.ts && /usr/bin/python3 benchmarks/reference/scorecard/missing_bins_sklearn.py
"""
import json, os, tempfile
import numpy as np, pandas as pd, sklearn
from sklearn.linear_model import LogisticRegression

here = os.path.dirname(os.path.abspath(__file__))
tmp = tempfile.gettempdir()
design = pd.read_csv(os.path.join(tmp, 'credit-scoring-missing-design.csv'))
ours = json.load(open(os.path.join(tmp, 'credit-scoring-missing-design.json')))
X = design.drop(columns=['y']).to_numpy()
y = design['y'].to_numpy()
model = LogisticRegression(C=1 / ours['l2'], solver='newton-cholesky', tol=1e-14, max_iter=1000).fit(X, y)
k = len(ours['coefficients'])
theirs = {
  'intercept': float(model.intercept_[0]),
  'coefficients': [float(v) for v in model.coef_[0][:k]],
  'groupTerms': [float(v) for v in model.coef_[0][k:]],
}
diff = max(
  [abs(theirs['intercept'] - ours['intercept'])]
  + [abs(a - b) for a, b in zip(theirs['coefficients'], ours['coefficients'])]
  + [abs(a - b) for a, b in zip(theirs['groupTerms'], ours['groupTerms'])]
)
out = {
  'made_by': 'benchmarks/reference/scorecard/exportMissingDesign.ts + missing_bins_sklearn.py, scikit-learn ' + sklearn.__version__,
  'rows': ours['rows'],
  'columns': list(design.columns[:-1]),
  'groups': ours['groups'],
  'ours': {k2: ours[k2] for k2 in ('intercept', 'coefficients', 'groupTerms')},
  'sklearn': theirs,
  'maxAbsDifference': diff,
}
with open(os.path.join(here, 'missing_bins_sklearn.json'), 'w') as f:
  json.dump(out, f, indent=1)
  f.write('\n')
print('max |ours - sklearn| =', diff)
