#!/usr/bin/python3
"""Golden reference values for fitLogisticRegression, from scikit-learn (Debian python3-sklearn).

Run from the repository root (needs ../shared/datasets for the German credit case):

    apt-get install -y python3-sklearn python3-pandas
    /usr/bin/python3 test/golden/logistic/make_golden.py

Writes test/golden/logistic/golden.json. Each case holds the exact inputs that were fitted (synthetic
cases: generated here with a fixed numpy seed and rounded to 6 decimals, so the JSON text *is* the
data) or, for German credit, the recipe to rebuild the design matrix from
../shared/datasets/german-credit/train.csv (the data itself is never copied: only the coefficients
are stored). Each case is fitted twice with scikit-learn's LogisticRegression(C = 1 / l2) -- or
penalty=None for l2 = 0 -- and sample weights:

- solver='lbfgs', tol=1e-12, max_iter=100000: the solver the foundation issue names. It stops on its
  own relative-decrease test (ftol = 64 eps) at max |gradient| / total weight of about 1e-6 to 5e-6,
  so its coefficients are only good to about 1e-5 absolute: recorded under "lbfgs" and compared
  loosely.
- solver='newton-cg', tol=1e-8: reaches max |gradient| / total weight below 1e-11, i.e. the exact
  optimum to about 1e-10; recorded under "expected" and compared at 1e-6 relative (a difference
  in the coefficients of the two solvers is shown for each case).

The gradient is evaluated here in numpy on our objective
    sum_i w_i * logloss_i + (l2 / 2) * ||beta||^2   (intercept unpenalised)
so the JSON shows how close each reference is to the true optimum.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
GERMAN = os.path.join(REPO, '..', 'shared', 'datasets', 'german-credit', 'train.csv')
GERMAN_NUMERIC = [
    'duration_in_month',
    'credit_amount',
    'installment_rate_in_percentage_of_disposable_income',
    'present_residence_since',
    'age_in_years',
    'number_of_existing_credits_at_this_bank',
    'number_of_people_being_liable_to_provide_maintenance_for',
]


def objective_and_gradient(X, y, w, l2, intercept, coef, fit_intercept):
    eta = X @ coef + intercept
    softplus = np.logaddexp(0.0, eta)
    f = float(np.sum(w * (softplus - y * eta)) + 0.5 * l2 * np.sum(coef * coef))
    p = 1.0 / (1.0 + np.exp(-eta))
    r = w * (p - y)
    g = X.T @ r + l2 * coef
    if fit_intercept:
        g = np.concatenate([[np.sum(r)], g])
    return f, float(np.max(np.abs(g)) / np.sum(w))


def fit(X, y, w, l2, fit_intercept, solver):
    tol = 1e-8 if solver == 'newton-cg' else 1e-12
    kwargs = dict(solver=solver, tol=tol, max_iter=100000, fit_intercept=fit_intercept)
    if l2 == 0:
        kwargs['penalty'] = None
    else:
        kwargs['C'] = 1.0 / l2
    model = LogisticRegression(**kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # lbfgs may warn that it stopped at machine precision
        model.fit(X, y, sample_weight=w)
    intercept = float(model.intercept_[0]) if fit_intercept else 0.0
    return intercept, model.coef_[0].astype(float), int(model.n_iter_[0])


def case(name, X, y, w, l2, fit_intercept, input_spec):
    intercept, coef, n_iter = fit(X, y, w, l2, fit_intercept, 'newton-cg')
    f, grad = objective_and_gradient(X, y, w, l2, intercept, coef, fit_intercept)
    intercept2, coef2, n_iter2 = fit(X, y, w, l2, fit_intercept, 'lbfgs')
    f2, grad2 = objective_and_gradient(X, y, w, l2, intercept2, coef2, fit_intercept)
    difference = float(max(abs(intercept - intercept2), np.max(np.abs(coef - coef2))))
    return {
        'name': name,
        'l2': l2,
        'fitIntercept': fit_intercept,
        'input': input_spec,
        'expected': {
            'solver': 'newton-cg',
            'intercept': intercept,
            'coefficients': [float(c) for c in coef],
            'objective': f,
            'iterations': n_iter,
            'maxAbsGradientOverWeight': grad,
        },
        'lbfgs': {
            'intercept': intercept2,
            'coefficients': [float(c) for c in coef2],
            'objective': f2,
            'iterations': n_iter2,
            'maxAbsGradientOverWeight': grad2,
            'maxAbsDifferenceFromExpected': difference,
        },
    }


def synthetic(rng, n, beta, intercept, scales):
    p = len(beta)
    X = np.round(rng.standard_normal((n, p)) * np.asarray(scales), 6)
    eta = intercept + (X / np.asarray(scales)) @ np.asarray(beta)
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-eta))).astype(float)
    return X, y


def inline(names, X, y, w):
    spec = {'kind': 'inline', 'names': names, 'rows': [[float(v) for v in row] for row in X], 'y': [int(v) for v in y]}
    if w is not None:
        spec['weights'] = [float(v) for v in w]
    return spec


def main():
    rng = np.random.default_rng(20261123)
    cases = []

    names5 = ['x1', 'x2', 'x3', 'x4', 'x5']
    X, y = synthetic(rng, 500, [0.8, -0.5, 0.3, 1.2, 0.0], -1.0, [1.0, 2.0, 0.5, 10.0, 1.0])
    w = np.round(rng.uniform(0.5, 2.0, 500), 4)
    cases.append(case('gaussian 500x5 weighted, l2 = 1', X, y, w, 1.0, True, inline(names5, X, y, w)))
    cases.append(case('gaussian 500x5 unweighted, l2 = 0.01', X, y, np.ones(500), 0.01, True, inline(names5, X, y, None)))
    cases.append(case('gaussian 500x5 unweighted, l2 = 0 (maximum likelihood)', X, y, np.ones(500), 0.0, True, inline(names5, X, y, None)))
    cases.append(case('gaussian 500x5 weighted, no intercept, l2 = 0.5', X, y, w, 0.5, False, inline(names5, X, y, w)))

    # Perfectly separable: y = 1 exactly when x1 + x2 > 0. Finite only because l2 > 0.
    Xs = np.round(rng.standard_normal((200, 3)), 6)
    ys = (Xs[:, 0] + Xs[:, 1] > 0).astype(float)
    cases.append(case('separable 200x3, l2 = 1', Xs, ys, np.ones(200), 1.0, True, inline(['a', 'b', 'c'], Xs, ys, None)))

    if os.path.exists(GERMAN):
        df = pd.read_csv(GERMAN)
        raw = df[GERMAN_NUMERIC].to_numpy(dtype=float)
        Xg = (raw - raw.mean(axis=0)) / raw.std(axis=0)  # population std (ddof = 0), as StandardScaler
        yg = (df['creditability'] == 'bad').to_numpy(dtype=float)
        spec = {
            'kind': 'german-credit',
            'file': 'german-credit/train.csv',
            'columns': GERMAN_NUMERIC,
            'target': {'column': 'creditability', 'bad': 'bad'},
            'standardise': 'subtract the column mean, divide by the population standard deviation (ddof = 0)',
            'rows': int(len(df)),
        }
        cases.append(case('german credit train.csv numeric columns standardised, l2 = 1', Xg, yg, np.ones(len(yg)), 1.0, True, spec))
        cases.append(case('german credit train.csv numeric columns standardised, l2 = 0', Xg, yg, np.ones(len(yg)), 0.0, True, spec))
    else:
        print('skipping German credit: ' + GERMAN + ' not found')

    out = {
        'generatedBy': 'test/golden/logistic/make_golden.py',
        'reference': 'scikit-learn %s, numpy %s (Debian python3-sklearn)' % (sklearn.__version__, np.__version__),
        'objective': 'sum_i w_i * logloss_i + (l2 / 2) * ||beta||^2, intercept unpenalised (sklearn C = 1 / l2)',
        'cases': cases,
    }
    path = os.path.join(HERE, 'golden.json')
    with open(path, 'w') as fh:
        json.dump(out, fh, indent=1)
        fh.write('\n')
    for c in cases:
        e, l = c['expected'], c['lbfgs']
        print('%-64s newton-cg: %3d it, grad %.1e | lbfgs: %3d it, grad %.1e, max |diff| %.1e' % (c['name'], e['iterations'], e['maxAbsGradientOverWeight'], l['iterations'], l['maxAbsGradientOverWeight'], l['maxAbsDifferenceFromExpected']))
    print('wrote ' + path)


if __name__ == '__main__':
    main()
