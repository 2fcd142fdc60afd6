#!/usr/bin/python3
"""PyTorch reference for `pearl bench rnn` (reference only, never a dependency of Pearl).

A tanh RNN unrolled over T steps, h_t = tanh(x_t Wxh + h_{t-1} Whh + bh), h_0 = 0, output
z = h_T Why + by, loss = 0.5 * sum((z - y)^2) / cases (Pearl's Losses.squaredError). Timed ops,
median of --reps after --warmup, interleaved, printed as `pearl bench rnn`'s JSON lines:
  rnn_grad  forward + backward (torch.autograd.grad)
  rnn_gnvp  G v = J^T H_L J v: J v by forward-mode AD (torch.autograd.forward_ad), then one vjp
  rnn_hvp   H v by reverse-over-reverse (grad of <grad, v>)

Usage: OMP_NUM_THREADS=2 python3 examples/scripts/torch_rnn_bench.py --steps 100 --threads 2
(OPENBLAS_CORETYPE=Haswell restricts OpenBLAS to AVX2 on an AVX-512 machine.)
"""
import argparse
import json
import statistics
import time

import torch
import torch.autograd.forward_ad as fwAD


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--inputs", type=int, default=2)
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dt = getattr(torch, a.dtype)
    g = torch.Generator().manual_seed(1)
    H, I = a.hidden, a.inputs
    params = [torch.randn(I, H, generator=g, dtype=dt) / I ** 0.5, torch.randn(H, H, generator=g, dtype=dt) / H ** 0.5,
              torch.zeros(H, dtype=dt), torch.randn(H, 1, generator=g, dtype=dt) / H ** 0.5, torch.zeros(1, dtype=dt)]
    x = torch.randn(a.steps, a.batch, I, generator=g, dtype=dt)
    y = torch.randn(a.batch, 1, generator=g, dtype=dt)
    v = [torch.randn(p.shape, generator=g, dtype=dt) for p in params]

    def outputs(p):
        wxh, whh, bh, why, by = p
        # unbind, not proj[t]: the backward of each proj[t] is a zero tensor of proj's full size,
        # which makes the gradient quadratic in T; unbind's backward is one stack.
        proj = (x.reshape(-1, I) @ wxh + bh).reshape(a.steps, a.batch, H).unbind(0)
        h = torch.tanh(proj[0])
        for t in range(1, a.steps):
            h = torch.tanh(proj[t] + h @ whh)
        return h @ why + by

    def loss_of(z):
        return 0.5 * ((z - y) ** 2).sum() / a.batch

    def grad():
        p = [q.detach().requires_grad_() for q in params]
        return torch.autograd.grad(loss_of(outputs(p)), p)

    def gnvp():
        with fwAD.dual_level():
            duals = [fwAD.make_dual(q, t) for q, t in zip(params, v)]
            jv = fwAD.unpack_dual(outputs(duals)).tangent
        p = [q.detach().requires_grad_() for q in params]
        z = outputs(p)
        hjv = jv / a.batch  # H_L of the squared error is I / cases
        return torch.autograd.grad(z, p, grad_outputs=hjv)

    def hvp():
        p = [q.detach().requires_grad_() for q in params]
        gs = torch.autograd.grad(loss_of(outputs(p)), p, create_graph=True)
        return torch.autograd.grad(sum((gi * vi).sum() for gi, vi in zip(gs, v)), p)

    ops = {"grad": grad, "gnvp": gnvp, "hvp": hvp}
    times = {k: [] for k in ops}
    for _ in range(a.warmup):
        for f in ops.values():
            f()
    for _ in range(a.reps):
        for k, f in ops.items():
            t0 = time.perf_counter()
            f()
            times[k].append(time.perf_counter() - t0)
    for k, ts in times.items():
        print(json.dumps({"op": "rnn_" + k, "steps": a.steps, "batch": a.batch, "hidden": H, "dtype": a.dtype,
                          "threads": a.threads, "backend": "torch", "median_s": round(statistics.median(ts), 5),
                          "min_s": round(min(ts), 5), "reps": a.reps}))


if __name__ == "__main__":
    main()
