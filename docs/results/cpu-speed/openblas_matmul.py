#!/usr/bin/python3
"""The reference for `pearl bench matmul`: the same shapes through PyTorch's CPU matmul, which
hands them to the BLAS it loaded (run with Debian's OpenBLAS, see README.md), into one reused
output as Pearl's `gflops` figure is. Prints one JSON line per shape with the same fields, plus
the OpenBLAS kernel ("core") in use, so that a forced OPENBLAS_CORETYPE is visible.
`gflops_per_cpu_s` divides by the process's CPU time, as Pearl's does; with more than one thread
it also counts OpenMP threads spinning while they wait, so compare it on one thread.

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 openblas_matmul.py \
        --dtype float32 --threads 2 [--reps 7]
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

PEERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "peers")
sys.path.insert(0, os.environ.get("PEARL_PEERS", PEERS))
try:
    import blasinfo
except ImportError:  # the core name is then not reported
    blasinfo = None


def shapes(batch):
    """m, k, n, transpose_a, transpose_b, label: as examples' MatmulBench."""
    return [(1024, 1024, 1024, False, False, "square"),
            (batch, 784, 1000, False, False, "forward x·W1"),
            (batch, 1000, 500, False, False, "forward h1·W2"),
            (batch, 1000, 784, False, True, "backward dZ·Wᵀ"),
            (784, batch, 1000, True, False, "weight grad Xᵀ·dZ")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=7)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    dt = getattr(torch, args.dtype)
    core = None
    if blasinfo is not None:
        info = blasinfo.openblas_info(set_threads=args.threads)
        core = info[0].get("corename") if info else None
    g = torch.Generator().manual_seed(0)
    for m, k, n, ta, tb, label in shapes(args.batch):
        a = torch.randn(*((k, m) if ta else (m, k)), generator=g, dtype=dt)
        b = torch.randn(*((n, k) if tb else (k, n)), generator=g, dtype=dt)
        x, y = (a.t() if ta else a), (b.t() if tb else b)  # views: BLAS gets the transpose flags
        c = torch.empty(m, n, dtype=dt)
        until = time.perf_counter() + 2.0
        while time.perf_counter() < until:  # warm up by time, as the Java side does
            torch.matmul(x, y, out=c)
        times, cpu = [], []
        for _ in range(args.reps):
            c0, t0 = time.process_time(), time.perf_counter()
            torch.matmul(x, y, out=c)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        med = statistics.median(times)
        print(json.dumps({"op": "matmul", "shape": label, "m": m, "k": k, "n": n, "transpose_a": ta,
                          "transpose_b": tb, "dtype": args.dtype, "threads": args.threads,
                          "backend": "torch+openblas", "median_s": round(med, 5),
                          "gflops": round(2.0 * m * n * k / med / 1e9, 1),
                          "gflops_per_cpu_s": round(2.0 * m * n * k / statistics.median(cpu) / 1e9, 1), "blas_core": core,
                          "coretype_env": os.environ.get("OPENBLAS_CORETYPE")}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
