#!/usr/bin/env bash
# Messages per second of the Flink conversation job at parallelism 1, 2 and 4 on a local cluster, next to
# the same work on one thread without Flink, and the state bytes per conversation (docs/SCALE.md).
# Usage: scripts/flink-throughput.sh [messages] [conversations] [parallelisms]   (default 200000 1000 1,2,4)
# Extra JVM options (a JFR recording, say) in THROUGHPUT_JVM, added after -Xms1g -Xmx2g.
set -euo pipefail
cd "$(dirname "$0")/.."
args="${1:-200000} ${2:-1000} ${3:-1,2,4}"
uptime
# compiles the module and what it needs, then runs ThroughputRunner on its test classpath (profile
# "throughput" of examples/flink/pom.xml)
mvn -B -q -o -pl examples/flink -am -P throughput test-compile \
  "-Dthroughput.args=$args" "-Dthroughput.jvm=-Xms1g -Xmx2g ${THROUGHPUT_JVM:-}"
uptime
