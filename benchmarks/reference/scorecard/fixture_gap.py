#!/usr/bin/python3
"""What limits the default scorecard on the fixture hold-out: logistic regressions on the WoE
columns of the feature catalogue's default bins (exported by fixtureGap.ts), fitted on the train
rows, AUC on the hold-out rows (i % 10 >= 7):

  unconstrained   scikit-learn LogisticRegression(C=1) on every WoE column with IV >= 0.02
                  (no correlation / VIF filter, no sign rule)
  signConstrained the same objective with every coefficient <= 0 (the scorecard's sign rule:
                  points follow WoE), scipy L-BFGS-B; IV >= 0.02 and IV >= 0
  signConstrainedFreeMissing  as signConstrained (IV >= 0) plus a free, unconstrained indicator
                  per missing bin instead of its WoE (what a missing bin shared by many
                  characteristics, e.g. no bureau hit, would need)

Writes fixture_gap.json with the truth figures from fixtures/truth.json and fixtures/truth.sklearn.json.
Run: npx tsx benchmarks/reference/scorecard/fixtureGap.ts && /usr/bin/python3 benchmarks/reference/scorecard/fixture_gap.py
"""
import json, os, tempfile
import numpy as np, sklearn
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '../../..')
d = json.load(open(os.path.join(tempfile.gettempdir(), 'credit-scoring-fixture-gap.json')))
truth = json.load(open(os.path.join(root, 'fixtures/truth.json')))
ref = json.load(open(os.path.join(root, 'fixtures/truth.sklearn.json')))
y = np.array(d['yTrain']); yh = np.array(d['yHoldout'])


def design(cols, part, free_missing):
    X = []
    for c in cols:
        e = d['columns'][c]; w = np.array(e['woe']); b = np.array(e[part]); missing = np.array(e['kind'])[b] == 'missing'
        if free_missing:
            X.append(np.where(missing, 0.0, w[b])); X.append(missing.astype(float))
        else:
            X.append(w[b])
    return np.column_stack(X)


def bounded_fit(X, bounded, l2=1.0):
    p = X.shape[1]
    def f(wb):
        w, b = wb[:p], wb[p]; z = X @ w + b
        pr = 1 / (1 + np.exp(-z))
        return np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * w @ w, np.concatenate([X.T @ (pr - y) + l2 * w, [np.sum(pr - y)]])
    r = minimize(f, np.zeros(p + 1), jac=True, method='L-BFGS-B', bounds=[(None, 0) if k else (None, None) for k in bounded] + [(None, None)])
    return r.x[:p], r.x[p]


def cols_with(iv):
    return [c for c in d['columns'] if d['columns'][c]['iv'] >= iv]


r5 = lambda v: round(float(v), 5)
out = {'made_by': 'benchmarks/reference/scorecard/fixtureGap.ts + fixture_gap.py, scikit-learn %s' % sklearn.__version__,
       'holdoutAuc': {
           'truth (fixtures/truth.json auc.holdout)': truth['auc']['holdout'],
           'observable truth, latent shock excluded (observableAuc.holdout)': truth['observableAuc']['holdout'],
           'acceptance: truth - 0.02': r5(truth['auc']['holdout'] - 0.02),
           'scikit-learn on the TRUE characteristics, logistic on decile bins (truth.sklearn.json)': r5(ref['referenceModels']['logisticDecileBinsC0.1']),
           'scikit-learn on the TRUE characteristics, HistGBM (truth.sklearn.json)': r5(ref['referenceModels']['histGradientBoosting']),
           'default scorecard (models/default.json)': r5(d['defaultModel']['holdoutAuc']),
           'scorecard, trainScorecard defaults, on the TRUE characteristics': r5(d['truthCharacteristicsScorecard']['holdoutAuc']),
       }}
cols = cols_with(0.02)
m = LogisticRegression(C=1.0, max_iter=5000).fit(design(cols, 'train', False), y)
out['holdoutAuc']['catalogue WoE, IV >= 0.02, unconstrained logistic (%d columns)' % len(cols)] = r5(roc_auc_score(yh, m.decision_function(design(cols, 'holdout', False))))
for iv in (0.02, 0.0):
    cols = cols_with(iv)
    w, b = bounded_fit(design(cols, 'train', False), [True] * len(cols))
    out['holdoutAuc']['catalogue WoE, IV >= %g, sign-constrained logistic (%d of %d columns non-zero)' % (iv, int((w < -1e-6).sum()), len(cols))] = r5(roc_auc_score(yh, design(cols, 'holdout', False) @ w + b))
cols = cols_with(0.0)
w, b = bounded_fit(design(cols, 'train', True), [True, False] * len(cols))
out['holdoutAuc']['catalogue WoE, IV >= 0, sign-constrained, free missing-bin indicators'] = r5(roc_auc_score(yh, design(cols, 'holdout', True) @ w + b))
with open(os.path.join(here, 'fixture_gap.json'), 'w') as fh:
    json.dump(out, fh, indent=1)
    fh.write('\n')
print(json.dumps(out, indent=1))
