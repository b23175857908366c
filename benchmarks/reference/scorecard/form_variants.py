#!/usr/bin/python3
"""Would a richer model form close the default scorecard's gap to the fixture ground truth?

Reads the export of exportFormDesign.ts (the default model's kept characteristics as bin indices,
train rows and three 20,000-applicant VALIDATION draws; the committed hold-out is not used) and
fits, on the train rows, L2 logistic regressions (scipy L-BFGS-B; the same objective as ours:
sum of log-losses + penalties / 2 * ||.||^2, intercept free):

  base        the default model's design: each characteristic's WoE column (one coefficient each)
              plus one column per missing group (share of the group's characteristics missing),
              penalty l2 -- reproduces our fit (check: largest parameter difference, AUCs)
  binEffects  base plus a free effect per bin (one-hot of every bin of every characteristic),
              ridge-shrunk towards the WoE shape with penalty lambda: points no longer tied to
              coefficient x WoE (the "dummy coding" of SAS-style scorecards, shrunk)
  segment X   base plus WoE x segment columns (a different coefficient per characteristic inside
              the segment, shrunk with lambda): the additive form of a segmented scorecard, for
              no bureau hit, young files (average trade age in the two lowest bins), no bank data,
              and no-hit + no-bank together

No sign rule is imposed on the extra terms, so each figure is an upper bound for its form.
Reports each draw's gap to the truth AUC (true PD, latent shock included) and the mean over the
three draws. Writes form_variants.json.

  npx tsx benchmarks/reference/scorecard/exportFormDesign.ts && /usr/bin/python3 benchmarks/reference/scorecard/form_variants.py
"""
import json, os, tempfile
import numpy as np, scipy, sklearn
from scipy.optimize import minimize
from sklearn.metrics import roc_auc_score

here = os.path.dirname(os.path.abspath(__file__))
d = json.load(open(os.path.join(tempfile.gettempdir(), 'credit-scoring-form-design.json')))
names = d['names']
J = len(names)
woe = [np.array(w) for w in d['woe']]
groups = sorted(set(g for g in d['missingGroup'] if g))
validation = [k for k in d['sets'] if k.startswith('validation')]
missing = lambda B, name: (B[names.index(name)] == d['missingBin'][names.index(name)]).astype(float)


def columns(s, form):
    B = [np.array(b) for b in s['bins']]
    W = np.column_stack([woe[j][B[j]] for j in range(J)])
    G = np.column_stack([np.mean([B[j] == d['missingBin'][j] for j in range(J) if d['missingGroup'][j] == g], axis=0) for g in groups])
    extra = []
    if form == 'binEffects':
        extra = [np.column_stack([(B[j] == k).astype(float) for j in range(J) for k in range(len(woe[j]))])]
    elif form.startswith('segment'):
        nohit = missing(B, 'count30dpd24m')
        nobank = missing(B, 'overdrafts6m')
        young = ((B[names.index('averageTradeAgeMonths')] <= 1) & (nohit == 0)).astype(float)
        segments = {'segment no-hit': [nohit], 'segment young file': [young], 'segment no bank': [nobank], 'segment no-hit + no bank': [nohit, nobank]}[form]
        extra = [W * s[:, None] for s in segments]
    return np.hstack([W, G] + extra), W.shape[1] + G.shape[1]


def fit(form, lam):
    X, p0 = columns(d['sets']['train'], form)
    y = np.array(d['sets']['train']['y'])
    p = X.shape[1]
    pen = np.array([d['l2']] * p0 + [lam] * (p - p0), dtype=float)

    def f(w):
        z = X @ w[:p] + w[p]
        pr = 1 / (1 + np.exp(-z))
        return np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(pen * w[:p] ** 2), np.concatenate([X.T @ (pr - y) + pen * w[:p], [np.sum(pr - y)]])

    return minimize(f, np.zeros(p + 1), jac=True, method='L-BFGS-B', options={'maxiter': 10000, 'gtol': 1e-9}).x


truth = {k: roc_auc_score(d['sets'][k]['y'], d['sets'][k]['truePd']) for k in validation}
rows = []
for form, lams in [('base', [None]), ('binEffects', [5, 20, 50, 100]), ('segment no-hit', [5, 20, 100]), ('segment young file', [5, 20, 100]),
                   ('segment no bank', [5, 20, 100]), ('segment no-hit + no bank', [5, 20, 100])]:
    for lam in lams:
        w = fit(form, lam if lam is not None else 0.0)
        gaps = []
        for k in validation:
            X, _ = columns(d['sets'][k], form)
            gaps.append(truth[k] - roc_auc_score(d['sets'][k]['y'], X @ w[:-1] + w[-1]))
        row = {'form': form, 'lambda': lam, 'gapToTruth': [round(g, 5) for g in gaps], 'meanGap': round(float(np.mean(gaps)), 5)}
        if form == 'base':
            row['maxAbsDifferenceFromOurFit'] = float(np.max(np.abs(np.concatenate([[w[-1] - d['ours']['intercept']], w[:J] - np.array(d['ours']['coefficients'])]))))
        print(row)
        rows.append(row)

json.dump({
    'made_by': 'benchmarks/reference/scorecard/exportFormDesign.ts + form_variants.py, scikit-learn ' + sklearn.__version__ + ', scipy ' + scipy.__version__,
    'training': 'committed train split of the fixture sample (3,500 rows), the default model\'s kept characteristics and bins',
    'validation': {k: {'rows': len(d['sets'][k]['y']), 'truthAuc': round(truth[k], 5)} for k in validation},
    'l2': d['l2'],
    'variants': rows,
}, open(os.path.join(here, 'form_variants.json'), 'w'), indent=1)
