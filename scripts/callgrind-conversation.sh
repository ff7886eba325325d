#!/usr/bin/env bash
# Counts the instructions of conversation messages, or of the same messages through checkText, with
# valgrind's callgrind, collection switched on only around the counted loop of
# vn.lanhmanh.bench.ConversationCost (ConversationBenchmark's traffic on one thread; run from the project
# root, after `mvn -B -o -q package -DskipTests -pl benchmarks -am`).
#
#   scripts/callgrind-conversation.sh OUTDIR conversation|text classifiers|lexicon CONVERSATIONS WARM_PASSES COUNT
#
# Leaves OUTDIR/callgrind.out.PID-NN (one file per thread; scripts/callgrind-threads.py, run at the end, names
# the checking thread) and OUTDIR/perf-PID.map, and prints the driver's output (messages and characters counted).
# VALGRIND_OPTS_EXTRA, JVM_OPTS_EXTRA and JAR as for scripts/callgrind-driver.sh.
set -euo pipefail
out=$1; path=$2; pipeline=$3; conversations=$4; warm=$5; count=$6
exec "$(dirname "$0")/callgrind-driver.sh" "$out" "$path-$pipeline-$conversations" \
  vn.lanhmanh.bench.ConversationCost "$path" "$pipeline" "$conversations" "$warm" "$count"
