#!/usr/bin/env python3
"""Expected values for SeaIceEvaluation's scikit-learn parity tests.

Writes Tests/SeaIceEvaluationTests/Fixtures/sklearn.json: random-ish label arrays (numpy,
fixed seed, stored in the JSON) and the results of scikit-learn's r2_score,
f1_score(average='weighted'), precision_recall_fscore_support(average=None) and
confusion_matrix on them, plus the AutoICE challenge's rounding (np.round(metric * 100, 3))
and combined score (starter pack functions.compute_combined_score).

scikit-learn is NOT a project dependency. It was installed only to generate this file:

    pip install --target /tmp/sk scikit-learn
    PYTHONPATH=/tmp/sk scripts/python python/evaluation_fixtures.py

Generated once and checked in; rerun only when the cases change.
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support, r2_score

MASK = 255
CLASSES = {"SIC": 11, "SOD": 6, "FLOE": 7}
WEIGHTS = {"SIC": 2, "SOD": 2, "FLOE": 1}
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/SeaIceEvaluationTests/Fixtures/sklearn.json"


def labels(rng, n, k, p=None):
    return rng.choice(k, size=n, p=p).astype(np.uint8)


def water_heavy(k):
    """Class probabilities dominated by class 0, as the real AutoICE label histograms."""
    p = np.ones(k) / (2 * (k - 1))
    p[0] = 0.5
    return p


def noisy(rng, truth, k, keep):
    """A prediction equal to `truth` with probability `keep`, else a random class."""
    out = truth.copy()
    flip = rng.random(truth.size) > keep
    out[flip] = rng.integers(0, k, size=int(flip.sum()))
    return out


def chart_case(chart, truth, pred):
    """scikit-learn's metrics on the pixels whose reference is not masked."""
    valid = truth != MASK
    t, p = truth[valid].astype(np.int64), pred[valid].astype(np.int64)
    uniq = np.unique(np.concatenate([t, p]))
    prec, rec, f1s, sup = precision_recall_fscore_support(t, p, labels=uniq, average=None, zero_division=0)
    case = {
        "chart": chart,
        "reference": truth.tolist(),
        "prediction": pred.tolist(),
        "labels": uniq.tolist(),
        "precision": prec.tolist(),
        "recall": rec.tolist(),
        "f1": f1s.tolist(),
        "support": sup.tolist(),
        "confusion": confusion_matrix(t, p, labels=uniq).tolist(),
        "weighted_f1": float(f1_score(t, p, average="weighted")),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r2 = r2_score(t, p) if t.size else float("nan")
    case["r2"] = None if np.isnan(r2) else float(r2)
    metric = case["r2"] if chart == "SIC" else case["weighted_f1"]
    case["score"] = None if metric is None else float(np.round(metric * 100, 3))
    return case


def main():
    rng = np.random.default_rng(20260121)
    cases = []
    for n, keep in [(40, 0.5), (300, 0.8), (600, 0.95)]:
        scene = {}
        for chart, k in CLASSES.items():
            truth = labels(rng, n, k, water_heavy(k))
            truth[rng.random(n) < 0.2] = MASK  # masked reference pixels
            pred = noisy(rng, np.where(truth == MASK, 0, truth).astype(np.uint8), k, keep)
            scene[chart] = chart_case(chart, truth, pred)
        scene["combined"] = float(np.round(sum(scene[c]["score"] * WEIGHTS[c] for c in CLASSES) / 5, 3))
        # MMSeaIce functions.water_edge_metric: w = (prediction > 0) per chart.
        sic, sod, floe = ((np.array(scene[c]["prediction"]) > 0).astype(float) for c in CLASSES)
        scene["water_consistency"] = float(1 - np.mean(np.abs(sic - sod) + np.abs(sod - floe) + np.abs(floe - sic)))
        cases.append(scene)

    edge = []
    # A class present only in the prediction (SOD 5), a reference class never predicted (SOD 3).
    edge.append(chart_case("SOD", np.array([0, 0, 1, 1, 2, 3, 3, 255], np.uint8), np.array([0, 5, 1, 1, 2, 0, 2, 4], np.uint8)))
    # One class only, predicted perfectly and imperfectly.
    edge.append(chart_case("FLOE", np.array([4, 4, 4, 4], np.uint8), np.array([4, 4, 4, 4], np.uint8)))
    edge.append(chart_case("FLOE", np.array([4, 4, 4, 4], np.uint8), np.array([4, 0, 4, 6], np.uint8)))
    # Constant reference: R² is 1 when predicted exactly, 0 otherwise (force_finite).
    edge.append(chart_case("SIC", np.array([7, 7, 7, 255], np.uint8), np.array([7, 7, 7, 0], np.uint8)))
    edge.append(chart_case("SIC", np.array([7, 7, 7, 7], np.uint8), np.array([7, 6, 7, 10], np.uint8)))
    # Negative R² (worse than the mean).
    edge.append(chart_case("SIC", np.array([0, 10, 0, 10, 5], np.uint8), np.array([10, 0, 10, 0, 5], np.uint8)))
    # One valid pixel: R² undefined (NaN in scikit-learn).
    edge.append(chart_case("SIC", np.array([3, 255, 255], np.uint8), np.array([4, 1, 2], np.uint8)))

    # np.round(x, 3) ties and near-ties (half to even on x·1000).
    values = [0.0005, 0.0015, 0.0025, 1.0005, 2.5e-4, 86.3125, 86.3135, -0.0005, 99.9995, 12.3454999, 91.99850000000001]
    rounding = [{"x": v, "round3": float(np.round(v, 3))} for v in values]

    doc = {
        "generator": "python/evaluation_fixtures.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "seed": 20260121,
        "scenes": cases,
        "edge_cases": edge,
        "rounding": rounding,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
