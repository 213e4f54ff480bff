"""
Other model families on the card scorecard's very folds (README "Cross-validation", "Other model
families"): is there a model of any kind that reaches the issue's held-out AUC of 0.790 on this
data? Not part of the package or its tests: it needs scikit-learn 1.2 (Debian's python3-sklearn)
and numpy; data and folds are loaded by `card_data.py`, as for `gbm-reference.py`.

    tsx scripts/folds.ts card > /tmp/folds.txt
    tsx scripts/cv-scores.ts > /tmp/preset.txt                      # optional: the points tables'
    tsx scripts/cv-scores.ts '{"method":"ebm"}' > /tmp/ebm.txt      # held-out log-odds, same folds
    OMP_NUM_THREADS=2 nice -n 19 python3 scripts/model-families.py data/credit-card-default/dev.csv \\
        /tmp/folds.txt [--families gbm-ref,gbm,gbm-mono,spline,spline-pairs,rf,et,mlp,rf-light,stack] \\
        [--scorecard preset=/tmp/preset.txt --scorecard ebm=/tmp/ebm.txt] [--preds /tmp/preds.npz] [--jobs 2]

Every family sees the 20 raw columns plus `card_data`'s eleven engineered columns (31 in all; ID
and the protected attributes out). Each outer fold's model is fitted on the other four folds, and
every choice it makes — a forest's leaf size, a network's penalty and epoch, a spline model's
penalty, a GBM's setting and monotone directions, a stack's weights — is made on those training
rows only (out-of-bag rows, an inner 15 % split, or an inner CV), never on the held-out fold:

- `rf`: random forest, 300 trees, √features a split, leaf size ≥ 30 / 100 / 200 rows picked by
  out-of-bag AUC. `et`: extra trees (with bootstrap, so it has out-of-bag rows), 150 trees,
  leaf size ≥ 3 / 10 / 30 by out-of-bag AUC.
- `mlp`: a two-layer network (64, 32 ReLU units, Adam) on standardised inputs (a quantile map to
  normal scores, then mean 0 / sd 1, so the heavy-tailed amounts do not swamp it); trained epoch
  by epoch on 85 % of the training rows, the epoch with the best AUC on the other 15 % kept
  (patience 20); L2 penalty 1e-3 / 1e-2 picked on that split; the mean of 2 seeds.
- `spline`: logistic regression on cubic B-spline bases (SplineTransformer, 6 knots over the
  quantile-mapped value) of every column — an additive model, a smooth GAM; the inverse penalty
  C (1e-4 … 1) picked by an inner 3-fold CV AUC. `spline-pairs`: the same plus all 465 pairwise
  products of the (centred, quantile-mapped) columns, C from 1e-4 / 3e-4 / 1e-3 (a weaker
  penalty converges too slowly on 744 columns for this machine).
- `gbm`: HistGradientBoosting, one of four settings (learning rate, leaves, rows a leaf, L2:
  0.03/7/200/1, 0.03/15/200/0, 0.05/15/100/1, 0.1/7/200/1) picked by its early-stopping split's
  log-loss (15 % of the training rows, patience 50). `gbm-mono`: the same with monotone
  constraints, each column's direction the sign of its Spearman correlation with the label on
  the training rows (unconstrained where |ρ| < 0.03). `gbm-ref`: the single best setting of
  `gbm-reference.py --wide --derived` (0.03/7/200/1), picked on the held-out folds (optimistic).
- `rf-light`: the random forest with 150 trees and leaf size ≥ 100 / 200 (out-of-bag AUC), the
  stack's cheaper forest.
- `stack`: `gbm` + `spline` + `rf-light` with a logistic meta-model fitted, inside each outer
  training split, on their out-of-fold log-odds over the four training folds (each predicted by
  the base fitted on the other three; see `stack`); needs those three families run first.
- Blends (no fitted weight, so nothing to choose): the mean log-odds of `gbm` and each
  `--scorecard` (held-out log-odds from `cv-scores.ts`, the same folds), and of all of them.

`--preds FILE` keeps every family's held-out predictions (so runs can be split and blended later).
`--with-protected` keeps SEX, MARRIAGE and AGE as columns (34 in all), which the package's
trainer leaves out by default: to see whether they are what is missing.
"""
import argparse
import copy
import os
import time

import numpy as np
from scipy.stats import spearmanr
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.ensemble import (
    ExtraTreesClassifier,
    HistGradientBoostingClassifier,
    RandomForestClassifier,
)
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    PolynomialFeatures,
    QuantileTransformer,
    SplineTransformer,
    StandardScaler,
)

from card_data import fmt, load

JOBS = 2


class ForestOOB(ClassifierMixin, BaseEstimator):
    """A random forest or extra trees whose leaf size is picked by out-of-bag AUC."""

    def __init__(self, kind="rf", leaves=(30, 100, 200), trees=300, seed=1):
        self.kind, self.leaves, self.trees, self.seed = kind, leaves, trees, seed

    def fit(self, X, y):
        Forest = RandomForestClassifier if self.kind == "rf" else ExtraTreesClassifier
        best = -1.0
        for leaf in self.leaves:
            m = Forest(
                n_estimators=self.trees,
                min_samples_leaf=leaf,
                max_features="sqrt",
                bootstrap=True,
                oob_score=True,
                n_jobs=JOBS,
                random_state=self.seed,
            ).fit(X, y)
            oob = m.oob_decision_function_[:, 1]
            ok = ~np.isnan(oob)
            a = roc_auc_score(y[ok], oob[ok])
            if a > best:
                best, self.model_, self.leaf_ = a, m, leaf
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, X):
        return self.model_.predict_proba(X)

    def choice(self):
        return f"leaf {self.leaf_}"


GBM_GRID = [(0.03, 7, 200, 1.0), (0.03, 15, 200, 0.0), (0.05, 15, 100, 1.0), (0.1, 7, 200, 1.0)]


class GbmSelect(ClassifierMixin, BaseEstimator):
    """HistGradientBoosting, the setting picked by its own early-stopping split's loss;
    `monotone`: directions from the Spearman sign on the training rows."""

    def __init__(self, grid=tuple(GBM_GRID), monotone=False):
        self.grid, self.monotone = grid, monotone

    def fit(self, X, y):
        cst = None
        if self.monotone:
            cst = []
            for j in range(X.shape[1]):
                rho = spearmanr(X[:, j], y).correlation
                cst.append(0 if not np.isfinite(rho) or abs(rho) < 0.03 else int(np.sign(rho)))
        best = -np.inf
        for lr, leaves, min_leaf, l2 in self.grid:
            m = HistGradientBoostingClassifier(
                learning_rate=lr,
                max_leaf_nodes=leaves,
                min_samples_leaf=min_leaf,
                l2_regularization=l2,
                max_iter=2000,
                early_stopping=True,
                validation_fraction=0.15,
                n_iter_no_change=50,
                monotonic_cst=cst,
                random_state=1,
            ).fit(X, y)
            v = m.validation_score_[-1]  # −log-loss of the model as kept
            if v > best:
                best, self.model_, self.setting_ = v, m, (lr, leaves, min_leaf, l2)
        self.classes_ = self.model_.classes_
        self.cst_ = cst
        return self

    def predict_proba(self, X):
        return self.model_.predict_proba(X)

    def choice(self):
        lr, leaves, min_leaf, l2 = self.setting_
        extra = ""
        if self.cst_ is not None:
            extra = f", {sum(c != 0 for c in self.cst_)} of {len(self.cst_)} constrained"
        return f"{lr}/{leaves}/{min_leaf}/{l2:g}, {self.model_.n_iter_} trees{extra}"


class MlpEarly(ClassifierMixin, BaseEstimator):
    """A small MLP on quantile-normal, standardised inputs; epoch and L2 penalty picked on an
    inner 15 % split of the training rows by AUC; the mean of `seeds` networks."""

    def __init__(self, alphas=(1e-3, 1e-2), hidden=(64, 32), seeds=2, patience=20, epochs=200):
        self.alphas, self.hidden, self.seeds = alphas, hidden, seeds
        self.patience, self.epochs = patience, epochs

    def _net(self, alpha, seed, Xa, ya, Xv, yv):
        net = MLPClassifier(
            hidden_layer_sizes=self.hidden,
            alpha=alpha,
            batch_size=256,
            learning_rate_init=1e-3,
            random_state=seed,
        )
        best, kept, since = -1.0, None, 0
        for _ in range(self.epochs):
            net.partial_fit(Xa, ya, classes=[0, 1])
            a = roc_auc_score(yv, net.predict_proba(Xv)[:, 1])
            if a > best:
                best, kept, since = a, copy.deepcopy(net), 0
            else:
                since += 1
                if since >= self.patience:
                    break
        return best, kept

    def fit(self, X, y):
        self.prep_ = make_pipeline(
            QuantileTransformer(n_quantiles=256, output_distribution="normal", random_state=1),
            StandardScaler(),
        ).fit(X)
        Z = self.prep_.transform(X)
        Za, Zv, ya, yv = train_test_split(Z, y, test_size=0.15, stratify=y, random_state=1)
        best = -1.0
        for alpha in self.alphas:
            nets = [self._net(alpha, s, Za, ya, Zv, yv)[1] for s in range(1, self.seeds + 1)]
            p = np.mean([n.predict_proba(Zv)[:, 1] for n in nets], 0)
            a = roc_auc_score(yv, p)
            if a > best:
                best, self.nets_, self.alpha_ = a, nets, alpha
        self.classes_ = np.array([0, 1])
        return self

    def predict_proba(self, X):
        Z = self.prep_.transform(X)
        p = np.mean([n.predict_proba(Z)[:, 1] for n in self.nets_], 0)
        return np.column_stack([1 - p, p])

    def choice(self):
        return f"alpha {self.alpha_:g}, epochs {', '.join(str(n.n_iter_) for n in self.nets_)}"


def spline_lr(pairs, Cs=tuple(np.logspace(-4, 0, 5))):
    basis = SplineTransformer(n_knots=6, degree=3)
    feats = basis
    if pairs:
        centred = FunctionTransformer(lambda U: U - 0.5)
        products = make_pipeline(
            centred, PolynomialFeatures(degree=2, interaction_only=True, include_bias=False)
        )
        feats = FeatureUnion([("spline", basis), ("products", products)])
    return make_pipeline(
        QuantileTransformer(n_quantiles=256, random_state=1),
        feats,
        StandardScaler(),
        LogisticRegressionCV(
            Cs=list(Cs),
            cv=StratifiedKFold(3, shuffle=True, random_state=1),
            scoring="roc_auc",
            max_iter=3000,
        ),
    )


def spline_choice(pipe):
    return f"C {pipe[-1].C_[0]:g}"


FAMILIES = {
    "gbm-ref": (lambda: GbmSelect(grid=(GBM_GRID[0],)), lambda m: m.choice()),
    "gbm": (lambda: GbmSelect(), lambda m: m.choice()),
    "gbm-mono": (lambda: GbmSelect(monotone=True), lambda m: m.choice()),
    "spline": (lambda: spline_lr(False), spline_choice),
    "spline-pairs": (lambda: spline_lr(True, Cs=(1e-4, 3e-4, 1e-3)), spline_choice),
    "rf": (lambda: ForestOOB("rf"), lambda m: m.choice()),
    "et": (lambda: ForestOOB("et", leaves=(3, 10, 30), trees=150), lambda m: m.choice()),
    "mlp": (lambda: MlpEarly(), lambda m: m.choice()),
    "rf-light": (lambda: ForestOOB("rf", leaves=(100, 200), trees=150), lambda m: m.choice()),
}


STACK_BASES = ("gbm", "spline", "rf-light")


def stack(X, y, fold, preds, report):
    """A logistic meta-model over the held-out log-odds of `STACK_BASES` (run them first, in the
    same run or through --preds). For outer fold k the meta-model is fitted on the training rows'
    out-of-fold log-odds: a row of fold j ≠ k is predicted by the base model fitted on the three
    folds other than j and k (10 such fits per base, shared by the two outer folds of each pair),
    so the held-out fold never reaches it; it then combines the base models fitted on all four
    training folds (the families' own held-out predictions)."""
    t0 = time.time()
    K = int(fold.max()) + 1
    inner = {}
    for name in STACK_BASES:
        make = FAMILIES[name][0]
        for j in range(K):
            for k in range(j + 1, K):
                fit_rows = (fold != j) & (fold != k)
                rows = ~fit_rows
                z = np.full(len(y), np.nan)
                z[rows] = logit(make().fit(X[fit_rows], y[fit_rows]).predict_proba(X[rows])[:, 1])
                inner[name, j, k] = inner[name, k, j] = z
    out = np.zeros(len(y))
    weights = []
    for k in range(K):
        tr, te = fold != k, fold == k
        M = np.zeros((len(y), len(STACK_BASES)))
        for c, name in enumerate(STACK_BASES):
            for j in range(K):
                if j != k:
                    M[fold == j, c] = inner[name, j, k][fold == j]
        meta = LogisticRegression().fit(M[tr], y[tr])
        out[te] = meta.decision_function(np.column_stack([preds[n][te] for n in STACK_BASES]))
        weights.append(", ".join(f"{n} {w:.2f}" for n, w in zip(STACK_BASES, meta.coef_[0])))
    preds["stack"] = out
    report("stack", out, f" in {time.time() - t0:.0f} s; meta weights per fold: {' | '.join(weights)}")


def logit(p):
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def main():
    global JOBS
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("folds")
    ap.add_argument("--families", default=",".join([*FAMILIES, "stack"]))
    ap.add_argument("--scorecard", action="append", default=[], metavar="NAME=FILE")
    ap.add_argument("--preds", help="an .npz of held-out log-odds per family, read and extended")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--with-protected", action="store_true", help="keep SEX, MARRIAGE and AGE (the package leaves them out)"
    )
    a = ap.parse_args()
    JOBS = a.jobs
    X, y, fold, _ = load(a.data, a.folds, derived=True, protected=a.with_protected)
    preds = {}
    if a.preds and os.path.exists(a.preds):
        preds = dict(np.load(a.preds))
    folds = range(int(fold.max()) + 1)

    def report(name, z, note=""):
        aucs = [roc_auc_score(y[fold == k], z[fold == k]) for k in folds]
        print(f"{name}: {fmt(aucs)}{note}", flush=True)

    for name in [f for f in a.families.split(",") if f]:
        if name == "stack":
            stack(X, y, fold, preds, report)
            if a.preds:
                np.savez(a.preds, **preds)
            continue
        make, choice = FAMILIES[name]
        z = np.zeros(len(y))
        picks = []
        t0 = time.time()
        for k in folds:
            tr, te = fold != k, fold == k
            m = make().fit(X[tr], y[tr])
            z[te] = logit(m.predict_proba(X[te])[:, 1])
            picks.append(choice(m))
        preds[name] = z
        report(name, z, f" in {time.time() - t0:.0f} s; picked per fold: {' | '.join(picks)}")
        if a.preds:
            np.savez(a.preds, **preds)

    for spec in a.scorecard:
        name, path = spec.split("=", 1)
        preds[name] = np.loadtxt(path)
        report(name, preds[name], " (held-out log-odds of the points table, cv-scores.ts)")
    cards = [s.split("=", 1)[0] for s in a.scorecard]
    for g in [g for g in ("gbm", "gbm-ref") if g in preds]:
        for c in cards:
            report(f"blend {g} + {c}", (preds[g] + preds[c]) / 2, " (mean log-odds)")
        if len(cards) > 1:
            report(f"blend {g} + {' + '.join(cards)}", np.mean([preds[g]] + [preds[c] for c in cards], 0))
    if len(cards) > 1:
        report(f"blend {' + '.join(cards)}", np.mean([preds[c] for c in cards], 0))
    if all(n in preds for n in ("gbm", "stack")) and cards:
        report(f"blend stack + {' + '.join(cards)}", np.mean([preds["stack"]] + [preds[c] for c in cards], 0))


if __name__ == "__main__":
    main()
