#!/usr/bin/env bash
# Messages per second of the Flink conversation job at parallelism 1, 2 and 4 on a local cluster, next to
# the same work on one thread without Flink, and the state bytes per conversation (docs/SCALE.md).
# Usage: scripts/flink-throughput.sh [messages] [conversations] [parallelisms]   (default 200000 1000 1,2,4)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl examples/flink -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
uptime
java -Xms1g -Xmx2g -cp "examples/flink/target/test-classes:examples/flink/target/classes:$(cat examples/flink/target/classpath.txt)" \
  vn.lanhmanh.flink.ThroughputRunner "$@"
uptime
