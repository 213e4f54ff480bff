#!/usr/bin/env python3
"""Reference scorer for Creditline scorecard models, in plain Python (standard library only).

Reads a model file (format "creditline-scorecard", formatVersion 1; JSON Schema in
schema/scorecard-model.schema.json) and scores CSV rows exactly as the TypeScript package does:
the same CSV cell rules, the same derived features in the same floating-point order, the same
bin boundaries ([lower, upper), the missing bin for missing values and unseen levels), and the
score as the sum of the bins' integer points.

    python3 creditline_score.py MODEL.json DATA.csv > scores.csv     # id (if any), score, pd

As a module: ``model = load_model(path)``; ``score_row(model, record)`` with ``record`` a dict
of column name to value (numbers, strings or None).
"""
import csv
import json
import math
import re
import sys

NUMERIC = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
MISSING_TEXT = {"", "NA", "NaN", "null"}
NAN = float("nan")


def cell(raw):
    """A CSV cell as the TypeScript reader sees it: None, a float, or a string."""
    t = raw.strip()
    if t in MISSING_TEXT:
        return None
    if NUMERIC.match(t):
        return float(t)
    return t


def js_string(v):
    """String(v) of JavaScript for the values a CSV cell can hold (category lookup)."""
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e21:
            return str(int(v))
        r = repr(v)
        return r[:-2] if r.endswith(".0") else r
    return str(v)


def to_number(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    if isinstance(v, str) and v.strip() != "":
        try:
            n = float(v)
        except ValueError:
            return NAN
        return n if math.isfinite(n) else NAN
    return NAN


def load_model(path):
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    if model.get("format") != "creditline-scorecard" or model.get("formatVersion") != 1:
        raise ValueError("not a creditline-scorecard model of formatVersion 1")
    return model


def _inputs(d):
    k = d["kind"]
    if k == "ratio":
        return [d["numerator"], d["denominator"]]
    if k in ("diff", "cross"):
        return [d["a"], d["b"]]
    return d["columns"]


def _cut_index(cuts, v):
    k = 0
    while k < len(cuts) and v >= cuts[k]:
        k += 1
    return k


def _compare(v, op, t):
    return {
        ">": v > t,
        ">=": v >= t,
        "<": v < t,
        "<=": v <= t,
        "==": v == t,
        "!=": v != t,
    }[op]


def _derived(d, get):
    k = d["kind"]
    if k == "ratio":
        n, den = get(d["numerator"]), get(d["denominator"])
        if not (den > 0) or math.isnan(n):
            return NAN
        return n / den
    if k == "diff":
        return get(d["a"]) - get(d["b"])
    if k == "cross":
        a, b = get(d["a"]), get(d["b"])
        if math.isnan(a) or math.isnan(b):
            return NAN
        return float(_cut_index(d["aCuts"], a) * (len(d["bCuts"]) + 1) + _cut_index(d["bCuts"], b))
    if k == "count_where":
        c, seen = 0, False
        for col in d["columns"]:
            v = get(col)
            if math.isnan(v):
                continue
            seen = True
            if _compare(v, d["op"], d["threshold"]):
                c += 1
        return float(c) if seen else NAN
    if k == "first_where":
        seen = False
        for pos, col in enumerate(d["columns"]):
            v = get(col)
            if math.isnan(v):
                continue
            seen = True
            if _compare(v, d["op"], d["threshold"]):
                return float(pos)
        return float(len(d["columns"])) if seen else NAN
    if k == "max_of":
        m = NAN
        for col in d["columns"]:
            v = get(col)
            if not math.isnan(v) and not (v <= m):
                m = v
        return m
    if k == "mean_of":
        s, c = 0.0, 0
        for col in d["columns"]:
            v = get(col)
            if math.isnan(v):
                continue
            s += v
            c += 1
        return s / c if c else NAN
    raise ValueError("unknown derived kind " + k)


def _missing_bin(feature):
    for i, b in enumerate(feature["bins"]):
        if b.get("isMissing"):
            return i
    raise ValueError("feature %s has no missing bin" % feature["name"])


def feature_bins(model, record):
    """Bin index of each model feature for one record."""
    derived_names = {d["name"] for d in model["derived"]}
    values = {}

    def get(name):
        if name in values:
            return values[name]
        return to_number(record.get(name))

    for d in model["derived"]:
        values[d["name"]] = _derived(d, get)
    out = []
    for f in model["features"]:
        miss = _missing_bin(f)
        if f["kind"] == "categorical" and f["name"] not in derived_names:
            v = record.get(f["name"])
            bin_ = miss
            if v is not None and v != "":
                key = js_string(v)
                for i, b in enumerate(f["bins"]):
                    if not b.get("isMissing") and key in (b.get("values") or []):
                        bin_ = i
                        break
            out.append(bin_)
            continue
        v = get(f["name"])
        if math.isnan(v):
            out.append(miss)
        elif f["kind"] == "categorical":
            # A derived categorical (an interaction cell code).
            bin_ = miss
            for i, b in enumerate(f["bins"]):
                if not b.get("isMissing") and any(float(x) == v for x in (b.get("values") or [])):
                    bin_ = i
                    break
            out.append(bin_)
        else:
            bins = [i for i, b in enumerate(f["bins"]) if not b.get("isMissing")]
            if not bins:
                out.append(miss)
                continue
            k = 0
            while k + 1 < len(bins) and v >= f["bins"][bins[k + 1]]["lower"]:
                k += 1
            out.append(bins[k])
    return out


def score_row(model, record):
    """Integer score of one record (dict of column → value)."""
    return sum(f["bins"][b]["points"] for f, b in zip(model["features"], feature_bins(model, record)))


def probability_of_default(model, score):
    s = model["scaling"]
    factor = s["pdo"] / math.log(2)
    offset = s["baseScore"] - factor * math.log(s["baseOdds"])
    return 1 / (1 + math.exp((score - offset) / factor))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: creditline_score.py MODEL.json DATA.csv\n")
        return 2
    model = load_model(argv[1])
    with open(argv[2], encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = [c.strip() for c in rows[0]]
    id_col = next((i for i, c in enumerate(header) if c.lower() == "id"), -1)
    w = sys.stdout
    w.write(("%s," % header[id_col] if id_col >= 0 else "") + "score,probability_of_default\n")
    for raw in rows[1:]:
        if not any(x.strip() for x in raw):
            continue
        record = {header[j]: cell(raw[j]) if j < len(raw) else None for j in range(len(header))}
        s = score_row(model, record)
        ident = (raw[id_col].strip() + ",") if id_col >= 0 else ""
        w.write("%s%d,%.6f\n" % (ident, s, probability_of_default(model, s)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
