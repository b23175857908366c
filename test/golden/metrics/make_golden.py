#!/usr/bin/python3
"""Golden reference values for src/metrics, computed independently with scikit-learn, scipy and numpy.

Run (Debian packages: apt-get install -y python3-sklearn python3-scipy):

    /usr/bin/python3 test/golden/metrics/make_golden.py

It writes test/golden/metrics/metrics.json next to this file. The TypeScript tests read that JSON and
need no Python. Versions used are recorded in the JSON ("generator").

Definitions that are ours (no sklearn/scipy function exists) are re-implemented here straight from the
formula, without reusing any TypeScript code:
  - quantile bands: interior cut points = weighted inverted-CDF quantiles at k/g, k = 1..g-1
    (smallest v with W(<= v) >= k*W/g), duplicates merged, a cut at the maximum dropped; bands are
    right-closed (c_{j-1}, c_j]  (np.searchsorted(cuts, x, side='left')). For unweighted data the cut
    points are cross-checked against np.quantile(method='inverted_cdf').
  - Hosmer-Lemeshow: sum (O-E)^2 / (E (1 - E/n)) over the non-empty bands, df = G - 2, scipy chi2.sf.
  - calibration slope/intercept: 2-parameter logistic MLE of y on logit(p) with scipy.optimize
    (trust-exact with analytic gradient and Hessian, polished by optimize.root on the score equations),
    calibration-in-the-large: 1-parameter with offset (brentq on its score equation).
  - PSI: sum (c - r) ln(c / r) over reference bands; if any band is empty in one sample, 0.5 is added
    to every band's count in both samples.
  - DeLong: the O(m*n) definition with the psi kernel (1 if bad > good, 1/2 if equal), covariances
    with divisor m-1 and n-1, two-sided normal p-value (scipy norm.sf).
"""
import json
import math
import os
import sys

import numpy as np
import scipy
import sklearn
from scipy import optimize, special, stats
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score, roc_curve

HERE = os.path.dirname(os.path.abspath(__file__))


def fl(a):
    return [float(v) for v in a]


# ----------------------------------------------------------------------------- vectors

def make_vectors():
    vectors = []
    # 1. tiny, sklearn's documentation example
    vectors.append(dict(name='tiny', scores=[0.1, 0.4, 0.35, 0.8], labels=[0, 0, 1, 1], weights=None))

    # 2. ties: PDs rounded to 1 decimal, n = 60
    rs = np.random.RandomState(11)
    y = (rs.rand(60) < 0.35).astype(int)
    s = np.clip(np.round(0.3 + 0.25 * y + rs.normal(0, 0.2, 60), 1), 0.05, 0.95)
    vectors.append(dict(name='ties', scores=fl(s), labels=[int(v) for v in y], weights=None))

    # 3. weights: n = 300, continuous PDs, weights in [0.2, 3] with a few zeros (not at the riskiest end)
    rs = np.random.RandomState(23)
    x = rs.normal(0, 1, 300)
    p = 1 / (1 + np.exp(-(-1.2 + 1.1 * x)))
    y = (rs.rand(300) < p).astype(int)
    w = np.round(rs.uniform(0.2, 3, 300), 3)
    order = np.argsort(-p)
    w[order[[40, 77, 150, 222]]] = 0.0
    vectors.append(dict(name='weights', scores=fl(p), labels=[int(v) for v in y], weights=fl(w)))

    # 4. large: n = 2000 logistic PDs
    rs = np.random.RandomState(5)
    x = rs.normal(0, 1, 2000)
    p = 1 / (1 + np.exp(-(-2.0 + 1.3 * x)))
    y = (rs.rand(2000) < 1 / (1 + np.exp(-(-2.1 + 1.1 * x)))).astype(int)
    vectors.append(dict(name='large', scores=fl(p), labels=[int(v) for v in y], weights=None))

    # 5. large with ties and weights: PDs rounded to 3 decimals, integer-ish weights
    rs = np.random.RandomState(77)
    x = rs.normal(0, 1, 2000)
    p = np.clip(np.round(1 / (1 + np.exp(-(-1.5 + 0.9 * x))), 3), 0.001, 0.999)
    y = (rs.rand(2000) < p).astype(int)
    w = rs.choice([0.5, 1.0, 1.0, 2.0, 3.5], 2000)
    vectors.append(dict(name='largeTiesWeighted', scores=fl(p), labels=[int(v) for v in y], weights=fl(w)))

    # 6. all scores tied
    y = [0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]
    vectors.append(dict(name='allTied', scores=[0.2] * 20, labels=y, weights=None))

    # 7. credit scores, higher = safer (sklearn sees the negated score)
    rs = np.random.RandomState(3)
    x = rs.normal(0, 1, 400)
    score = np.round(600 + 40 * x + rs.normal(0, 25, 400))
    pd = 1 / (1 + np.exp((score - 560) / 28.85))
    y = (rs.rand(400) < pd).astype(int)
    vectors.append(dict(name='creditScores', scores=fl(score), labels=[int(v) for v in y], weights=None, higherIsSafer=True))

    # 8. single class: every metric that ranks must refuse it
    vectors.append(dict(name='singleClass', scores=[0.1, 0.2, 0.3, 0.4, 0.5], labels=[0, 0, 0, 0, 0], weights=None))
    return vectors


# ----------------------------------------------------------------------------- definitions

def cut_points(values, weights, groups):
    values = np.asarray(values, float)
    w = np.ones_like(values) if weights is None else np.asarray(weights, float)
    order = np.argsort(values, kind='mergesort')
    v = values[order]
    cw = np.cumsum(w[order])
    total = cw[-1]
    # cumulative weight at the end of each run of equal values
    ends = np.r_[np.nonzero(np.diff(v))[0], len(v) - 1]
    run_values = v[ends]
    run_cum = cw[ends]
    cuts = []
    for k in range(1, groups):
        target = k * total / groups
        j = int(np.argmax(run_cum >= target))
        c = run_values[j]
        if c < v[-1] and (not cuts or c > cuts[-1]):
            cuts.append(float(c))
    if weights is None:
        q = np.quantile(values, [k / groups for k in range(1, groups)], method='inverted_cdf')
        check = sorted(set(float(c) for c in q if c < values.max()))
        assert check == cuts, (check, cuts)
    return cuts


def band_index(cuts, x):
    return np.searchsorted(np.asarray(cuts, float), np.asarray(x, float), side='left')


def calibration(p, y, w, groups=10):
    p = np.asarray(p, float)
    y = np.asarray(y, float)
    w = np.ones_like(p) if w is None else np.asarray(w, float)
    cuts = cut_points(p, None if np.all(w == 1) else w, groups)
    b = band_index(cuts, p)
    rows = []
    for k in range(len(cuts) + 1):
        m = b == k
        n = w[m].sum()
        if n <= 0:
            continue
        rows.append(dict(band=k, count=int(m.sum()), weight=float(n), expectedBads=float((w[m] * p[m]).sum()),
                         observedBads=float((w[m] * y[m]).sum())))
    stat = sum((r['observedBads'] - r['expectedBads']) ** 2 / (r['expectedBads'] * (1 - r['expectedBads'] / r['weight'])) for r in rows)
    df = len(rows) - 2
    if df < 1:  # fewer than 3 groups: the test is undefined and the TS function must refuse
        return dict(cutPoints=cuts, bands=rows, hlExpectError='InsufficientDataError')
    return dict(cutPoints=cuts, bands=rows, hlStatistic=float(stat), hlDegreesOfFreedom=df, hlPValue=float(stats.chi2.sf(stat, df)))


def calibration_slope(p, y, w):
    p = np.asarray(p, float)
    y = np.asarray(y, float)
    w = np.ones_like(p) if w is None else np.asarray(w, float)
    x = np.log(p) - np.log1p(-p)

    def nll(t):
        e = t[0] + t[1] * x
        return -np.sum(w * (y * e - np.logaddexp(0, e)))

    def grad(t):
        mu = special.expit(t[0] + t[1] * x)
        r = w * (y - mu)
        return -np.array([r.sum(), (r * x).sum()])

    def hess(t):
        mu = special.expit(t[0] + t[1] * x)
        v = w * mu * (1 - mu)
        return np.array([[v.sum(), (v * x).sum()], [(v * x).sum(), (v * x * x).sum()]])

    r = optimize.minimize(nll, [0.0, 1.0], jac=grad, hess=hess, method='trust-exact', options={'gtol': 1e-13})
    # polish: solve the score equations with MINPACK's hybrid method from the minimiser's answer
    r = optimize.root(grad, r.x, jac=hess, method='hybr', options={'xtol': 1e-15})
    assert np.max(np.abs(grad(r.x))) < 1e-9 * len(x), r

    def nll1(t):
        e = t[0] + x
        return -np.sum(w * (y * e - np.logaddexp(0, e)))

    r1 = optimize.minimize_scalar(lambda a: nll1([a]), bracket=(-5, 5), method='brent', tol=1e-14)
    # polish with a 1-D root of the score equation
    a0 = optimize.brentq(lambda a: np.sum(w * (y - special.expit(a + x))), r1.x - 5, r1.x + 5, xtol=1e-15, rtol=1e-15)
    return dict(slope=float(r.x[1]), intercept=float(r.x[0]), calibrationInTheLarge=float(a0))


def psi(reference, current, groups=10, rw=None, cw=None, cuts=None, pseudo=0.5):
    reference = np.asarray(reference, float)
    current = np.asarray(current, float)
    rw = np.ones_like(reference) if rw is None else np.asarray(rw, float)
    cw = np.ones_like(current) if cw is None else np.asarray(cw, float)
    if cuts is None:
        cuts = cut_points(reference, None if np.all(rw == 1) else rw, groups)
    k = len(cuts) + 1
    r = np.bincount(band_index(cuts, reference), weights=rw, minlength=k)
    c = np.bincount(band_index(cuts, current), weights=cw, minlength=k)
    keep = ~((r == 0) & (c == 0))
    r, c = r[keep], c[keep]
    smoothed = bool(np.any(r == 0) or np.any(c == 0))
    if smoothed:
        r, c = r + pseudo, c + pseudo
    rs, cs = r / r.sum(), c / c.sum()
    contrib = (cs - rs) * np.log(cs / rs)
    return dict(cutPoints=cuts, psi=float(contrib.sum()), isSmoothed=smoothed, contributions=fl(contrib),
                referenceShares=fl(rs), currentShares=fl(cs))


def delong_slow(a, b, y):
    a, b, y = np.asarray(a, float), np.asarray(b, float), np.asarray(y)
    out = {}
    v10s, v01s = [], []
    for s in (a, b):
        X = s[y == 1][:, None]
        Y = s[y == 0][None, :]
        K = (X > Y).astype(float) + 0.5 * (X == Y)
        v10s.append(K.mean(axis=1))
        v01s.append(K.mean(axis=0))
    m, n = len(v10s[0]), len(v01s[0])
    S10 = np.cov(np.vstack(v10s), ddof=1)
    S01 = np.cov(np.vstack(v01s), ddof=1)
    S = S10 / m + S01 / n
    var = S[0, 0] + S[1, 1] - 2 * S[0, 1]
    aucA, aucB = v10s[0].mean(), v10s[1].mean()
    z = (aucA - aucB) / math.sqrt(var)
    out.update(aucA=float(aucA), aucB=float(aucB), difference=float(aucA - aucB), variance=float(var), z=float(z),
               standardErrorA=float(math.sqrt(S[0, 0])), standardErrorB=float(math.sqrt(S[1, 1])),
               pValue=float(2 * stats.norm.sf(abs(z))))
    return out


# ----------------------------------------------------------------------------- golden values per vector

def golden_for(v):
    y = np.asarray(v['labels'])
    s = np.asarray(v['scores'], float)
    w = None if v['weights'] is None else np.asarray(v['weights'], float)
    sign = -1.0 if v.get('higherIsSafer') else 1.0
    g = {}
    if len(np.unique(y)) < 2:
        g['expectError'] = 'InsufficientDataError'
        return g
    risk = sign * s
    g['auc'] = float(roc_auc_score(y, risk, sample_weight=w))
    g['gini'] = 2 * g['auc'] - 1
    fpr, tpr, thr = roc_curve(y, risk, sample_weight=w, drop_intermediate=False)
    d = tpr - fpr
    i = int(np.argmax(d))
    g['ks'] = float(d[i])
    # sklearn 1.2 puts max+1 at index 0 (nobody flagged); we count actual scores only, so when the
    # maximum (then 0) is reached there, our threshold is the first actual score reaching it
    if i == 0:
        i = 1 + int(np.argmax(d[1:] >= d[0]))
    g['ksThreshold'] = float(sign * thr[i])
    g['ksCumulativeBadShare'] = float(tpr[i])
    g['ksCumulativeGoodShare'] = float(fpr[i])
    g['rocPoints'] = len(fpr)
    if len(fpr) <= 400:
        g['rocFalsePositiveRate'] = fl(fpr)
        g['rocTruePositiveRate'] = fl(tpr)
        g['rocThresholds'] = fl(sign * thr[1:])
    g['averagePrecision'] = float(average_precision_score(y, risk, sample_weight=w))
    if not v.get('higherIsSafer'):
        g['brierScore'] = float(brier_score_loss(y, s, sample_weight=w))
        g['logLoss'] = float(log_loss(y, s, sample_weight=w, eps=1e-15))
        cal = calibration(s, y, w)
        g['calibration'] = cal
        if np.all((s > 0) & (s < 1)) and len(np.unique(s)) > 1:
            g['calibrationSlope'] = calibration_slope(s, y, w)
    return g


def main():
    vectors = make_vectors()
    out = dict(generator=dict(script='test/golden/metrics/make_golden.py', python=sys.version.split()[0], numpy=np.__version__,
                              scipy=scipy.__version__, sklearn=sklearn.__version__), vectors=[])
    for v in vectors:
        entry = dict(v)
        entry['golden'] = golden_for(v)
        out['vectors'].append(entry)

    # log loss with clipping at exactly 0 and 1 (eps = 1e-15)
    pc = [0.0, 1.0, 0.3, 1.0, 0.0, 0.99]
    yc = [1, 0, 1, 1, 0, 0]
    out['logLossClipped'] = dict(probabilities=pc, labels=yc, logLoss=float(log_loss(yc, pc, eps=1e-15)))

    # PSI: reference = the 'large' PDs, current = a shifted, partly re-drawn population
    rs = np.random.RandomState(99)
    ref = np.asarray(out['vectors'][3]['scores'])
    x = rs.normal(0.25, 1.1, 1500)
    cur = 1 / (1 + np.exp(-(-2.0 + 1.3 * x)))
    psis = []
    psis.append(dict(name='deciles', reference=fl(ref), current=fl(cur), options={}, **psi(ref, cur)))
    psis.append(dict(name='identical', reference=fl(ref), current=fl(ref), options={}, **psi(ref, ref)))
    edges = [0.02, 0.05, 0.1, 0.2, 0.4]
    psis.append(dict(name='explicitEdges', reference=fl(ref), current=fl(cur), options=dict(bins=edges), **psi(ref, cur, cuts=edges)))
    # an empty current band -> smoothing
    cur_hi = cur[cur > 0.06]
    psis.append(dict(name='emptyBand', reference=fl(ref), current=fl(cur_hi), options={}, **psi(ref, cur_hi)))
    # weighted, 5 bins, on the ties vector's PDs
    rw = np.round(rs.uniform(0.5, 2, len(ref)), 2)
    cw = np.round(rs.uniform(0.5, 2, len(cur)), 2)
    psis.append(dict(name='weighted5', reference=fl(ref), current=fl(cur), referenceWeights=fl(rw), currentWeights=fl(cw),
                     options=dict(bins=5), **psi(ref, cur, groups=5, rw=rw, cw=cw)))
    out['psi'] = psis

    # CSI: categorical with a new category and missing values; numeric with NaN
    cats_ref = ['rent'] * 40 + ['own'] * 35 + ['mortgage'] * 20 + [None] * 5
    cats_cur = ['rent'] * 50 + ['own'] * 25 + ['mortgage'] * 15 + ['other'] * 4 + [None] * 6
    keys = ['mortgage', 'other', 'own', 'rent', None]
    r = np.array([sum(1 for c in cats_ref if c == k) for k in keys], float)
    c = np.array([sum(1 for c in cats_cur if c == k) for k in keys], float)
    smoothed = bool(np.any(r == 0) or np.any(c == 0))
    if smoothed:
        r, c = r + 0.5, c + 0.5
    rs_, cs_ = r / r.sum(), c / c.sum()
    out['csiCategorical'] = dict(reference=cats_ref, current=cats_cur, labels=['mortgage', 'other', 'own', 'rent', 'missing'],
                                 csi=float(((cs_ - rs_) * np.log(cs_ / rs_)).sum()), isSmoothed=smoothed,
                                 contributions=fl((cs_ - rs_) * np.log(cs_ / rs_)))
    rs2 = np.random.RandomState(8)
    num_ref = np.round(rs2.gamma(2.0, 1500, 500), 0)
    num_ref[rs2.rand(500) < 0.08] = np.nan
    num_cur = np.round(rs2.gamma(2.2, 1500, 400), 0)
    num_cur[rs2.rand(400) < 0.15] = np.nan
    present = num_ref[~np.isnan(num_ref)]
    cuts = cut_points(present, None, 10)
    k = len(cuts) + 2
    rb = np.where(np.isnan(num_ref), k - 1, band_index(cuts, np.nan_to_num(num_ref)))
    cb = np.where(np.isnan(num_cur), k - 1, band_index(cuts, np.nan_to_num(num_cur)))
    r = np.bincount(rb, minlength=k).astype(float)
    c = np.bincount(cb, minlength=k).astype(float)
    smoothed = bool(np.any(r == 0) or np.any(c == 0))
    if smoothed:
        r, c = r + 0.5, c + 0.5
    rs_, cs_ = r / r.sum(), c / c.sum()
    out['csiNumeric'] = dict(reference=[None if np.isnan(v) else float(v) for v in num_ref],
                             current=[None if np.isnan(v) else float(v) for v in num_cur], cutPoints=cuts,
                             csi=float(((cs_ - rs_) * np.log(cs_ / rs_)).sum()), isSmoothed=smoothed,
                             contributions=fl((cs_ - rs_) * np.log(cs_ / rs_)))

    # DeLong: two correlated models on the 'large' and 'ties' vectors
    delong = []
    for idx, noise in ((3, 0.9), (1, 0.15), (6, 30.0)):
        v = out['vectors'][idx]
        rs3 = np.random.RandomState(1000 + idx)
        a = np.asarray(v['scores'], float)
        b = np.round(a + rs3.normal(0, noise, len(a)), 3) if idx != 6 else np.round(a + rs3.normal(0, noise, len(a)))
        sign = -1.0 if v.get('higherIsSafer') else 1.0
        res = delong_slow(sign * a, sign * b, v['labels'])
        delong.append(dict(name=v['name'], scoresA=fl(a), scoresB=fl(b), labels=v['labels'], higherIsSafer=bool(v.get('higherIsSafer', False)), **res))
    out['delong'] = delong

    # Per-grade PD back-tests
    grades = [(0.0005, 2000, 3), (0.002, 5000, 14), (0.01, 1200, 19), (0.02, 1000, 30), (0.05, 400, 20), (0.1, 250, 40),
              (0.2, 80, 22), (0.03, 10, 0), (0.15, 1, 1), (0.001, 1000000, 1100)]
    out['gradeBacktests'] = [dict(probabilityOfDefault=pd, obligors=n, defaults=d,
                                  binomialPValue=float(stats.binom.sf(d - 1, n, pd)),
                                  jeffreysPValue=float(stats.beta.cdf(pd, d + 0.5, n - d + 0.5))) for pd, n, d in grades]

    # Special functions
    out['chiSquareSurvival'] = [dict(x=x, df=df, value=float(stats.chi2.sf(x, df)))
                                for x, df in ((0.0, 8), (0.5, 1), (3.2, 8), (8.0, 8), (15.507, 8), (20.09, 8), (40.0, 8), (100.0, 8),
                                              (2.0, 3), (7.81, 3), (0.01, 2), (60.0, 30), (250.0, 200), (1e-6, 1), (300.0, 10))]
    out['regularizedBeta'] = [dict(x=x, a=a, b=b, value=float(special.betainc(a, b, x)))
                              for x, a, b in ((0.3, 2.0, 5.0), (0.02, 30.5, 970.5), (0.5, 0.5, 0.5), (0.999, 3.0, 1.5), (0.001, 0.5, 2000.5),
                                              (0.9, 200.0, 20.0), (0.05, 1.0, 1.0), (0.2, 1e4, 4e4), (1e-9, 2.0, 3.0))]
    out['logGamma'] = [dict(x=x, value=float(special.gammaln(x))) for x in (1e-8, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.7, 9.99, 10.0, 33.3, 171.5, 1e5)]
    out['normal'] = [dict(z=z, twoSided=float(2 * stats.norm.sf(abs(z))), cdf=float(stats.norm.cdf(z)))
                     for z in (0.0, 0.5, -1.0, 1.959963984540054, -2.5758293035489, 3.5, -6.0, 8.0)]
    out['normalQuantile'] = [dict(p=p, value=float(stats.norm.ppf(p))) for p in (1e-10, 0.001, 0.01, 0.025, 0.3, 0.5, 0.8, 0.975, 0.995)]

    with open(os.path.join(HERE, 'metrics.json'), 'w') as f:
        json.dump(out, f, indent=None, separators=(',', ':'), allow_nan=False)
        f.write('\n')
    print('wrote', os.path.join(HERE, 'metrics.json'))


if __name__ == '__main__':
    main()
