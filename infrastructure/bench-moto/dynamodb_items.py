"""moto's own CPU per DynamoDB item written and read, as the emulator's launcher serves it: starts the launcher (or
another moto server script, e.g. plain moto's, to compare) on a free port, stores 450 items of 30 attributes
(strings, numbers, a binary, sets, a map, a list) in 30 partitions with an INCLUDE and a KEYS_ONLY index, then
repeats each kind of Query and Scan the end-to-end tests make. Prints `name: value` lines: moto's CPU milliseconds
per PutItem, then per read.

  python3 infrastructure/bench-moto/dynamodb_items.py [--server SCRIPT] [--repeats N]
"""
import argparse
import base64
import random

from moto_process import LAUNCHER, MotoProcess

READS = {
    "query_partition": ("Query", {"TableName": "bench", "KeyConditionExpression": "pk = :p AND begins_with(sk, :s)",
                                  "ExpressionAttributeValues": {":p": {"S": "P3"}, ":s": {"S": "S00"}}}),
    "query_partition_projected": ("Query", {"TableName": "bench", "KeyConditionExpression": "pk = :p",
                                            "ExpressionAttributeValues": {":p": {"S": "P3"}},
                                            "ProjectionExpression": "a1, a2, nested.k1, entries[1], #n",
                                            "ExpressionAttributeNames": {"#n": "nested"}}),
    "query_index_include": ("Query", {"TableName": "bench", "IndexName": "included",
                                      "KeyConditionExpression": "branch = :b",
                                      "ExpressionAttributeValues": {":b": {"S": "B1"}}}),
    "query_index_keys_only": ("Query", {"TableName": "bench", "IndexName": "keys",
                                        "KeyConditionExpression": "branch = :b",
                                        "ExpressionAttributeValues": {":b": {"S": "B2"}}}),
    "scan": ("Scan", {"TableName": "bench"}),
    "scan_filtered": ("Scan", {"TableName": "bench", "FilterExpression": "n1 > :n AND a3 <> :v",
                               "ExpressionAttributeValues": {":n": {"N": "5"}, ":v": {"S": "none"}}}),
    "scan_projected": ("Scan", {"TableName": "bench", "ProjectionExpression": "pk, sk, a5"}),
    "scan_index": ("Scan", {"TableName": "bench", "IndexName": "included"}),
}


def store_items(moto):
    """The table and its items; returns how many were stored."""
    moto.dynamodb("CreateTable", {
        "TableName": "bench", "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "AttributeDefinitions": [{"AttributeName": name, "AttributeType": "S"} for name in ("pk", "sk", "branch")],
        "GlobalSecondaryIndexes": [
            {"IndexName": "included", "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["a1", "a2"]},
             "KeySchema": [{"AttributeName": "branch", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]},
            {"IndexName": "keys", "Projection": {"ProjectionType": "KEYS_ONLY"},
             "KeySchema": [{"AttributeName": "branch", "KeyType": "HASH"}]}]})
    draw = random.Random(1)
    stored = 0
    for partition in range(30):
        for position in range(15):
            item = {"pk": {"S": "P%d" % partition}, "sk": {"S": "S%03d" % position},
                    "branch": {"S": "B%d" % (partition % 5)},
                    "sealed": {"B": base64.b64encode(draw.randbytes(200)).decode()},
                    "tags": {"SS": ["x", "y"]},
                    "nested": {"M": {"k%d" % key: {"S": "v%d" % key} for key in range(5)}},
                    "entries": {"L": [{"S": "x%d" % entry} for entry in range(3)]}}
            item.update({"a%d" % attribute: {"S": "value %d %d" % (attribute, position)} for attribute in range(20)})
            item.update({"n%d" % number: {"N": str(number * position)} for number in range(3)})
            moto.dynamodb("PutItem", {"TableName": "bench", "Item": item})
            stored += 1
    return stored


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--server", default=LAUNCHER)
    arguments.add_argument("--repeats", type=int, default=40)
    options = arguments.parse_args()
    with MotoProcess(options.server) as moto:
        cpu_before = moto.cpu_seconds()
        stored = store_items(moto)
        print("put_item_cpu_ms: %.2f" % ((moto.cpu_seconds() - cpu_before) / stored * 1000))
        for name, (target, body) in READS.items():
            moto.dynamodb(target, body)
            cpu_before = moto.cpu_seconds()
            for _ in range(options.repeats):
                moto.dynamodb(target, body)
            print("%s_cpu_ms: %.1f" % (name, (moto.cpu_seconds() - cpu_before) / options.repeats * 1000))


if __name__ == "__main__":
    main()
