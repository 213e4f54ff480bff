"""
A gradient-boosted reference for the card scorecard's cross-validated AUC, on the very same
folds (README "Cross-validation"). Not part of the package or its tests: it needs scikit-learn
(e.g. Debian's python3-sklearn) and numpy; data and folds are loaded by `card_data.py`.

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
import sys

from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

from card_data import fmt, load

X, y, fold, _ = load(sys.argv[1], sys.argv[2], derived="--derived" in sys.argv)

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
    print(f"lr {lr}, {leaves} leaves, >= {min_leaf} rows a leaf, L2 {l2}: {fmt(aucs)}", flush=True)
