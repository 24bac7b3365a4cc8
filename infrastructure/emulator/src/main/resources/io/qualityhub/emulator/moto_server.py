"""moto's server, as `moto_server` runs it, with five costs taken out that change nothing moto answers.

Profiling moto during the end-to-end tests (docs/testing.md, "Run time", eighth session) found most of its CPU in
work no test asks for:
- TransactWriteItems deep-copies a table, for rolling back, once per item of the transaction that names it, so a
  transaction of 25 items on one table copied that whole table 25 times; the copies are identical (nothing has been
  applied yet), so the first one serves the others.
- Every request looks up the list of moto's services by listing its installed directories on disk; the list cannot
  change while the server runs, so it is read once.
- Every KMS key, symmetric ones included, gets a new RSA-2048 private key at creation, which only Sign, Verify and
  GetPublicKey of an asymmetric key use; for other keys it is now made when first asked for.
- werkzeug logs every request line (through colorama) into the emulator's log; only warnings and errors are logged.
- A DynamoDB Query gathers every item of the table, sorted by key, and then keeps the query's. A query of the table
  itself now gathers only the items of its partition key (moto sorts them by sort key after, as before); a query of
  an index gathers every item unsorted, since moto then sorts them by the index's keys and the table's, a total order.

Each change is applied only when moto has the thing it changes; otherwise the server runs as moto_server would and
says so in its log.
"""
import copy
import functools
import inspect
import logging
import sys
import threading

import moto.server


def _note(message):
    print("qualityhub: " + message, file=sys.stderr, flush=True)


def _list_services_once():
    from moto import backends
    listing = getattr(backends, "list_of_moto_modules", None)
    if listing is None:
        _note("moto.backends.list_of_moto_modules not found; services are listed on every request")
        return
    services = tuple(listing())
    backends.list_of_moto_modules = lambda: services


class _CopyOncePerTransaction:
    """Stands for the copy module inside moto's DynamoDB models: within one TransactWriteItems, a table copied
    again is the same table unchanged, so its first copy is returned. Only the backend's tables are copied once;
    anything else (an item, for an update's old values) is copied each time as before."""

    def __init__(self):
        self._transaction = threading.local()

    def __getattr__(self, name):
        return getattr(copy, name)

    def deepcopy(self, value, memo=None):
        copies = getattr(self._transaction, "copies", None)
        if copies is None or memo is not None or id(value) not in copies:
            return copy.deepcopy(value, memo)
        if copies[id(value)] is None:
            copies[id(value)] = copy.deepcopy(value)
        return copies[id(value)]

    def around(self, transact_write_items):
        @functools.wraps(transact_write_items)
        def once_per_table(backend, *args, **kwargs):
            # The tables live in the backend for the whole call, so no other object can take one's id meanwhile.
            self._transaction.copies = {id(table): None for table in getattr(backend, "tables", {}).values()}
            try:
                return transact_write_items(backend, *args, **kwargs)
            finally:
                self._transaction.copies = None
        return once_per_table


def _copy_tables_once_per_transaction():
    from moto.dynamodb import models
    backend = getattr(models, "DynamoDBBackend", None)
    if getattr(models, "copy", None) is not copy or backend is None or not hasattr(backend, "transact_write_items"):
        _note("moto's DynamoDB models changed; TransactWriteItems copies a table once per item")
        return
    once = _CopyOncePerTransaction()
    models.copy = once
    backend.transact_write_items = once.around(backend.transact_write_items)


class _MadeWhenUsed:
    """A private key made on first use, for the key specs whose keys never sign."""

    def __init__(self, make):
        self._make = make
        self._key = None

    def __getattr__(self, name):
        if self._key is None:
            self._key = self._make()
        return getattr(self._key, name)


def _private_keys_made_when_used():
    from moto.kms import models
    make = getattr(models, "generate_private_key", None)
    if make is None:
        _note("moto's KMS models changed; every key gets its RSA key at creation")
        return

    def lazily_unless_asymmetric(key_spec):
        if key_spec.startswith(("RSA", "ECC")):
            return make(key_spec)
        return _MadeWhenUsed(lambda: make(key_spec))

    models.generate_private_key = lazily_unless_asymmetric


def _queries_gather_only_their_candidates():
    from moto.dynamodb.models import table as tables
    table_class = getattr(tables, "Table", None)
    query = getattr(table_class, "query", None)
    signature = inspect.signature(query) if query is not None else None
    if (not hasattr(table_class, "all_items") or signature is None
            or "hash_key" not in signature.parameters or "index_name" not in signature.parameters):
        _note("moto's DynamoDB Table changed; a query gathers every item of its table, sorted")
        return
    every_item_sorted = table_class.all_items
    asked = threading.local()

    def candidates(table):
        current = getattr(asked, "query", None)
        if current is None or current[0] is not table:
            return every_item_sorted(table)
        _, index_name, hash_key = current
        if index_name is None:
            partition = table.items.get(hash_key)
            if partition is None:
                return []
            return list(partition.values()) if table.range_key_attr else [partition]
        if table.range_key_attr:
            return [item for partition in table.items.values() for item in partition.values()]
        return list(table.items.values())

    @functools.wraps(query)
    def query_gathering_candidates(table, *args, **kwargs):
        arguments = signature.bind(table, *args, **kwargs).arguments
        index_name, hash_key = arguments.get("index_name"), arguments.get("hash_key")
        if index_name is None and hash_key is None:
            return query(table, *args, **kwargs)
        asked.query = (table, index_name, hash_key)
        try:
            return query(table, *args, **kwargs)
        finally:
            asked.query = None

    table_class.all_items = candidates
    table_class.query = query_gathering_candidates


def _log_warnings_only():
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


if __name__ == "__main__":
    _list_services_once()
    _copy_tables_once_per_transaction()
    _private_keys_made_when_used()
    _queries_gather_only_their_candidates()
    _log_warnings_only()
    sys.exit(moto.server.main())
