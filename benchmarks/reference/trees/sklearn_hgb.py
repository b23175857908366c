#!/usr/bin/python3
"""Reference training time: scikit-learn HistGradientBoostingClassifier on the synthetic 100k x 40
data written by benchmarks/reference/trees/synthetic.ts (one thread).
benchmarks/reference/trees/compare.ts runs it in alternation with our side and records both
in benchmarks/reference/trees/speed.json.

  npx tsx benchmarks/reference/trees/synthetic.ts 100000 40 /tmp/gbm100k.csv
  OMP_NUM_THREADS=1 python3 benchmarks/reference/trees/sklearn_hgb.py /tmp/gbm100k.csv benchmarks/reference/trees/sklearn_hgb.json

Two shapes, 200 iterations each, early stopping off, learning rate 0.1 (sklearn's default):
  - 'depth6_leaves31': max_depth=6 with sklearn's default max_leaf_nodes=31 (as the brief writes it)
  - 'depth6_full':     max_depth=6, max_leaf_nodes=None (full depth-6 trees, up to 64 leaves)
Each is fitted `repeats` times; wall (perf_counter) and CPU (process_time) seconds are recorded, the
minimum is the figure (the machine is shared). Also records the training-set AUC as a sanity check.
"""
import json, os, sys, time, platform
import numpy as np, pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

path = sys.argv[1] if len(sys.argv) > 1 else '/tmp/gbm100k.csv'
out = sys.argv[2] if len(sys.argv) > 2 else None
repeats = int(os.environ.get('REPEATS', '3'))
df = pd.read_csv(path)
y = df.pop('bad').values
X = df.values.astype(np.float64)
results = {'data': {'path': path, 'rows': int(X.shape[0]), 'features': int(X.shape[1]), 'bad_rate': float(y.mean())},
           'sklearn': sklearn.__version__, 'python': platform.python_version(), 'OMP_NUM_THREADS': os.environ.get('OMP_NUM_THREADS'),
           'cpu': platform.processor() or platform.machine(), 'shapes': {}}
for name, leaves in [('depth6_leaves31', 31), ('depth6_full', None)]:
    walls, cpus = [], []
    for _ in range(repeats):
        m = HistGradientBoostingClassifier(max_iter=200, max_depth=6, max_leaf_nodes=leaves, early_stopping=False, random_state=1)
        t, c = time.perf_counter(), time.process_time()
        m.fit(X, y)
        walls.append(time.perf_counter() - t); cpus.append(time.process_time() - c)
    p = m.predict_proba(X)[:, 1]
    leaves_per_tree = float(np.mean([pred.get_n_leaf_nodes() for preds in m._predictors for pred in preds]))
    results['shapes'][name] = {'max_iter': 200, 'max_depth': 6, 'max_leaf_nodes': leaves, 'learning_rate': 0.1,
                               'fit_wall_seconds': [round(v, 3) for v in walls], 'fit_cpu_seconds': [round(v, 3) for v in cpus],
                               'best_wall_seconds': round(min(walls), 3), 'best_cpu_seconds': round(min(cpus), 3),
                               'mean_leaves_per_tree': round(leaves_per_tree, 2), 'train_auc': round(float(roc_auc_score(y, p)), 5)}
    print(name, results['shapes'][name], flush=True)
if out:
    with open(out, 'w') as fh:
        json.dump(results, fh, indent=1)
