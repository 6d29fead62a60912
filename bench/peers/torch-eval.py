"""PyTorch peer of the bench: one evaluation (forward, cost, backward, regularised gradient)
of a sigmoid network with the lecture's cross-entropy and lambda = 1, float64, 1 thread, by
autograd. Usage: torch-eval.py ROUNDS s1 s2 ... sL m  -> prints {"medianMs": ...}."""
import json
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(1)
rounds = int(sys.argv[1])
sizes = [int(s) for s in sys.argv[2:-1]]
m = int(sys.argv[-1])
lam = 1.0
X = torch.rand(m, sizes[0], dtype=torch.float64)
Y = torch.zeros(m, sizes[-1], dtype=torch.float64)
Y[torch.arange(m), torch.randint(0, sizes[-1], (m,))] = 1.0
W = [((torch.rand(sizes[l + 1], sizes[l] + 1, dtype=torch.float64) * 2 - 1) * 0.12).requires_grad_() for l in range(len(sizes) - 1)]


def evaluate():
    a = X
    z = None
    for l, t in enumerate(W):
        z = torch.addmm(t[:, 0], a, t[:, 1:].t())
        a = torch.sigmoid(z)
    # softplus(z) - y z summed = the cross-entropy of sigmoid outputs, stable.
    J = (torch.nn.functional.softplus(z) - Y * z).sum() / m
    J = J + lam / (2 * m) * sum((t[:, 1:] ** 2).sum() for t in W)
    for t in W:
        t.grad = None
    J.backward()
    return J.item()


reps = 1
while True:
    t0 = time.perf_counter()
    for _ in range(reps):
        evaluate()
    if time.perf_counter() - t0 > 0.05 or reps > 1_000_000:
        break
    reps *= 2
times = []
for _ in range(rounds):
    t0 = time.perf_counter()
    for _ in range(reps):
        evaluate()
    times.append((time.perf_counter() - t0) / reps * 1e3)
times.sort()
print(json.dumps({"medianMs": times[len(times) // 2], "torch": torch.__version__}))
