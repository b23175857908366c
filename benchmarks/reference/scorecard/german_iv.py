#!/usr/bin/python3
"""Independent reference for the IV of each German-credit characteristic.

Reads german_bins.json (the bins our library found, exported by exportGermanBins.ts), reads
../shared/datasets/german-credit/train.csv with pandas (not with our CSV reader), assigns every row
to its bin with pandas (pd.cut with right=False for the left-closed numeric intervals, a dict map
for the category groups, NaN -> missing bin), counts goods and bads per bin and computes, with
numpy, the documented smoothed WoE and IV:

    WoE_k = ln((g_k/G + s/N) / (b_k/B + s/N)),  IV_k = (g_k/G - b_k/B) * WoE_k,  s = 1, N = G + B

and, for the record, the plain (unsmoothed) IV where every bin has both classes. Writes
german_iv.json. Run: /usr/bin/python3 benchmarks/reference/scorecard/german_iv.py
(Debian python3-pandas 1.5.3, python3-numpy 1.24.2).
"""
import json, os
import numpy as np, pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
spec = json.load(open(os.path.join(here, 'german_bins.json')))
df = pd.read_csv(os.path.join(here, '../../../../shared/datasets/german-credit/train.csv'))
bad = (df['creditability'] == 'bad').astype(int)
G, B = float((bad == 0).sum()), float((bad == 1).sum())
N, s = G + B, float(spec['smoothing'])
out = {'made_by': 'benchmarks/reference/scorecard/german_iv.py with pandas %s, numpy %s' % (pd.__version__, np.__version__),
       'formula': 'WoE = ln((g/G + s/N)/(b/B + s/N)), IV = sum (g/G - b/B) * WoE, s = 1',
       'rows': int(N), 'goods': int(G), 'bads': int(B), 'characteristics': {}}
for c in spec['characteristics']:
    x = df[c['name']]
    if c['type'] == 'numeric' and x.dtype == object:
        # yes/no text columns: our reader reads them as booleans 1/0 (documented in src/data).
        x = x.str.strip().str.lower().map({'yes': 1.0, 'true': 1.0, 'no': 0.0, 'false': 0.0})
    if c['type'] == 'numeric':
        edges = [-np.inf] + list(c['cutpoints']) + [np.inf]
        idx = pd.cut(x, bins=edges, right=False, labels=False).astype('float')
        missing_bin = len(edges) - 1
    else:
        idx = x.map(c['groups']).astype('float')
        missing_bin = max(c['groups'].values()) + 1
    idx = idx.fillna(missing_bin).astype(int)
    table = pd.crosstab(idx, bad).reindex(columns=[0, 1], fill_value=0)
    g = table[0].to_numpy(dtype=float); b = table[1].to_numpy(dtype=float)
    woe = np.log((g / G + s / N) / (b / B + s / N))
    iv = float(np.sum((g / G - b / B) * woe))
    both = (g > 0) & (b > 0)
    raw = float(np.sum(((g / G - b / B) * np.log((g / G) / np.where(b > 0, b / B, 1)))[both])) if both.all() else None
    out['characteristics'][c['name']] = {'bins': int(len(g)), 'goods': g.astype(int).tolist(), 'bads': b.astype(int).tolist(),
                                          'woe': woe.tolist(), 'iv': iv, 'iv_unsmoothed': raw}
with open(os.path.join(here, 'german_iv.json'), 'w') as fh:
    json.dump(out, fh, indent=1)
    fh.write('\n')
for k, v in out['characteristics'].items():
    print(f"{k:60s} bins {v['bins']:2d}  IV {v['iv']:.6f}")
