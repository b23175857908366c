#!/usr/bin/python3
"""Reference batch prediction speed: XGBoost single-thread predict of a 200-tree depth-6 model on
the synthetic 100k x 40 data written by benchmarks/reference/trees/synthetic.ts.
benchmarks/reference/trees/compare.ts runs it in alternation with our side and records both
in benchmarks/reference/trees/speed.json.

  OMP_NUM_THREADS=1 python3 benchmarks/reference/trees/xgb_predict.py /tmp/gbm100k.csv benchmarks/reference/trees/xgb_predict.json

The model: 200 trees, max_depth=6, learning_rate 0.1, tree_method 'hist', nthread 1. Timed calls
(each repeated, minimum kept, wall and CPU seconds):
  - booster.inplace_predict(X)               numpy array in, probabilities out (no DMatrix)
  - booster.predict(DMatrix(X)) incl. DMatrix construction
  - booster.predict(dm) on a DMatrix built before the timer: a fresh one per call, since XGBoost
    caches the predictions of a DMatrix it has seen (a second call on the same one is a cache hit)
Rows/s = 100000 / seconds. The model is also saved to /tmp/xgb200d6.json (JSON) for its size, and
its trees' node and leaf counts are recorded (the shape ours is compared with).
"""
import json, os, sys, time, platform
import numpy as np, pandas as pd
import xgboost as xgb

path = sys.argv[1] if len(sys.argv) > 1 else '/tmp/gbm100k.csv'
out = sys.argv[2] if len(sys.argv) > 2 else None
repeats = int(os.environ.get('REPEATS', '7'))
df = pd.read_csv(path)
y = df.pop('bad').values
X = np.ascontiguousarray(df.values.astype(np.float64))
dtrain = xgb.DMatrix(X, label=y, nthread=1)
params = {'objective': 'binary:logistic', 'max_depth': 6, 'eta': 0.1, 'tree_method': 'hist', 'nthread': 1, 'seed': 1}
t = time.perf_counter(); c = time.process_time()
booster = xgb.train(params, dtrain, num_boost_round=200)
train_wall, train_cpu = time.perf_counter() - t, time.process_time() - c
booster.set_param({'nthread': 1})
booster.save_model('/tmp/xgb200d6.json')
dumps = booster.get_dump(dump_format='json')
nodes = sum(d.count('"nodeid"') for d in dumps)
leaves = sum(d.count('"leaf"') for d in dumps)

def timed(fn, prepare=None):
    walls, cpus = [], []
    for _ in range(repeats):
        arg = prepare() if prepare is not None else None
        t, c = time.perf_counter(), time.process_time()
        fn(arg)
        walls.append(time.perf_counter() - t); cpus.append(time.process_time() - c)
    return {'wall_seconds': [round(v, 4) for v in walls], 'cpu_seconds': [round(v, 4) for v in cpus],
            'best_wall_rows_per_second': round(X.shape[0] / min(walls)), 'best_cpu_rows_per_second': round(X.shape[0] / min(cpus))}

res = {'data': {'path': path, 'rows': int(X.shape[0]), 'features': int(X.shape[1])}, 'xgboost': xgb.__version__,
       'python': platform.python_version(), 'OMP_NUM_THREADS': os.environ.get('OMP_NUM_THREADS'),
       'model': {**params, 'trees': 200, 'train_wall_seconds': round(train_wall, 3), 'train_cpu_seconds': round(train_cpu, 3),
                 'json_bytes': os.path.getsize('/tmp/xgb200d6.json'), 'nodes': nodes, 'leaves': leaves,
                 'mean_leaves_per_tree': round(leaves / 200, 2)},
       'inplace_predict': timed(lambda _: booster.inplace_predict(X)),
       'predict_with_dmatrix_construction': timed(lambda _: booster.predict(xgb.DMatrix(X, nthread=1))),
       'predict_fresh_prebuilt_dmatrix': timed(lambda dm: booster.predict(dm), lambda: xgb.DMatrix(X, nthread=1))}
print(json.dumps(res, indent=1), flush=True)
if out:
    with open(out, 'w') as fh:
        json.dump(res, fh, indent=1)
