#!/usr/bin/python3
"""Markdown table of sequence-task runs from their metrics.csv files (directories named
TASK-T{T}-OPTIMIZER): whether 99% of the fresh test sequences were solved, when, and the best
test solved fraction and the last elapsed time.

Usage: table.py DIR/*/metrics.csv
"""
import csv
import os
import sys


def main():
    print("| problem | T | optimizer | solved (>= 99% of test sequences) | best test solved | run time |")
    print("|---|---|---|---|---|---|")
    runs = []
    for path in sys.argv[1:]:
        task, rest = os.path.basename(os.path.dirname(path)).rsplit("-T", 1)
        length, optimizer = rest.split("-", 1)
        runs.append((task, int(length), optimizer, path))
    for task, length, optimizer, path in sorted(runs):
        rows = list(csv.DictReader(open(path)))
        solved_at = next((float(r["elapsed_s"]) for r in rows if float(r["test_solved"]) >= 0.99), None)
        best = max(float(r["test_solved"]) for r in rows)
        last = float(rows[-1]["elapsed_s"])
        verdict = f"yes, at {minutes(solved_at)}" if solved_at is not None else "no"
        print(f"| {task} | {length} | {optimizer} | {verdict} | {100 * best:.2f}% | {minutes(last)} |")


def minutes(seconds):
    return f"{int(seconds // 60)}m{int(seconds % 60):02d}s"


if __name__ == "__main__":
    main()
