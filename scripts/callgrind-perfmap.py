#!/usr/bin/env python3
"""Self cost per function of one callgrind file, per counted operation, with the JIT's compiled methods
named from the JVM's perf map (-XX:+DumpPerfMapAtExit) instead of their bare addresses.

  scripts/callgrind-perfmap.py CALLGRIND_FILE PERF_MAP [ROWS [SORT_EVENT [OPERATIONS]]]

ROWS (default 40) rows, sorted by SORT_EVENT (default Ir; e.g. DLmr, I1mr, Bcm), each count divided by
OPERATIONS (default 10000). Shows Ir, D1mr, D1mw, DLmr, DLmw, Bcm and I1mr when the file has them (run
callgrind with --cache-sim=yes --branch-sim=yes). Several pieces of one method (a name with 'N) are kept
apart, as callgrind_annotate shows them.
"""
import bisect
import re
import subprocess
import sys

cg, pm = sys.argv[1], sys.argv[2]
rows_shown = int(sys.argv[3]) if len(sys.argv) > 3 else 40
sort_event = sys.argv[4] if len(sys.argv) > 4 else 'Ir'
ops = int(sys.argv[5]) if len(sys.argv) > 5 else 10000

entries = []
with open(pm) as f:
    for line in f:
        addr, size, name = line.rstrip('\n').split(' ', 2)
        entries.append((int(addr, 16), int(size, 16), name))
entries.sort()
starts = [e[0] for e in entries]


def name_of(addr):
    i = bisect.bisect_right(starts, addr) - 1
    if i >= 0 and entries[i][0] <= addr < entries[i][0] + entries[i][1]:
        return entries[i][2]
    return None


out = subprocess.run(['callgrind_annotate', '--threshold=100', cg], capture_output=True, text=True,
                     check=True).stdout
events = None
agg = {}
for line in out.splitlines():
    if line.startswith('Events shown:'):
        events = line.split(':', 1)[1].split()
        continue
    m = re.match(r'^\s*([\d,. ()%]+?)\s+(\S+:.*)$', line)
    if not m or events is None:
        continue
    nums = re.findall(r'([\d,]+|\.)\s*(?:\(\s*[\d.]+%\))?', m.group(1))
    if len(nums) != len(events):
        continue
    vals = [0 if x == '.' else int(x.replace(',', '')) for x in nums]
    fn = m.group(2)
    am = re.match(r"\?\?\?:0x([0-9a-f]+)('\d+)?", fn)
    if am:
        fn = (name_of(int(am.group(1), 16)) or fn) + (am.group(2) or '')
    a = agg.setdefault(fn, [0] * len(events))
    for i, x in enumerate(vals):
        a[i] += x

show = [e for e in ['Ir', 'D1mr', 'D1mw', 'DLmr', 'DLmw', 'Bcm', 'I1mr'] if e in events]
idx = [events.index(e) for e in show]
total = [sum(v[i] for v in agg.values()) for i in range(len(events))]
print(''.join('%-9s' % e for e in show) + 'function')
print(''.join('%-9.1f' % (total[i] / ops) for i in idx) + 'TOTAL')
key = events.index(sort_event)
for fn, v in sorted(agg.items(), key=lambda kv: -kv[1][key])[:rows_shown]:
    print(''.join('%-9.1f' % (v[i] / ops) for i in idx) + fn)
