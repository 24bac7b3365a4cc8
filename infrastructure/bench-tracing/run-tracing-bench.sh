#!/usr/bin/env bash
#
# The tracing measurement of decision 0015: artifact size and cold start of SDK-call tracing three ways
# (none, own SdkCallTracing, the X-Ray SDK's interceptor), fresh JVMs with Lambda's flags.
#
#   infrastructure/bench-tracing/run-tracing-bench.sh [RUNS]     (default 7; needs mvn package of functions/intake
#                                                                 and moto_server on the PATH)
# Prints "name: value" lines.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${1:-7}
FUNCTION_JAR=$ROOT/functions/intake/target/qualityhub-intake-function.jar
[[ -f $FUNCTION_JAR ]] || { echo "no $FUNCTION_JAR: run mvn -o -q -pl functions/intake -am package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
MOTO_PID=
DAEMON_PIDS=()
cleanup() {
  [[ -n $MOTO_PID ]] && kill "$MOTO_PID" 2>/dev/null || true
  for pid in "${DAEMON_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

mvn -B -ntp -o -q -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/xray-cp.txt" >/dev/null
XRAY_CP=$(cat "$WORK/xray-cp.txt")
javac -d "$WORK/classes" -cp "$FUNCTION_JAR:$XRAY_CP" "$HERE/TracingColdStartProbe.java"

# Artifact size: the function jar as built, and with the X-Ray SDK's jars merged in as the shade plugin would.
mkdir -p "$WORK/merged"
(cd "$WORK/merged" && unzip -qo "$FUNCTION_JAR" && for jar in ${XRAY_CP//:/ }; do unzip -qo "$jar"; done \
  && rm -f META-INF/*.SF META-INF/*.RSA META-INF/*.DSA && zip -qr "$WORK/with-xray-sdk.jar" .)
echo "function_jar_bytes: $(stat -c %s "$FUNCTION_JAR")"
echo "function_jar_with_xray_sdk_bytes: $(stat -c %s "$WORK/with-xray-sdk.jar")"
echo "xray_sdk_jars_bytes: $(tr ':' '\n' <<<"$XRAY_CP" | xargs stat -c %s | paste -sd+ | bc)"
echo "own_tracing_classes_bytes: $(unzip -l "$FUNCTION_JAR" 'io/qualityhub/core/aws/SdkCallTracing*' 'io/qualityhub/core/aws/SdkCallSubsegment*' 'io/qualityhub/core/aws/TraceHeader*' 'io/qualityhub/core/aws/XRayDaemon*' | tail -1 | awk '{print $1}')"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
free_udp_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Stand-in daemons, one per tracer, that keep what arrives, so the run proves each tracer sent its subsegments.
start_daemon() {
  python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", int(sys.argv[1])))
with open(sys.argv[2], "a") as out:
    while True:
        data = s.recv(65536); out.write(data.decode().split("\n", 1)[1].replace("\n", " ") + "\n"); out.flush()
' "$1" "$2" &
  DAEMON_PIDS+=($!)
}
declare -A DAEMON_PORT
for mode in none own xray-sdk; do
  DAEMON_PORT[$mode]=$(free_udp_port)
  : >"$WORK/$mode.daemon.txt"
  start_daemon "${DAEMON_PORT[$mode]}" "$WORK/$mode.daemon.txt"
done
for _ in $(seq 50); do curl -s "http://127.0.0.1:$PORT/moto-api/" >/dev/null && break; sleep 0.2; done

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
export LAMBDA_TASK_ROOT=$WORK AWS_XRAY_CONTEXT_MISSING=LOG_ERROR
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Round-robin, so a change in the shared machine's load falls on every mode alike.
for run in $(seq "$RUNS"); do
  for mode in none own xray-sdk; do
    cp="$WORK/classes:$FUNCTION_JAR"
    [[ $mode == xray-sdk ]] && cp="$cp:$XRAY_CP"
    AWS_XRAY_DAEMON_ADDRESS=127.0.0.1:${DAEMON_PORT[$mode]} java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
      -cp "$cp" TracingColdStartProbe "$mode" "http://127.0.0.1:$PORT" "${DAEMON_PORT[$mode]}" \
      2>>"$WORK/$mode.err" | grep '^mode=' >>"$WORK/$mode.txt"
  done
done
sleep 0.5
echo "jvm_flags: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
echo "load_average: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in none own xray-sdk; do
  echo "${mode}_runs: $(wc -l <"$WORK/$mode.txt")"
  echo "${mode}_clients_built_ms_median: $(sed 's/.*clients_ms=\([0-9]*\).*/\1/' "$WORK/$mode.txt" | median)"
  echo "${mode}_three_calls_done_ms_median: $(sed 's/.*calls_done_ms=\([0-9]*\).*/\1/' "$WORK/$mode.txt" | median)"
  echo "${mode}_three_calls_done_ms_all: $(sed 's/.*calls_done_ms=\([0-9]*\).*/\1/' "$WORK/$mode.txt" | paste -sd' ')"
  echo "${mode}_process_cpu_ms_median: $(sed 's/.*cpu_ms=\([0-9]*\).*/\1/' "$WORK/$mode.txt" | median)"
  echo "${mode}_process_cpu_ms_all: $(sed 's/.*cpu_ms=\([0-9]*\).*/\1/' "$WORK/$mode.txt" | paste -sd' ')"
  echo "${mode}_classes_loaded_median: $(sed 's/.*classes=\([0-9]*\).*/\1/' "$WORK/$mode.txt" | median)"
  echo "${mode}_subsegments_received: $(wc -l <"$WORK/$mode.daemon.txt")"
  [[ $mode == none ]] || echo "${mode}_subsegment_example: $(grep -m1 ListTables "$WORK/$mode.daemon.txt" || true)"
done
