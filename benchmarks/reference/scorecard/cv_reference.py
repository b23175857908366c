#!/usr/bin/python3
"""5-fold cross-validated AUC of the reference L2 logistic regression on each dataset's train.csv.

Same pipeline as ../shared/datasets/reference.py (numeric: median imputation with missing
indicators + standardisation; text columns: one-hot; LogisticRegression(C=1, max_iter=5000)), on
train.csv only, folds = row index % 5 in file order (the split files are already shuffled). Used to
compare the scorecard with the reference on 5 x 140-row German test folds instead of the single
300-row test split. Writes cv_reference.json.
Run: /usr/bin/python3 benchmarks/reference/scorecard/cv_reference.py  (Debian scikit-learn 1.2.1)
"""
import json, os
import numpy as np, pandas as pd, sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '../../../../shared/datasets')
SPECS = {'german-credit': ('creditability', 'bad'), 'south-german-credit': ('kredit', 0),
         'taiwan-default': ('default.payment.next.month', 1), 'home-credit-sample': ('TARGET', 1),
         'give-me-some-credit': ('SeriousDlqin2yrs', 1)}
out = {'made_by': 'benchmarks/reference/scorecard/cv_reference.py, scikit-learn %s' % sklearn.__version__,
       'folds': 'row index % 5 of train.csv', 'datasets': {}}
for name, (target, bad) in SPECS.items():
    df = pd.read_csv(os.path.join(root, name, 'train.csv'))
    y = (df[target] == bad).astype(int).to_numpy()
    X = df.drop(columns=[target])
    cat = [c for c in X.columns if X[c].dtype == object]
    num = [c for c in X.columns if c not in cat]
    folds = np.arange(len(df)) % 5
    aucs = []
    for f in range(5):
        tr, te = folds != f, folds == f
        ct = ColumnTransformer([('num', make_pipeline(SimpleImputer(strategy='median', add_indicator=True), StandardScaler()), num),
                                ('cat', make_pipeline(SimpleImputer(strategy='constant', fill_value='(missing)'), OneHotEncoder(handle_unknown='ignore')), cat)])
        m = make_pipeline(ct, LogisticRegression(C=1.0, max_iter=5000)).fit(X[tr], y[tr])
        aucs.append(float(roc_auc_score(y[te], m.predict_proba(X[te])[:, 1])))
    out['datasets'][name] = {'logistic_l2_fold_auc': [round(a, 5) for a in aucs], 'logistic_l2_cv_auc': round(float(np.mean(aucs)), 5)}
    print(name, out['datasets'][name])
with open(os.path.join(here, 'cv_reference.json'), 'w') as fh:
    json.dump(out, fh, indent=1)
    fh.write('\n')
