#!/usr/bin/python3
"""scikit-learn's fit time on the data benchmarks/logistic/fitTime.ts wrote (one thread).

    npx tsx benchmarks/logistic/fitTime.ts --write-data /tmp/logistic-bench
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/logistic/sklearn_fit_time.py /tmp/logistic-bench
"""
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

directory = sys.argv[1]
print('scikit-learn %s, numpy %s; best of 3; C = 1 (l2 = 1)' % (sklearn.__version__, np.__version__))
for rows, cols in [(8000, 20), (100000, 40)]:
    X = np.fromfile(os.path.join(directory, 'X_%dx%d.f64' % (rows, cols)), dtype='<f8').reshape(rows, cols)
    y = np.fromfile(os.path.join(directory, 'y_%dx%d.u8' % (rows, cols)), dtype=np.uint8).astype(float)
    print('%d x %d:' % (rows, cols))
    for solver, tol in [('lbfgs', 1e-4), ('lbfgs', 1e-8), ('newton-cg', 1e-8)]:
        best = float('inf')
        for _ in range(3):
            model = LogisticRegression(C=1.0, solver=solver, tol=tol, max_iter=10000)
            t0 = time.perf_counter()
            model.fit(X, y)
            best = min(best, time.perf_counter() - t0)
        print('  %-9s tol %g  %8.1f ms  %d iterations' % (solver, tol, best * 1000, model.n_iter_[0]))
