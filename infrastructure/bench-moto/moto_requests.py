"""moto's own CPU per request, as the emulator's launcher serves it: starts the launcher (or another moto server
script) on a free port, creates a table, sends PAIRS PutItem + GetItem requests from one client, and prints
`name: value` lines. moto's CPU is its process's utime + stime from /proc (Linux).

  python3 infrastructure/bench-moto/moto_requests.py [--server SCRIPT] [--pairs N] [--connection-per-request]

--connection-per-request opens a connection for every request, as clients of a server that closes them do.
"""
import argparse
import time

from moto_process import LAUNCHER, MotoProcess


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--server", default=LAUNCHER)
    arguments.add_argument("--pairs", type=int, default=1500)
    arguments.add_argument("--connection-per-request", action="store_true")
    options = arguments.parse_args()
    with MotoProcess(options.server, options.connection_per_request) as moto:
        moto.dynamodb("CreateTable", {"TableName": "bench", "BillingMode": "PAY_PER_REQUEST",
                                      "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                                      "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]})
        cpu_before, started = moto.cpu_seconds(), time.time()
        for i in range(options.pairs):
            moto.dynamodb("PutItem", {"TableName": "bench", "Item": {"pk": {"S": "k%d" % i}, "v": {"S": "x" * 200}}})
            if moto.dynamodb("GetItem", {"TableName": "bench", "Key": {"pk": {"S": "k%d" % i}}})["Item"]["pk"]["S"] != "k%d" % i:
                raise SystemExit("GetItem answered another item")
        cpu, wall = moto.cpu_seconds() - cpu_before, time.time() - started
    requests = 2 * options.pairs
    print("requests: %d" % requests)
    print("moto_cpu_ms_per_request: %.3f" % (cpu / requests * 1000))
    print("wall_s: %.2f" % wall)


if __name__ == "__main__":
    main()
