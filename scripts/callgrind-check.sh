#!/usr/bin/env bash
# Counts the instructions of text checks with valgrind's callgrind, collection switched on only around the
# counted loop of vn.lanhmanh.bench.ClassifierCost (run from the project root, after
# `mvn -B -o -q package -DskipTests -pl benchmarks -am`).
#
#   scripts/callgrind-check.sh OUTDIR lexicon|classifiers chat|paragraph WARM_CHARS COUNT_CHARS
#
# Leaves OUTDIR/callgrind.out.PID-NN (one file per thread; scripts/callgrind-threads.py, run at the end, names
# the checking thread) and OUTDIR/perf-PID.map (the JIT's method addresses, for naming compiled code), and prints
# the driver's output (checks and characters counted). VALGRIND_OPTS_EXTRA and JVM_OPTS_EXTRA add options
# (see scripts/callgrind-driver.sh).
set -euo pipefail
out=$1; pipeline=$2; size=$3; warm=$4; count=$5
exec "$(dirname "$0")/callgrind-driver.sh" "$out" "$pipeline-$size" vn.lanhmanh.bench.ClassifierCost \
  "$pipeline" "$size" "$warm" "$count"
