"""moto's own CPU per request, as the emulator's launcher serves it: starts the launcher (or another moto server
script) on a free port, creates a table, sends PAIRS PutItem + GetItem requests from one client, and prints
`name: value` lines. moto's CPU is its process's utime + stime from /proc (Linux).

  python3 infrastructure/bench-moto/moto_requests.py [--server SCRIPT] [--pairs N] [--connection-per-request]

--connection-per-request opens a connection for every request, as clients of a server that closes them do.
"""
import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import time

LAUNCHER = os.path.join(os.path.dirname(__file__), "..", "emulator", "src", "main", "resources", "io", "qualityhub",
                        "emulator", "moto_server.py")
HEADERS = {"Content-Type": "application/x-amz-json-1.0",
           "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20261206/us-east-1/dynamodb/aws4_request, "
                            "SignedHeaders=host, Signature=bench"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pid):
    stat = open(f"/proc/{pid}/stat").read()
    fields = stat[stat.rfind(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--server", default=LAUNCHER)
    arguments.add_argument("--pairs", type=int, default=1500)
    arguments.add_argument("--connection-per-request", action="store_true")
    options = arguments.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, options.server, "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    sys.exit("the server did not answer on port %d" % port)
                time.sleep(0.1)
        connection = [None]

        def call(target, body):
            if connection[0] is None or options.connection_per_request:
                if connection[0] is not None:
                    connection[0].close()
                connection[0] = http.client.HTTPConnection("127.0.0.1", port)
            headers = dict(HEADERS, **{"X-Amz-Target": "DynamoDB_20120810." + target})
            connection[0].request("POST", "/", json.dumps(body).encode(), headers)
            response = connection[0].getresponse()
            answer = response.read()
            if response.status != 200:
                sys.exit("%s answered %d: %s" % (target, response.status, answer[:200]))
            return json.loads(answer)

        call("CreateTable", {"TableName": "bench", "BillingMode": "PAY_PER_REQUEST",
                             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                             "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]})
        cpu_before, started = cpu_seconds(server.pid), time.time()
        for i in range(options.pairs):
            call("PutItem", {"TableName": "bench", "Item": {"pk": {"S": "k%d" % i}, "v": {"S": "x" * 200}}})
            if call("GetItem", {"TableName": "bench", "Key": {"pk": {"S": "k%d" % i}}})["Item"]["pk"]["S"] != "k%d" % i:
                sys.exit("GetItem answered another item")
        cpu, wall = cpu_seconds(server.pid) - cpu_before, time.time() - started
    finally:
        server.terminate()
        server.wait()
    requests = 2 * options.pairs
    print("requests: %d" % requests)
    print("moto_cpu_ms_per_request: %.3f" % (cpu / requests * 1000))
    print("wall_s: %.2f" % wall)


if __name__ == "__main__":
    main()
