"""Turns the output of examples/scripts/elementwise-vs-pytorch.sh into a Markdown table: per
instruction set, dtype and shape, each op's median time per call (the median over rounds of each
round's median), Pearl against PyTorch, and their ratio."""
import json
import statistics
import sys
from collections import defaultdict

times, current = defaultdict(list), None
for line in open(sys.argv[1]):
    if line.startswith("=="):
        _, who, isa, dtype = line.split()[:4]
        current = (who, isa)
    elif line.startswith("{") and current:
        row = json.loads(line)
        times[current + (row["dtype"], row["shape"], row["fn"])].append(row["median_us"])

keys = sorted({k[1:] for k in times}, key=lambda k: (k[0], k[1], k[2]))
print("| isa | dtype | shape | op | Pearl (µs) | PyTorch (µs) | Pearl/PyTorch |")
print("|---|---|---|---|---:|---:|---:|")
for isa, dtype, shape, fn in keys:
    if ("pearl", isa, dtype, shape, fn) not in times or ("torch", isa, dtype, shape, fn) not in times:
        continue
    p = statistics.median(times[("pearl", isa, dtype, shape, fn)])
    t = statistics.median(times[("torch", isa, dtype, shape, fn)])
    print(f"| {isa} | {dtype} | {shape} | {fn} | {p:.1f} | {t:.1f} | {p / t:.2f} |")
