"""The network cost J(Θ) and its gradient by PyTorch autograd in float64: an independent oracle.

Reads from stdin a JSON list of problems, each
  {"sizes": [...], "activations": [...], "cost": "cross-entropy" | "squared-error",
   "lambda": λ, "theta": [unrolled θ, Θ^(1) first, each row-major, bias in column 0],
   "X": [m·n, row-major], "Y": [m·K, row-major], "m": m}
and writes a JSON list of {"cost": J, "gradient": [∂J/∂θ in the same order]}.
"""
import json
import sys

import torch

torch.set_default_dtype(torch.float64)


def evaluate(p):
    sizes, m = p["sizes"], p["m"]
    theta = torch.tensor(p["theta"], requires_grad=True)
    X = torch.tensor(p["X"]).reshape(m, sizes[0])
    Y = torch.tensor(p["Y"]).reshape(m, sizes[-1])
    a, off, penalty = X, 0, torch.zeros(())
    for l in range(len(sizes) - 1):
        rows, cols = sizes[l + 1], sizes[l] + 1
        T = theta[off:off + rows * cols].reshape(rows, cols)
        off += rows * cols
        z = a @ T[:, 1:].T + T[:, 0]
        g = p["activations"][l]
        a = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
             "linear": lambda v: v, "softmax": lambda v: torch.softmax(v, dim=1)}[g](z)
        penalty = penalty + (T[:, 1:] ** 2).sum()
    if p["cost"] == "squared-error":
        J = 0.5 * ((a - Y) ** 2).sum() / m
    elif p["activations"][-1] == "softmax":
        J = -(Y * torch.log(a)).sum() / m
    else:
        J = -(Y * torch.log(a) + (1 - Y) * torch.log(1 - a)).sum() / m
    J = J + p["lambda"] / (2 * m) * penalty
    J.backward()
    return {"cost": J.item(), "gradient": theta.grad.tolist()}


json.dump([evaluate(p) for p in json.load(sys.stdin)], sys.stdout)
