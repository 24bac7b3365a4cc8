#!/usr/bin/env bash
# Lever measurement only (docs/benchmarks.md, "Cold start against B0"): the logging backend's first line
# (LoggingProbe, fresh JVMs with Lambda's flags) from a function's artifact as built, and from a copy whose Log4j
# plugin cache lists only the plugins its log4j2.xml uses (log4j2-plugins-kept.txt), alternately, ROUNDS times.
# Usage: plugin-cache-subset.sh [FUNCTION_MODULE] [ROUNDS]   (default intake 7; build the artifacts first)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/infrastructure/bin/find-jdk.sh"
qualityhub_find_jdk >/dev/null
module="${1:-intake}"
rounds="${2:-7}"
artifact="$root/functions/$module/target/qualityhub-$module-function.jar"
cache=META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$artifact" "$cache")
mkdir -p "$work/subset/$(dirname "$cache")"
"$JAVA_HOME/bin/java" -cp "$artifact" "$here/PluginCacheSubset.java" "$work/$cache" "$work/subset/$cache" "$here/log4j2-plugins-kept.txt"
cp "$artifact" "$work/subset.jar"
(cd "$work/subset" && zip -q "$work/subset.jar" "$cache")
flags=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Djava.net.preferIPv4Stack=true)
probe=io.qualityhub.core.bench.LoggingProbe
for round in $(seq "$rounds"); do
  as_built=$("$JAVA_HOME/bin/java" "${flags[@]}" -cp "$artifact" "$probe" | tail -n 1)
  subset=$("$JAVA_HOME/bin/java" "${flags[@]}" -cp "$work/subset.jar" "$probe" | tail -n 1)
  echo "round $round: as built $as_built | plugin cache subset $subset"
done
