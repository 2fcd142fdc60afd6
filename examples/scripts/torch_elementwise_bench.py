#!/usr/bin/python3
"""PyTorch reference for `pearl bench elementwise` (reference only, never a dependency of Pearl).

The same ops at the same shapes, each call allocating its output as PyTorch's operators do: add,
mul, exp, log (of inputs in [0.1, 2)), tanh, sigmoid, softplus, relu, and the sum over rows
(axis 0, a bias gradient). One timed repetition runs an op --calls times; medians over --reps,
ops interleaved; the JSON lines carry `pearl bench elementwise`'s fields.

Usage: OMP_NUM_THREADS=2 /usr/bin/python3 examples/scripts/torch_elementwise_bench.py --threads 2
(OPENBLAS_CORETYPE=Haswell changes only OpenBLAS; PyTorch's own elementwise kernels pick their
instruction set with ATEN_CPU_CAPABILITY=avx2.)
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", default="1000x100,1000x1000")
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--calls", type=int, default=50)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dt = getattr(torch, a.dtype)
    g = torch.Generator().manual_seed(1)
    for text in a.shapes.split(","):
        rows, cols = (int(s) for s in text.split("x"))
        x = torch.randn(rows, cols, generator=g, dtype=dt)
        y = torch.randn(rows, cols, generator=g, dtype=dt)
        positive = torch.rand(rows, cols, generator=g, dtype=dt) * 1.9 + 0.1
        ops = {
            "add": lambda: x + y,
            "mul": lambda: x * y,
            "exp": lambda: torch.exp(x),
            "log": lambda: torch.log(positive),
            "tanh": lambda: torch.tanh(x),
            "sigmoid": lambda: torch.sigmoid(x),
            "softplus": lambda: F.softplus(x),
            "relu": lambda: torch.relu(x),
            "sum_rows": lambda: x.sum(0),
        }

        def block(op):
            for _ in range(a.calls):
                op()

        for _ in range(a.warmup):
            for op in ops.values():
                block(op)
        times = {name: [] for name in ops}
        for _ in range(a.reps):
            for name, op in ops.items():
                t0 = time.perf_counter()
                block(op)
                times[name].append(time.perf_counter() - t0)
        for name, ts in times.items():
            print(json.dumps({"op": "elementwise", "fn": name, "shape": text, "dtype": a.dtype, "threads": a.threads,
                              "backend": "pytorch " + torch.__version__, "median_us": round(1e6 * statistics.median(ts) / a.calls, 2),
                              "min_us": round(1e6 * min(ts) / a.calls, 2), "calls": a.calls, "reps": a.reps,
                              "capability": torch.backends.cpu.get_cpu_capability() if hasattr(torch.backends, "cpu") else "unknown"}))


if __name__ == "__main__":
    main()
