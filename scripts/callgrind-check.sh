#!/usr/bin/env bash
# Counts the instructions of text checks with valgrind's callgrind, collection switched on only around the
# counted loop of vn.lanhmanh.bench.ClassifierCost (run from the project root, after
# `mvn -B -o -q package -DskipTests -pl benchmarks -am`).
#
#   scripts/callgrind-check.sh OUTDIR lexicon|classifiers chat|paragraph WARM_CHARS COUNT_CHARS
#
# Leaves OUTDIR/callgrind.out.PID-NN (one file per thread; the checking thread is the one with the most
# instructions) and OUTDIR/perf-PID.map (the JIT's method addresses, for naming compiled code), and prints
# the driver's output (checks and characters counted). VALGRIND_OPTS_EXTRA and JVM_OPTS_EXTRA add options.
set -euo pipefail
out=$1; pipeline=$2; size=$3; warm=$4; count=$5
jar=${JAR:-benchmarks/target/benchmarks.jar}   # JAR=... counts another build
mkdir -p "$out"
fifo=$(mktemp -u "$out/gate.XXXXXX")
mkfifo "$fifo"
log="$out/driver-$pipeline-$size.log"
valgrind --tool=callgrind --separate-threads=yes --instr-atstart=no --smc-check=all-non-file \
  --vex-iropt-register-updates=allregs-at-mem-access \
  --callgrind-out-file="$out/callgrind.out.%p" ${VALGRIND_OPTS_EXTRA:-} \
  java ${JVM_OPTS_EXTRA:-} -Xbatch -XX:+UseSerialGC -Xms1g -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit \
  -XX:CompileCommand=quiet -XX:CompileCommand=exclude,java/lang/Enum.valueOf \
  -cp "$jar" vn.lanhmanh.bench.ClassifierCost "$pipeline" "$size" "$warm" "$count" \
  <"$fifo" >"$log" 2>"$log.err" &
pid=$!
exec 3>"$fifo"
# waits for the driver to print a line starting with $1, then switches collection $2 and lets it go on
switch_at() {
  until grep -q "^$1" "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" "$log.err"; exit 1; }
    sleep 2
  done
  callgrind_control -i "$2" "$pid" >/dev/null
  echo go >&3
}
switch_at READY on
switch_at DONE off
exec 3>&-
wait "$pid"
rm -f "$fifo"
if [ -f "/tmp/perf-$pid.map" ]; then mv "/tmp/perf-$pid.map" "$out/perf-$pid.map"; fi
echo "pid=$pid"
cat "$log"
