"""Turns logs of examples/scripts/matmul-vs-openblas.sh (headers "== WHO ISA DTYPE rN ...", then
JSON lines) into a Markdown table: per instruction set, dtype and shape, the median GFLOP/s over
rounds of each WHO, and each Pearl variant's median as a share of OpenBLAS's.

    python3 matmul_table.py [--field gflops_per_cpu_s] LOG...   (default field: gflops)"""
import collections
import json
import statistics
import sys

args = sys.argv[1:]
field = "gflops"
if args[:1] == ["--field"]:
    field, args = args[1], args[2:]
runs = collections.defaultdict(list)  # (who, isa, dtype, shape) -> the field per round
current = None
for path in args:
    for line in open(path):
        if line.startswith("=="):
            _, who, isa, dtype = line.split()[:4]
            current = (who, isa, dtype)
        elif line.startswith("{") and current:
            row = json.loads(line)
            if field in row:
                runs[current + (row["shape"],)].append(row[field])

whos = list(dict.fromkeys(k[0] for k in runs))
pearls = [w for w in whos if w != "openblas"]
shapes = list(dict.fromkeys(k[3] for k in runs))
print(f"| isa | dtype | shape | " + " | ".join(f"{w} {field}" for w in whos) + " | "
      + " | ".join(f"{w} / OpenBLAS" for w in pearls) + " | rounds |")
print("|---" * (4 + len(whos) + len(pearls)) + "|")
for isa in dict.fromkeys(k[1] for k in runs):
    for dtype in ("float32", "float64"):
        for shape in shapes:
            med = {w: statistics.median(runs[(w, isa, dtype, shape)]) for w in whos if runs.get((w, isa, dtype, shape))}
            if "openblas" not in med:
                continue
            n = min(len(runs[(w, isa, dtype, shape)]) for w in med)
            print(f"| {isa} | {dtype} | {shape} | " + " | ".join(f"{med[w]:.0f}" if w in med else "-" for w in whos) + " | "
                  + " | ".join(f"{med[w] / med['openblas']:.0%}" if w in med else "-" for w in pearls) + f" | {n} |")
