"""
The card development set and its cross-validation folds for the Python reference scripts
(`gbm-reference.py`, `model-families.py`): not part of the package. Needs numpy.

`load(data, folds_file, derived, protected)` → (X, y, fold, names): the 20 raw columns (ID and
the protected attributes SEX, MARRIAGE, AGE left out, as the scorecard leaves them out; the 23
with `protected`), with
`derived` eleven engineered columns of the kinds the scorecard derives appended (utilisation
now, on average and at its peak, repayment ratios, months late, worst status over 6 and 3
months, bill trend, months paid in full); the label; the fold (0–4) of every row as
`scripts/folds.ts` writes it (the package's own stratified folds, seed 1).
"""
import csv

import numpy as np

PROTECTED = {"SEX", "MARRIAGE", "AGE"}
LEFT_OUT = {"ID", "default"} | PROTECTED
DERIVED_NAMES = [
    "util_1",
    "util_mean",
    "util_max",
    "pay_ratio_mean5",
    "pay_ratio_1",
    "months_late_6m",
    "worst_status_6m",
    "worst_status_3m",
    "bill_trend",
    "pay_to_bill_6m",
    "months_paid_full",
]


def load(data, folds_file, derived=False, protected=False):
    with open(data) as f:
        r = csv.reader(f)
        head = next(r)
        A = np.array([[float(v) for v in row] for row in r])
    y = A[:, head.index("default")].astype(int)
    with open(folds_file) as f:
        fold = np.array([int(line) for line in f])
    left_out = LEFT_OUT - PROTECTED if protected else LEFT_OUT
    names = [h for h in head if h not in left_out]
    X = A[:, [i for i, h in enumerate(head) if h not in left_out]]
    if derived:
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
        names = names + DERIVED_NAMES
    return X, y, fold, names


def fmt(aucs):
    """`mean ± sd (fold, fold, …)` of five held-out AUCs (sd with ddof 1, as the package's CV)."""
    return f"{np.mean(aucs):.4f} ± {np.std(aucs, ddof=1):.4f} ({', '.join(f'{a:.4f}' for a in aucs)})"
