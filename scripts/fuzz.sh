#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer (see SECURITY.md): runs each @FuzzTest target in fuzzing mode for
# SECONDS (default 60), one Maven run per target, since Jazzer fuzzes one target per JVM.
#
#   scripts/fuzz.sh [SECONDS] [Class#method ...]     e.g. scripts/fuzz.sh 120 PiiFuzzTest#anyText
#
# The plain build (mvn verify) runs the same targets only on their committed seeds. Inputs that found new
# coverage are kept in <module>/.cifuzz-corpus/ (not committed) and reused by the next run; a crashing input
# is written next to the seeds in src/test/resources/.../<Class>Inputs/<method>/, where it becomes a
# regression seed once committed. Logs go to target/fuzz/.
set -uo pipefail
cd "$(dirname "$0")/.."

SECS=${1:-60}
shift || true
ALL=(
  core:NormalizerFuzzTest#anyText
  core:NormalizerFuzzTest#vietnameseText
  core:FilterFuzzTest#anyText
  core:FilterFuzzTest#disguisedPhraseIsStillFound
  core:UrlCanonicalizerFuzzTest#anyUrl
  core:UrlCheckFuzzTest#anyUrl
  core:PiiFuzzTest#anyText
  core:UrlListIndexFuzzTest#damagedFiles
  examples:LineParsersFuzzTest#batchLine
  examples:LineParsersFuzzTest#conversationLine
  examples:LineParsersFuzzTest#serviceBodies
)
TARGETS=()
if [ $# -eq 0 ]; then
  TARGETS=("${ALL[@]}")
else
  for want in "$@"; do
    for t in "${ALL[@]}"; do
      [ "${t#*:}" = "$want" ] && TARGETS+=("$t")
    done
  done
fi

mkdir -p target/fuzz
failed=0
for t in "${TARGETS[@]}"; do
  module=${t%%:*}
  test=${t#*:}
  log="target/fuzz/${test//#/-}.log"
  # Jazzer appends these libFuzzer arguments last, so -max_total_time overrides the annotation's maxDuration;
  # its hooks, off in the plain build (see pom.xml), trace comparisons for the fuzzer.
  JAZZER_FUZZ=1 mvn -B -ntp ${MVN_ARGS:-} -pl "$module" -am test -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$SECS" >"$log" 2>&1
  status=$?
  done_line=$(grep -a -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1)
  cov=$(grep -a -o 'DONE *cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1)
  if [ $status -eq 0 ]; then
    echo "ok      $test: ${done_line:-no fuzzing stats (see $log)} ${cov:+[$cov]}"
  else
    failed=1
    echo "FAILED  $test: ${done_line:-} (see $log)"
    grep -a -E '^== Java Exception|Expecting|expected|^\s+at vn\.lanhmanh' "$log" | head -8
  fi
done
exit $failed
