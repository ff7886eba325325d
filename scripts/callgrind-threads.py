#!/usr/bin/env python3
"""Which of a callgrind run's thread files is the checking thread, with each thread's instructions.

  scripts/callgrind-threads.py OUTDIR PID [OPERATIONS]

Prints, for every OUTDIR/callgrind.out.PID-NN with at least a million instructions, its total and the part
spent in libjvm.so (the JIT compilers, the garbage collector and the VM's own work), each divided by
OPERATIONS (default 1), and names the checking thread: the one with the most instructions outside
libjvm.so. The thread with the most instructions in all is not always it: a C2 compilation that runs
while collection is on (-Xbatch makes the checking thread wait for it, the compiler thread does the work)
can count more than the counted loop itself.
"""
import glob
import os
import re
import subprocess
import sys

out_dir, pid = sys.argv[1], sys.argv[2]
ops = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
rows = []
for f in sorted(glob.glob(os.path.join(out_dir, 'callgrind.out.%s-*' % pid))):
    total = 0
    with open(f) as fh:
        for line in fh:
            if line.startswith('totals:'):
                total = int(line.split()[1])
    if total < 1000000:
        continue
    annotated = subprocess.run(['callgrind_annotate', '--threshold=100', f], capture_output=True, text=True,
                               check=True).stdout
    jvm = 0
    for line in annotated.splitlines():
        m = re.match(r'^\s*([\d,]+)\s.*\[(.*)\]\s*$', line)
        if m and m.group(2).endswith('libjvm.so'):
            jvm += int(m.group(1).replace(',', ''))
    rows.append((f, total, jvm))
if not rows:
    sys.exit('no thread file of pid %s in %s' % (pid, out_dir))
checking = max(rows, key=lambda r: r[1] - r[2])
print('%-12s %-12s %-12s %s' % ('total', 'libjvm.so', 'outside', 'file (per operation: / %g)' % ops))
for f, total, jvm in rows:
    print('%-12.1f %-12.1f %-12.1f %s%s' % (total / ops, jvm / ops, (total - jvm) / ops, os.path.basename(f),
                                          '  <- checking thread' if f == checking[0] else ''))
