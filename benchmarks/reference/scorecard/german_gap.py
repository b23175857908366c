#!/usr/bin/python3
"""Decomposes the scorecard's German-credit gap to the reference logistic regression.

Reads the export of germanGap.ts (the scorecard's predictions, kept characteristics and bins on the
fixed split and on 5 x 5-fold CV folds of train.csv) and fits, on the same rows, with scikit-learn:

  A  reference: one-hot logistic on all 20 characteristics (../shared/datasets/reference.py's
     pipeline: median imputation with indicators + standardisation for numbers, one-hot for text,
     LogisticRegression(C=1))
  B  the same, on the characteristics the scorecard keeps            A - B = selection
  C  logistic on one-hot of the scorecard's bins of those characteristics  B - C = binning / grouping
  D  the scorecard itself (WoE, one coefficient per characteristic, sign check, points)
                                                                     C - D = WoE coding
  E  logistic on one-hot of the bins of all 20 characteristics

and a paired bootstrap (2,000 resamples of the 300 test rows, seed 1) of the test AUC difference
D - A. Writes german_gap.json. CV rows come from train.csv only.
Run: npx tsx benchmarks/reference/scorecard/germanGap.ts && /usr/bin/python3 benchmarks/reference/scorecard/german_gap.py
"""
import json, os, tempfile
import numpy as np, pandas as pd, sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '../../../../shared/datasets/german-credit')
export = json.load(open(os.path.join(tempfile.gettempdir(), 'credit-scoring-german-gap.json')))
train = pd.read_csv(os.path.join(root, 'train.csv'))
test = pd.read_csv(os.path.join(root, 'test.csv'))
TARGET = 'creditability'
ALL = [c for c in train.columns if c != TARGET]


def raw_lr(Xa, ya, Xb, cols):
    cat = [c for c in cols if Xa[c].dtype == object]
    num = [c for c in cols if c not in cat]
    ct = ColumnTransformer([('num', make_pipeline(SimpleImputer(strategy='median', add_indicator=True), StandardScaler()), num),
                            ('cat', make_pipeline(SimpleImputer(strategy='constant', fill_value='(missing)'), OneHotEncoder(handle_unknown='ignore')), cat)])
    m = make_pipeline(ct, LogisticRegression(C=1.0, max_iter=5000)).fit(Xa[cols], ya)
    return m.predict_proba(Xb[cols])[:, 1]


def bins_lr(p, cols, ya):
    oh = OneHotEncoder(handle_unknown='ignore')
    A = oh.fit_transform(np.column_stack([p['bins'][c]['fit'] for c in cols]))
    B = oh.transform(np.column_stack([p['bins'][c]['test'] for c in cols]))
    return LogisticRegression(C=1.0, max_iter=5000).fit(A, ya).decision_function(B)


def evaluate(p, Xa, Xb):
    ya = np.array(p['yFit']); yb = np.array(p['yTest'])
    kept = p['kept']
    scores = {
        'A_reference_all': raw_lr(Xa, ya, Xb, ALL),
        'B_reference_kept': raw_lr(Xa, ya, Xb, kept),
        'C_bins_onehot_kept': bins_lr(p, kept, ya),
        'D_scorecard': np.array(p['scorecardPd']),
        'E_bins_onehot_all': bins_lr(p, ALL, ya),
    }
    return {k: float(roc_auc_score(yb, v)) for k, v in scores.items()}, scores, yb


r5 = lambda v: round(float(v), 5)
split = export['split']
split_auc, split_scores, y_test = evaluate(split, train, test)
rng = np.random.RandomState(1)
diffs = []
n = len(y_test)
while len(diffs) < 2000:
    i = rng.randint(0, n, n)
    if y_test[i].min() == y_test[i].max():
        continue
    diffs.append(roc_auc_score(y_test[i], split_scores['D_scorecard'][i]) - roc_auc_score(y_test[i], split_scores['A_reference_all'][i]))
diffs = np.array(diffs)

fold_auc = []
for p in export['folds']:
    a = train.iloc[p['fitRows']].reset_index(drop=True)
    b = train.iloc[p['testRows']].reset_index(drop=True)
    fold_auc.append(evaluate(p, a, b)[0])
keys = list(split_auc)
cv = {k: r5(np.mean([f[k] for f in fold_auc])) for k in keys}


def paired(x, y):
    d = np.array([f[x] - f[y] for f in fold_auc])
    return {'mean': r5(d.mean()), 'standardError': r5(d.std(ddof=1) / np.sqrt(len(d)))}


steps = {'selection (A - B)': ('A_reference_all', 'B_reference_kept'),
         'binning and grouping of the kept characteristics (B - C)': ('B_reference_kept', 'C_bins_onehot_kept'),
         'WoE coding, one coefficient each, sign check (C - D)': ('C_bins_onehot_kept', 'D_scorecard'),
         'total (A - D)': ('A_reference_all', 'D_scorecard')}
out = {
    'made_by': 'benchmarks/reference/scorecard/germanGap.ts + german_gap.py, scikit-learn %s' % sklearn.__version__,
    'models': {'A_reference_all': 'one-hot logistic (reference.py pipeline, C=1) on all 20 characteristics',
               'B_reference_kept': 'the same on the characteristics the scorecard keeps',
               'C_bins_onehot_kept': "logistic (C=1) on one-hot of the scorecard's bins of those characteristics",
               'D_scorecard': 'the scorecard (trainScorecard defaults, PD through loadModel)',
               'E_bins_onehot_all': 'logistic (C=1) on one-hot of the default bins of all 20 characteristics'},
    'testSplit': {
        'kept': split['kept'],
        'auc': {k: r5(v) for k, v in split_auc.items()},
        'gap': {s: r5(split_auc[a] - split_auc[b]) for s, (a, b) in steps.items()},
        'bootstrapScorecardMinusReference': {'resamples': 2000, 'mean': r5(diffs.mean()), 'ci95': [r5(np.percentile(diffs, 2.5)), r5(np.percentile(diffs, 97.5))],
                                             'shareAtLeastMinus0005': r5((diffs >= -0.005).mean())},
    },
    'cvOnTrain': {
        'folds': '5 x stratified 5-fold of train.csv (kFoldSplit seeds 1000..1004), 25 fits per model',
        'auc': cv,
        'gap': {s: paired(a, b) for s, (a, b) in steps.items()},
        'scorecardMinusReferenceFoldsAbove': int(sum(f['D_scorecard'] > f['A_reference_all'] for f in fold_auc)),
    },
}
with open(os.path.join(here, 'german_gap.json'), 'w') as fh:
    json.dump(out, fh, indent=1)
    fh.write('\n')
print(json.dumps(out, indent=1))
