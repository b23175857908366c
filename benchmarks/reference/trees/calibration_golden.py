#!/usr/bin/python3
"""Golden values for fitCalibration (test/trees/fitCalibration.test.ts), from scikit-learn 1.2:
Platt: sklearn.calibration._sigmoid_calibration (our a = -A, b = -B);
isotonic: IsotonicRegression(out_of_bounds='clip') on the raw PD sigmoid(z): X_thresholds_, y_thresholds_.

  /usr/bin/python3 benchmarks/reference/trees/calibration_golden.py > test/trees/golden/calibration.json
"""
import json
import numpy as np
import sklearn
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

rng = np.random.default_rng(20261123)
cases = []
for name, n, slope, shift in [('n200', 200, 1.3, -0.4), ('n1000', 1000, 0.7, 0.2), ('n50', 50, 2.0, -1.0)]:
    z = np.round(rng.normal(-1.5, 1.2, n), 3)  # rounded: ties in z exercise the tie handling
    p = 1 / (1 + np.exp(-(slope * z + shift)))
    y = (rng.random(n) < p).astype(int)
    w = np.round(rng.uniform(0.5, 2.0, n), 2)
    A, B = _sigmoid_calibration(z, y)
    Aw, Bw = _sigmoid_calibration(z, y, sample_weight=w)
    raw = 1 / (1 + np.exp(-z))
    iso = IsotonicRegression(out_of_bounds='clip').fit(raw, y)
    isow = IsotonicRegression(out_of_bounds='clip').fit(raw, y, sample_weight=w)
    cases.append({'name': name, 'z': z.tolist(), 'y': y.tolist(), 'w': w.tolist(),
                  'platt': {'a': -float(A), 'b': -float(B)}, 'platt_weighted': {'a': -float(Aw), 'b': -float(Bw)},
                  'isotonic': {'x': iso.X_thresholds_.tolist(), 'y': iso.y_thresholds_.tolist()},
                  'isotonic_weighted': {'x': isow.X_thresholds_.tolist(), 'y': isow.y_thresholds_.tolist()}})
print(json.dumps({'sklearn': sklearn.__version__, 'cases': cases}))
