"""The fused model in plain PyTorch, trained the Keras way: the baseline Bench times the TorchSharp epoch against.

Same shapes and semantics as src/Streetcar.Train (FusedModel, DenseHead, Trainer): one embedding table for all
columns (10 wide, uniform +-0.05, per-column row offsets), batch norm over the 70 concatenated features (Keras
momentum 0.99 = torch 0.01, epsilon 1e-3), dropout, the optional ReLU hidden layers (--hidden 64,32 is exp7's),
Dense(1), every dense layer with Glorot-uniform weights and zero biases, Keras hard_sigmoid or sigmoid
(--activation), binary cross-entropy on predictions clipped to [1e-7, 1 - 1e-7] with per-sample class weights and
Keras' batch mean, plain SGD, one thread. Each epoch shuffles, trains, then validates in inference mode, as the
project's epoch does. Written as idiomatic PyTorch (nn modules, torch.optim.SGD), not tuned op by op; the one
Keras detail left out, the biased batch variance in the moving variance, changes no work.

Reads the rows Bench wrote (codes int32 [rows, columns] row-major, labels uint8) and prints one JSON line:
{"torch": version, "epoch_seconds": [...], "cpu_seconds": [...]} (wall and process time), the warm-up
epoch left out.
"""

import argparse
import json
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

EPSILON = 1e-7


class FusedModel(nn.Module):
    def __init__(self, cardinalities, dim, dropout, hidden, activation):
        super().__init__()
        offsets = np.concatenate([[0], np.cumsum(cardinalities)[:-1]])
        self.register_buffer("offsets", torch.tensor(offsets, dtype=torch.int64))
        self.width = len(cardinalities) * dim
        self.embedding = nn.Embedding(int(sum(cardinalities)), dim)
        nn.init.uniform_(self.embedding.weight, -0.05, 0.05)
        self.norm = nn.BatchNorm1d(self.width, eps=1e-3, momentum=0.01)
        self.dropout = nn.Dropout(dropout)
        layers, width = [], self.width
        for units in hidden:
            layers += [keras_dense(width, units), nn.ReLU()]
            width = units
        self.head = nn.Sequential(*layers, keras_dense(width, 1))
        self.activation = activation

    def forward(self, codes):
        x = self.embedding(codes + self.offsets).view(codes.shape[0], self.width)
        z = self.head(self.dropout(self.norm(x)))
        if self.activation == "sigmoid":
            return torch.sigmoid(z)
        return torch.clamp(0.2 * z + 0.5, 0.0, 1.0)  # Keras hard_sigmoid


def keras_dense(inputs, outputs):
    """Keras Dense defaults: Glorot-uniform weights, zero bias."""
    layer = nn.Linear(inputs, outputs)
    nn.init.xavier_uniform_(layer.weight)
    nn.init.zeros_(layer.bias)
    return layer


def keras_bce(p, labels, weights):
    """Keras binary cross-entropy with class weights: mean over the batch of w * bce(clip(p))."""
    p = torch.clamp(p, EPSILON, 1.0 - EPSILON)
    return (weights * F.binary_cross_entropy(p, labels, reduction="none")).mean()


def read_split(folder, name, columns):
    codes = np.fromfile(f"{folder}/{name}.codes.i32", dtype=np.int32).reshape(-1, columns)
    labels = np.fromfile(f"{folder}/{name}.labels.u8", dtype=np.uint8)
    return torch.from_numpy(codes.astype(np.int64)), torch.from_numpy(labels.astype(np.float32)).view(-1, 1)


def train_epoch(model, optimizer, inputs, labels, weights, batch_size, generator):
    model.train()
    order = torch.randperm(inputs.shape[0], generator=generator)
    inputs, labels, weights = inputs[order], labels[order], weights[order]
    loss_sum = torch.zeros((), dtype=torch.float64)
    correct = torch.zeros((), dtype=torch.int64)
    for start in range(0, inputs.shape[0], batch_size):
        x, y, w = inputs[start:start + batch_size], labels[start:start + batch_size], weights[start:start + batch_size]
        optimizer.zero_grad()
        p = model(x)
        loss = keras_bce(p, y, w)
        loss.backward()
        optimizer.step()
        loss_sum += loss.detach() * x.shape[0]
        correct += ((p.detach() > 0.5) == (y > 0.5)).sum()
    return loss_sum.item() / inputs.shape[0], correct.item() / inputs.shape[0]


def evaluate(model, inputs, labels, chunk=1 << 16):
    model.eval()
    with torch.no_grad():
        p = torch.cat([model(inputs[s:s + chunk]) for s in range(0, inputs.shape[0], chunk)])
        loss = F.binary_cross_entropy(torch.clamp(p, EPSILON, 1.0 - EPSILON), labels).item()
        return loss, ((p > 0.5) == (labels > 0.5)).float().mean().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="folder with train/valid .codes.i32 and .labels.u8")
    parser.add_argument("--cardinalities", required=True, help="comma-separated codes per column")
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs after the warm-up one")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--learning-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.0003)
    parser.add_argument("--positive-weight", type=float, default=49.0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hidden", default="", help="comma-separated widths of the ReLU hidden layers (none: the book's model)")
    parser.add_argument("--activation", choices=["hard_sigmoid", "sigmoid"], default="hard_sigmoid")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    cardinalities = [int(c) for c in args.cardinalities.split(",")]
    train_x, train_y = read_split(args.data, "train", len(cardinalities))
    valid_x, valid_y = read_split(args.data, "valid", len(cardinalities))
    train_w = 1.0 + train_y * (args.positive_weight - 1.0)
    hidden = [int(h) for h in args.hidden.split(",") if h]
    model = FusedModel(cardinalities, 10, args.dropout, hidden, args.activation)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.learning_rate)
    generator = torch.Generator().manual_seed(args.seed)
    seconds, cpu_seconds = [], []
    for _ in range(args.epochs + 1):
        start, cpu = time.perf_counter(), time.process_time()
        train_epoch(model, optimizer, train_x, train_y, train_w, args.batch_size, generator)
        evaluate(model, valid_x, valid_y)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu)
    print(json.dumps({"torch": torch.__version__, "epoch_seconds": seconds[1:], "cpu_seconds": cpu_seconds[1:]}))


if __name__ == "__main__":
    main()
