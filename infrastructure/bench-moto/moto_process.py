"""A moto server script started on a free port for a benchmark, with its CPU time read from /proc (Linux) and
DynamoDB requests sent to it over one connection (or a new connection per request)."""
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


class MotoProcess:
    """Use as a context manager: the server runs inside it and is stopped after."""

    def __init__(self, script, connection_per_request=False):
        self._script = script
        self._connection_per_request = connection_per_request
        self._connection = None
        self._port = free_port()
        self._server = None

    def __enter__(self):
        self._server = subprocess.Popen([sys.executable, self._script, "-p", str(self._port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self._port), 0.2).close()
                return self
            except OSError:
                if time.time() > deadline or self._server.poll() is not None:
                    self.__exit__()
                    sys.exit("the server did not answer on port %d" % self._port)
                time.sleep(0.1)

    def __exit__(self, *exception):
        self._server.terminate()
        self._server.wait()

    def cpu_seconds(self):
        stat = open(f"/proc/{self._server.pid}/stat").read()
        fields = stat[stat.rfind(")") + 2:].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def dynamodb(self, target, body):
        """The answer to one DynamoDB request, as JSON; exits when it is not 200."""
        if self._connection is None or self._connection_per_request:
            if self._connection is not None:
                self._connection.close()
            self._connection = http.client.HTTPConnection("127.0.0.1", self._port)
        headers = dict(HEADERS, **{"X-Amz-Target": "DynamoDB_20120810." + target})
        self._connection.request("POST", "/", json.dumps(body).encode(), headers)
        response = self._connection.getresponse()
        answer = response.read()
        if response.status != 200:
            sys.exit("%s answered %d: %s" % (target, response.status, answer[:200]))
        return json.loads(answer)
