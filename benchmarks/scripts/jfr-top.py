#!/usr/bin/env python3
"""Summarises JFR execution samples: top frames (self) and top methods anywhere on the stack (total).

Usage: jfr print --events jdk.ExecutionSample rec.jfr | benchmarks/scripts/jfr-top.py [--threads] [--thread=PREFIX] [N]

--thread=PREFIX keeps only the samples of threads whose name starts with PREFIX
(for example --thread=discord-gateway-events for the delivery threads).
"""
import re
import sys
from collections import Counter

args = [a for a in sys.argv[1:] if not a.startswith("--")]
limit = int(args[0]) if args else 25
by_thread = "--threads" in sys.argv
only = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--thread=")), None)

self_counts, total_counts, threads = Counter(), Counter(), Counter()
samples = 0
frames, thread = [], None
frame_re = re.compile(r"^\s+([\w$.<>]+)\(")
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        if frames and (only is None or (thread or "").startswith(only)):
            samples += 1
            self_counts[frames[0]] += 1
            for f in set(frames):
                total_counts[f] += 1
            threads[thread] += 1
        frames, thread = [], None
        continue
    m = re.match(r'^\s+sampledThread = "([^"]*)"', line)
    if m:
        thread = re.sub(r"\d+", "#", m.group(1))
        continue
    m = frame_re.match(line)
    if m and "line:" in line:
        frames.append(m.group(1))
if frames and (only is None or (thread or "").startswith(only)):
    samples += 1
    self_counts[frames[0]] += 1
    for f in set(frames):
        total_counts[f] += 1
    threads[thread] += 1

print(f"{samples} samples")
if by_thread:
    print("\n-- threads")
    for t, c in threads.most_common(limit):
        print(f"{100.0 * c / samples:5.1f}%  {t}")
print("\n-- self (top frame)")
for f, c in self_counts.most_common(limit):
    print(f"{100.0 * c / samples:5.1f}%  {f}")
print("\n-- total (on stack)")
for f, c in total_counts.most_common(limit):
    print(f"{100.0 * c / samples:5.1f}%  {f}")
