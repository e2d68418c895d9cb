"""The book's fused model trained in plain PyTorch, step for step beside the C# training step (PyTorchLockstepTests).

Reads what the test wrote into --data: the initial state (float32, row-major: embedding [rows, 10], batch-norm
weight, bias, running_mean, running_var [70], dense weight [1, 70], bias [1]), the indexed inputs (int64
[rows, 7], already offset into the one embedding table), labels and per-row class weights (float32), each
epoch's batch order (int32 [epochs, rows]) and each batch's dropped positions (int64, one flat list, with the
counts per batch in dropped_counts.i32). Trains with plain SGD, Keras' batch norm (biased variance in the moving
variance, epsilon 1e-3, momentum 0.99), inverted dropout, Dense(1), Keras hard_sigmoid, and the loss --loss names:

  keras       TF 2's keras.backend.binary_crossentropy on probabilities: p clipped to [1e-7, 1 - 1e-7],
              -[t*log(p + 1e-7) + (1 - t)*log(1 - p + 1e-7)] (what the project trains with);
  torch_clip  torch's binary_cross_entropy of the clipped p, -log(clip(p)) (the project's loss before issue 19;
              the test runs it to show that the comparison tells the two apart).

Each batch's loss is sum(w * l) / batch size (Keras' class weights, batch mean). Prints one JSON line:
{"torch": version, "losses": [...], "state": {name: [...]}}.
"""

import argparse
import json

import numpy as np
import torch

EPSILON = 1e-7
FEATURES = 70


def read(folder, name, dtype, shape=None):
    values = np.fromfile(f"{folder}/{name}", dtype=dtype)
    return torch.from_numpy(values.reshape(shape) if shape else values)


def loss_of(p, t, kind):
    c = torch.clamp(p, EPSILON, 1.0 - EPSILON)
    if kind == "torch_clip":
        return torch.nn.functional.binary_cross_entropy(c, t, reduction="none")
    return -(t * torch.log(c + EPSILON) + (1 - t) * torch.log(1 - c + EPSILON))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--table-rows", type=int, required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--batch-size", type=int, required=True)
    parser.add_argument("--learning-rate", type=float, required=True)
    parser.add_argument("--dropout", type=float, required=True)
    parser.add_argument("--loss", choices=["keras", "torch_clip"], default="keras")
    args = parser.parse_args()
    torch.set_num_threads(1)
    d = args.data

    embedding = read(d, "embedding.f32", np.float32, (args.table_rows, 10)).clone().requires_grad_(True)
    gamma = read(d, "norm_weight.f32", np.float32).clone().requires_grad_(True)
    beta = read(d, "norm_bias.f32", np.float32).clone().requires_grad_(True)
    running_mean = read(d, "norm_running_mean.f32", np.float32).clone()
    running_var = read(d, "norm_running_var.f32", np.float32).clone()
    weight = read(d, "dense_weight.f32", np.float32, (1, FEATURES)).clone().requires_grad_(True)
    bias = read(d, "dense_bias.f32", np.float32).clone().requires_grad_(True)
    parameters = [embedding, gamma, beta, weight, bias]

    inputs = read(d, "inputs.i64", np.int64, (args.rows, -1))
    labels = read(d, "labels.f32", np.float32).view(-1, 1)
    weights = read(d, "weights.f32", np.float32).view(-1, 1)
    orders = read(d, "orders.i32", np.int32, (args.epochs, args.rows)).to(torch.int64)
    dropped = read(d, "dropped.i64", np.int64)
    counts = read(d, "dropped_counts.i32", np.int32).tolist()
    scale = 1.0 / (1.0 - args.dropout)

    losses, next_drop, batch = [], 0, 0
    for epoch in range(args.epochs):
        for start in range(0, args.rows, args.batch_size):
            rows = orders[epoch, start:start + args.batch_size]
            n = rows.shape[0]
            x = embedding[inputs[rows]].view(n, FEATURES)
            mean = x.mean(0)
            variance = x.var(0, unbiased=False)
            # torch's kernel normalises with the batch's biased variance, as Keras does; the moving averages are
            # updated below the Keras way. (The same formula written out in float32 rounds differently, and over
            # six steps the rounding moves the loss by about 1e-5, as much as the tolerance.)
            y = torch.nn.functional.batch_norm(x, None, None, gamma, beta, True, 0.0, 1e-3)
            mask = torch.full((n * FEATURES,), scale)
            mask[dropped[next_drop:next_drop + counts[batch]]] = 0.0
            next_drop += counts[batch]
            batch += 1
            z = (y * mask.view(n, FEATURES)) @ weight.t() + bias
            p = torch.clamp(0.2 * z + 0.5, 0.0, 1.0)
            loss = (weights[rows] * loss_of(p, labels[rows], args.loss)).sum() / n
            for parameter in parameters:
                parameter.grad = None
            loss.backward()
            with torch.no_grad():
                for parameter in parameters:
                    parameter -= args.learning_rate * parameter.grad
                running_mean.mul_(0.99).add_(mean.detach(), alpha=0.01)
                running_var.mul_(0.99).add_(variance.detach(), alpha=0.01)
            losses.append(loss.item())

    state = {"embedding": embedding, "norm_weight": gamma, "norm_bias": beta, "norm_running_mean": running_mean,
             "norm_running_var": running_var, "dense_weight": weight, "dense_bias": bias}
    print(json.dumps({"torch": torch.__version__, "losses": losses,
                      "state": {k: v.detach().reshape(-1).tolist() for k, v in state.items()}}))


if __name__ == "__main__":
    main()
