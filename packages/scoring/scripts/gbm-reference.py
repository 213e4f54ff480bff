"""
A gradient-boosted reference for the card scorecard's cross-validated AUC, on the very same
folds (README "Cross-validation"). Not part of the package or its tests: it needs scikit-learn
(e.g. Debian's python3-sklearn) and numpy.

    tsx scripts/folds.ts card > /tmp/folds.txt
    OMP_NUM_THREADS=1 python3 scripts/gbm-reference.py data/credit-card-default/dev.csv /tmp/folds.txt

HistGradientBoostingClassifier on the raw columns (ID and the protected attributes SEX,
MARRIAGE, AGE left out, as the scorecard leaves them out), early stopping on 15 % of each
training fold; a small grid, each setting's 5-fold AUC printed.
"""
import csv
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

data, folds_file = sys.argv[1], sys.argv[2]
with open(data) as f:
    r = csv.reader(f)
    head = next(r)
    A = np.array([[float(v) for v in row] for row in r])
y = A[:, head.index("default")].astype(int)
fold = np.array([int(line) for line in open(folds_file)])
left_out = {"ID", "default", "SEX", "MARRIAGE", "AGE"}
X = A[:, [i for i, h in enumerate(head) if h not in left_out]]

# (learning rate, max leaf nodes, min samples per leaf)
GRID = [(0.1, 15, 20), (0.1, 31, 100), (0.05, 15, 100), (0.1, 7, 200)]
for lr, leaves, min_leaf in GRID:
    aucs = []
    for k in range(5):
        tr, te = fold != k, fold == k
        m = HistGradientBoostingClassifier(
            learning_rate=lr,
            max_leaf_nodes=leaves,
            min_samples_leaf=min_leaf,
            l2_regularization=1.0,
            max_iter=1000,
            early_stopping=True,
            validation_fraction=0.15,
            n_iter_no_change=30,
            random_state=1,
        )
        m.fit(X[tr], y[tr])
        aucs.append(roc_auc_score(y[te], m.predict_proba(X[te])[:, 1]))
    print(
        f"lr {lr}, {leaves} leaves, >= {min_leaf} rows a leaf: "
        f"{np.mean(aucs):.4f} ± {np.std(aucs, ddof=1):.4f} ({', '.join(f'{a:.4f}' for a in aucs)})",
        flush=True,
    )
