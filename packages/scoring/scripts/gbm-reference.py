"""
A gradient-boosted reference for the card scorecard's cross-validated AUC, on the very same
folds (README "Cross-validation"). Not part of the package or its tests: it needs scikit-learn
(e.g. Debian's python3-sklearn) and numpy.

    tsx scripts/folds.ts card > /tmp/folds.txt
    OMP_NUM_THREADS=1 python3 scripts/gbm-reference.py data/credit-card-default/dev.csv /tmp/folds.txt [--wide] [--derived]

HistGradientBoostingClassifier on the raw columns (ID and the protected attributes SEX,
MARRIAGE, AGE left out, as the scorecard leaves them out), early stopping on 15 % of each
training fold; a small grid, each setting's 5-fold AUC printed. `--wide`: 54 settings (learning
rate 0.03/0.05/0.1 × 7/15/31 leaves × ≥ 50/100/200 rows a leaf × L2 0/1, patience 50).
`--derived`: eleven engineered columns added, of the kinds the scorecard derives (utilisation
now, on average and at its peak, repayment ratios, months late, worst status, bill trend,
months paid in full).
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
if "--derived" in sys.argv:
    c = lambda n: A[:, head.index(n)]
    lim = c("LIMIT_BAL")
    bills = np.stack([c(f"BILL_AMT{k}") for k in range(1, 7)], 1)
    pays = np.stack([c(f"PAY_AMT{k}") for k in range(1, 7)], 1)
    stat = np.stack([c(n) for n in ["PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"]], 1)
    X = np.column_stack(
        [
            X,
            bills[:, 0] / lim,
            bills.mean(1) / lim,
            bills.max(1) / lim,
            (pays[:, :5] / np.maximum(bills[:, 1:], 1)).mean(1),
            pays[:, 0] / np.maximum(bills[:, 1], 1),
            (stat > 0).sum(1),
            stat.max(1),
            stat[:, :3].max(1),
            (bills[:, 0] - bills[:, 5]) / lim,
            pays.sum(1) / np.maximum(bills.sum(1), 1),
            (pays >= np.maximum(np.roll(bills, -1, 1), 1)).sum(1),
        ]
    )

# (learning rate, max leaf nodes, min samples per leaf, L2)
GRID = [(0.1, 15, 20, 1.0), (0.1, 31, 100, 1.0), (0.05, 15, 100, 1.0), (0.1, 7, 200, 1.0)]
if "--wide" in sys.argv:
    GRID = [
        (lr, leaves, min_leaf, l2)
        for lr in (0.03, 0.05, 0.1)
        for leaves in (7, 15, 31)
        for min_leaf in (50, 100, 200)
        for l2 in (0.0, 1.0)
    ]
for lr, leaves, min_leaf, l2 in GRID:
    aucs = []
    for k in range(5):
        tr, te = fold != k, fold == k
        m = HistGradientBoostingClassifier(
            learning_rate=lr,
            max_leaf_nodes=leaves,
            min_samples_leaf=min_leaf,
            l2_regularization=l2,
            max_iter=2000 if "--wide" in sys.argv else 1000,
            early_stopping=True,
            validation_fraction=0.15,
            n_iter_no_change=50 if "--wide" in sys.argv else 30,
            random_state=1,
        )
        m.fit(X[tr], y[tr])
        aucs.append(roc_auc_score(y[te], m.predict_proba(X[te])[:, 1]))
    print(
        f"lr {lr}, {leaves} leaves, >= {min_leaf} rows a leaf, L2 {l2}: "
        f"{np.mean(aucs):.4f} ± {np.std(aucs, ddof=1):.4f} ({', '.join(f'{a:.4f}' for a in aucs)})",
        flush=True,
    )
