#!/usr/bin/python3
"""PyTorch reference for `pearl bench conv` (reference only, never a dependency of Pearl).

The LeNet-5-like net of `pearl train --model lenet` on 28x28 images [cases, 1, 28, 28]:
conv 5x5 to 6 channels (padding 2), tanh, 2x2 max pooling, conv 5x5 to 16 channels, tanh,
pooling, dense 400 -> 120 -> 84 -> 10 with tanh between, and softmax cross-entropy on integer
labels averaged over cases. Timed ops, median of --reps after --warmup, interleaved, printed as
`pearl bench conv`'s JSON lines:
  lenet_forward  the class scores
  lenet_grad     forward + backward (torch.autograd.grad of the loss)
  lenet_gnvp     G v = J^T H_L J v: J v by forward-mode AD (torch.autograd.forward_ad), H_L of
                 the softmax loss applied by hand, then one vjp
With --passes, as `pearl bench conv --passes`: each convolution's three products alone,
lenet_conv{1,2}_{forward,input_gradient,weight_gradient} (F.conv2d and the
aten::convolution_backward that autograd calls, NCHW), each followed by a sum as Pearl's are.

median_cpu_s is the median CPU time of the process per run (all its threads): on a machine shared
with other jobs it counts the work done, not the time spent waiting for a core.

Usage: /usr/bin/python3 examples/scripts/torch_conv_bench.py --threads 2
"""
import argparse
import json
import statistics
import time

import torch
import torch.autograd.forward_ad as fwAD
import torch.nn.functional as F


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--passes", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dt = getattr(torch, a.dtype)
    g = torch.Generator().manual_seed(1)

    def weights(*shape, fan_in):
        return torch.randn(*shape, generator=g, dtype=dt) / fan_in ** 0.5

    params = [weights(6, 1, 5, 5, fan_in=25), torch.zeros(6, dtype=dt),
              weights(16, 6, 5, 5, fan_in=150), torch.zeros(16, dtype=dt),
              weights(120, 400, fan_in=400), torch.zeros(120, dtype=dt),
              weights(84, 120, fan_in=120), torch.zeros(84, dtype=dt),
              weights(10, 84, fan_in=84), torch.zeros(10, dtype=dt)]
    x = torch.rand(a.batch, 1, 28, 28, generator=g, dtype=dt)
    labels = torch.arange(a.batch) % 10
    v = [torch.randn(p.shape, generator=g, dtype=dt) for p in params]

    def outputs(p):
        c1w, c1b, c2w, c2b, d1w, d1b, d2w, d2b, d3w, d3b = p
        h = F.max_pool2d(torch.tanh(F.conv2d(x, c1w, c1b, padding=2)), 2)
        h = F.max_pool2d(torch.tanh(F.conv2d(h, c2w, c2b)), 2).flatten(1)
        h = torch.tanh(F.linear(h, d1w, d1b))
        h = torch.tanh(F.linear(h, d2w, d2b))
        return F.linear(h, d3w, d3b)

    def forward():
        with torch.no_grad():
            return outputs(params)

    def grad():
        p = [q.detach().requires_grad_() for q in params]
        return torch.autograd.grad(F.cross_entropy(outputs(p), labels), p)

    def gnvp():
        with fwAD.dual_level():
            duals = [fwAD.make_dual(q, t) for q, t in zip(params, v)]
            jv = fwAD.unpack_dual(outputs(duals)).tangent
        p = [q.detach().requires_grad_() for q in params]
        z = outputs(p)
        prob = torch.softmax(z.detach(), dim=1)
        pjv = prob * jv
        hjv = (pjv - prob * pjv.sum(dim=1, keepdim=True)) / a.batch
        return torch.autograd.grad(z, p, grad_outputs=hjv)

    ops = conv_passes(a.batch, dt, g) if a.passes else {"forward": forward, "grad": grad, "gnvp": gnvp}
    times = {k: [] for k in ops}
    cpu = {k: [] for k in ops}
    for _ in range(a.warmup):
        for f in ops.values():
            f()
    for _ in range(a.reps):
        for k, f in ops.items():
            t0, c0 = time.perf_counter(), time.process_time()
            f()
            times[k].append(time.perf_counter() - t0)
            cpu[k].append(time.process_time() - c0)
    for k, ts in times.items():
        print(json.dumps({"op": "lenet_" + k, "batch": a.batch, "dtype": a.dtype, "threads": a.threads, "backend": "torch",
                          "median_s": round(statistics.median(ts), 5), "min_s": round(min(ts), 5),
                          "median_cpu_s": round(statistics.median(cpu[k]), 5), "reps": a.reps}))


def conv_passes(batch, dt, g):
    """conv1 (1 -> 6 channels, 28x28, padding 2) and conv2 (6 -> 16, 14x14): each product alone."""
    ops = {}
    for name, xs, ws, pad in (("conv1", (batch, 1, 28, 28), (6, 1, 5, 5), 2), ("conv2", (batch, 6, 14, 14), (16, 6, 5, 5), 0)):
        x = torch.rand(xs, generator=g, dtype=dt) * 2 - 1
        w = torch.rand(ws, generator=g, dtype=dt) * 2 - 1
        dy = torch.rand(F.conv2d(x, w, padding=pad).shape, generator=g, dtype=dt) * 2 - 1

        def backward(mask, x=x, w=w, dy=dy, pad=pad):
            return torch.ops.aten.convolution_backward(dy, x, w, None, [1, 1], [pad, pad], [1, 1], False, [0, 0], 1, mask)

        ops[name + "_forward"] = lambda x=x, w=w, pad=pad: F.conv2d(x, w, padding=pad).sum().item()
        ops[name + "_input_gradient"] = lambda backward=backward: backward([True, False, False])[0].sum().item()
        ops[name + "_weight_gradient"] = lambda backward=backward: backward([False, True, False])[1].sum().item()
    return ops


if __name__ == "__main__":
    main()
