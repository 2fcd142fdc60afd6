"""Turns the output of elementwise-before-after.sh into a Markdown table: per dtype, shape and op,
the median time per call (median over rounds) and the median thread CPU time per call of Pearl
before and after, PyTorch's median time, and after/PyTorch."""
import json
import statistics
import sys
from collections import defaultdict

times, current = defaultdict(list), None
for line in open(sys.argv[1]):
    if line.startswith("=="):
        current = line.split()[1]
    elif line.startswith("{") and current:
        row = json.loads(line)
        key = (row["dtype"], row["shape"], row["fn"])
        times[(current, "median") + key].append(row["median_us"])
        if "cpu_us" in row:
            times[(current, "cpu") + key].append(row["cpu_us"])

med = lambda who, kind, key: statistics.median(times[(who, kind) + key])
keys = sorted({k[2:] for k in times})
print("| dtype | shape | op | before µs (cpu) | after µs (cpu) | PyTorch µs | after/PyTorch |")
print("|---|---|---|---:|---:|---:|---:|")
for key in keys:
    if not all((w, "median") + key in times for w in ("before", "after", "torch")):
        continue
    b, a, t = med("before", "median", key), med("after", "median", key), med("torch", "median", key)
    print(f"| {key[0]} | {key[1]} | {key[2]} | {b:.1f} ({med('before', 'cpu', key):.0f}) "
          f"| {a:.1f} ({med('after', 'cpu', key):.0f}) | {t:.1f} | {a / t:.2f} |")
