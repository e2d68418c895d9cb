"""XGBoost's hist fit on the rows Bench wrote: the baseline Bench times the gradient-boosting fit against.

The same rows and weights as the gbm experiment's LightGBM fit (src/Streetcar.Boosting): every training row, a
positive weighted by the class balance (negatives / positives, XGBoost's scale_pos_weight), one thread, the
learning rate and number of rounds given, and trees of at most --leaves leaves grown best-first
(grow_policy=lossguide, max_leaves, max_depth=0: LightGBM's leaf-wise growth). The seven columns are categorical
as XGBoost 1.7 supports them natively: a pandas category dtype per column (categories 0 .. cardinality - 1, so a
code the training split lacks still has its place) and enable_categorical, which splits a column on a set of its
categories (partition-based splits above max_cat_to_onehot = 4 categories) as LightGBM's categorical splits do,
rather than on one-hot indicators (a hundred sparse columns, one category per split) or ordinal codes (an order
the codes do not have). LightGBM's min_data_in_leaf counts rows; XGBoost's nearest knob, min_child_weight, sums
hessians, so it stays at its default.

Reads codes int32 [rows, columns] row-major and labels uint8 (as pytorch_epoch.py) and prints one JSON line:
{"xgboost": version, "fit_seconds": [...], "cpu_seconds": [...], "valid_auc": ...}; each fit builds the DMatrix
from the data frame and trains, as the LightGBM fit builds its dataset and trains.
"""

import argparse
import json
import time

import numpy as np
import pandas as pd
import xgboost as xgb


def read_split(folder, name, cardinalities):
    codes = np.fromfile(f"{folder}/{name}.codes.i32", dtype=np.int32).reshape(-1, len(cardinalities))
    labels = np.fromfile(f"{folder}/{name}.labels.u8", dtype=np.uint8)
    frame = pd.DataFrame({
        f"c{c}": pd.Categorical.from_codes(codes[:, c], categories=list(range(n)))
        for c, n in enumerate(cardinalities)
    })
    return frame, labels.astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="folder with train/valid .codes.i32 and .labels.u8")
    parser.add_argument("--cardinalities", required=True, help="comma-separated codes per column")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--leaves", type=int, default=31)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--positive-weight", type=float, required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    cardinalities = [int(n) for n in args.cardinalities.split(",")]
    train, train_labels = read_split(args.data, "train", cardinalities)
    valid, valid_labels = read_split(args.data, "valid", cardinalities)
    params = {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "grow_policy": "lossguide",
        "max_leaves": args.leaves,
        "max_depth": 0,
        "eta": args.learning_rate,
        "scale_pos_weight": args.positive_weight,
        "nthread": args.threads,
        "seed": args.seed,
        "eval_metric": "auc",
    }
    seconds, cpu_seconds, booster = [], [], None
    for _ in range(args.runs):
        start, cpu = time.perf_counter(), time.process_time()
        dtrain = xgb.DMatrix(train, label=train_labels, enable_categorical=True, nthread=args.threads)
        booster = xgb.train(params, dtrain, num_boost_round=args.rounds)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu)
    dvalid = xgb.DMatrix(valid, label=valid_labels, enable_categorical=True, nthread=args.threads)
    auc = float(booster.eval(dvalid, "valid").split(":")[-1])
    print(json.dumps({"xgboost": xgb.__version__, "fit_seconds": seconds, "cpu_seconds": cpu_seconds, "valid_auc": auc}))


if __name__ == "__main__":
    main()
