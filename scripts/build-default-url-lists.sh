#!/bin/sh
# Regenerates core/src/main/resources/vn/lanhmanh/url/default-lists.bin, the default URL list shipped in
# the library jar, from the public lists laid out under DATA (default ../shared/data): ut1/, sinfonietta/,
# blocklistproject/. Only the build part (4/5) of each list is kept; see docs/URLS.md.
# Usage: scripts/build-default-url-lists.sh [DATA]
set -eu
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data}"
mvn -B -q -pl examples -am package -DskipTests
java -jar examples/target/lanhmanh.jar index build-default "$DATA" \
  core/src/main/resources/vn/lanhmanh/url/default-lists.bin
