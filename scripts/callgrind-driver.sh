#!/usr/bin/env bash
# Runs a driver of the benchmarks jar under valgrind's callgrind, collection switched on only around its
# counted loop (run from the project root, after `mvn -B -o -q package -DskipTests -pl benchmarks -am`).
# The driver prints READY, waits for a line on standard input, runs its counted loop, prints DONE and waits
# for a second line; this script switches collection on at READY and off at DONE
# (scripts/callgrind-check.sh and scripts/callgrind-conversation.sh call it).
#
#   scripts/callgrind-driver.sh OUTDIR TAG MAIN_CLASS ARGS...
#
# Leaves OUTDIR/callgrind.out.PID-NN (one file per thread), OUTDIR/perf-PID.map (the JIT's method addresses,
# for naming compiled code) and OUTDIR/driver-TAG.log, and prints the driver's output, then each thread's
# instructions per counted operation (the DONE line's first count) with the checking thread named
# (scripts/callgrind-threads.py: the most instructions outside libjvm.so; a C2 compilation during the
# counted loop can give the compiler thread more instructions in all than the checking thread).
# VALGRIND_OPTS_EXTRA and JVM_OPTS_EXTRA add options; JAR=... counts another build.
set -euo pipefail
out=$1; tag=$2; main=$3; shift 3
jar=${JAR:-benchmarks/target/benchmarks.jar}
mkdir -p "$out"
fifo=$(mktemp -u "$out/gate.XXXXXX")
mkfifo "$fifo"
log="$out/driver-$tag.log"
valgrind --tool=callgrind --separate-threads=yes --instr-atstart=no --smc-check=all-non-file \
  --vex-iropt-register-updates=allregs-at-mem-access \
  --callgrind-out-file="$out/callgrind.out.%p" ${VALGRIND_OPTS_EXTRA:-} \
  java ${JVM_OPTS_EXTRA:-} -Xbatch -XX:+UseSerialGC -Xms1g -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit \
  -XX:CompileCommand=quiet -XX:CompileCommand=exclude,java/lang/Enum.valueOf \
  -cp "$jar" "$main" "$@" \
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
ops=$(sed -n 's/^DONE [a-z_]*=\([0-9][0-9]*\).*/\1/p' "$log" | head -1)
"$(dirname "$0")/callgrind-threads.py" "$out" "$pid" "${ops:-1}"
