"""Turns the output of examples/scripts/cpu-vs-pytorch.sh into a Markdown table of medians and ratios."""
import json
import sys

results, current = {}, None
for line in open(sys.argv[1]):
    if line.startswith("=="):
        _, who, batch, dtype, _time = line.split()
        current = (who, batch[1:], dtype)
    elif line.startswith("{"):
        row = json.loads(line)
        results[current + (row["op"],)] = row["median_s"]

ops = ["forward", "grad", "gnvp", "hvp"]
print("| batch | dtype | Pearl fwd / grad / gnvp / hvp (s) | PyTorch fwd / grad / gnvp / hvp (s) | Pearl/PyTorch grad / gnvp / hvp |")
print("|---|---|---|---|---|")
for batch in ["1000", "5000"]:
    for dtype in ["float32", "float64"]:
        try:
            p = [results[("pearl", batch, dtype, op)] for op in ops]
            t = [results[("torch", batch, dtype, op)] for op in ops]
        except KeyError:
            continue  # that row did not run (or not to the end)
        print(f"| {batch} | {dtype} | {' / '.join(f'{x:.4f}' for x in p)} | {' / '.join(f'{x:.4f}' for x in t)} "
              f"| {' / '.join(f'{p[i] / t[i]:.2f}' for i in (1, 2, 3))} |")
