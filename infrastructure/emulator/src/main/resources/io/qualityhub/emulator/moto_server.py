"""moto's server, as `moto_server` runs it, with twelve costs taken out that change nothing moto answers.

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

Profiling a request's own CPU (eleventh session) found three more:
- werkzeug closes the connection after every response, so each SDK call opens a new connection and moto a new thread
  for it. Connections now stay open (HTTP/1.1 keep-alive, without Nagle's delay), and each request's body is read to
  its end once it is answered, so the connection's next request starts where the client wrote it (werkzeug's own
  drain, which read whatever came next, is replaced).
- Every request lists its response class's methods (`inspect.getmembers`) to find the action's; the list is fixed
  once the class exists, so it is made once per class.
- Request ids are drawn a character at a time (52 calls of `random.choice`); they are drawn in one call.

The DynamoDB requests of the end-to-end tests (twelfth session: Query and Scan took 46 % of moto's CPU) had four more:
- The response serializer finds each of an AttributeValue's ten members by trying several names for it, for every
  attribute of every item answered; an AttributeValue moto answers is a dict of member names, so it reads them there.
- A projection (an index's KEYS_ONLY or INCLUDE, a ProjectionExpression) converted the whole item once per attribute
  path; each path now converts the one attribute it starts with.
- A Query or Scan measured each item twice (for its 1 MB page); within one read each item is measured once.
- A new item was measured whole again at each of its attributes (for the 400 KB limit); a running total does.

One change makes moto answer as AWS does where it did not: its models are not safe for the threads werkzeug serves
connections on, so requests are handled one at a time (`_one_request_at_a_time`).

Each change is applied only when moto has the thing it changes; otherwise the server runs as moto_server would and
says so in its log.
"""
import copy
import functools
import inspect
import logging
import re
import string
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


class _BodyReadToItsEnd:
    """The response of a request whose body the application may have left unread: when werkzeug closes it, the rest
    of the body is read, so that the connection's next request starts where the client wrote it."""

    def __init__(self, response, body):
        self._response = response
        self._body = body

    def __iter__(self):
        return iter(self._response)

    def close(self):
        try:
            if hasattr(self._response, "close"):
                self._response.close()
        finally:
            _read_to_its_end(self._body)


def _read_to_its_end(body):
    while body.read(65536):
        pass


class _NothingLeftToRead:
    """werkzeug's selector for what a client sent after its request; with the body read to its end, that can only
    be the connection's next request, which is not werkzeug's to drop."""

    def register(self, *args, **kwargs):
        pass

    def select(self, timeout=None):
        return []

    def close(self):
        pass


def _connections_kept_open():
    from http.server import BaseHTTPRequestHandler
    from werkzeug import serving, wsgi
    handler = serving.WSGIRequestHandler
    if (getattr(serving, "selectors", None) is None or getattr(wsgi, "LimitedStream", None) is None
            or not hasattr(serving, "DechunkedInput") or "send_header" in vars(handler)):
        _note("werkzeug's server changed; every request has a connection of its own")
        return None

    def send_header(self, keyword, value):
        if keyword.lower() == "connection" and value.lower() == "close":
            return
        BaseHTTPRequestHandler.send_header(self, keyword, value)

    def body_read_to_its_end(application):
        def read_to_its_end(environ, start_response):
            body = environ["wsgi.input"]
            length = environ.get("CONTENT_LENGTH", "")
            if not isinstance(body, serving.DechunkedInput):
                body = wsgi.LimitedStream(body, int(length) if length.isdigit() else 0)
                environ["wsgi.input"] = body
            try:
                response = application(environ, start_response)
            except BaseException:
                _read_to_its_end(body)
                raise
            return _BodyReadToItsEnd(response, body)
        return read_to_its_end

    handler.send_header = send_header
    handler.disable_nagle_algorithm = True
    serving.selectors = type("selectors", (), {"DefaultSelector": _NothingLeftToRead, "EVENT_READ": 1})
    return body_read_to_its_end


def _one_request_at_a_time():
    """moto's models are not safe for threads, and werkzeug serves each connection on a thread of its own: two
    BatchWriteItem calls that each create the same new partition can leave only one's items (a thread switch inside
    the partition's defaultdict insertion; seen in the fault scenarios, where intake keeps three batches in flight).
    Real DynamoDB loses nothing, so requests are handled one at a time; with one interpreter lock they never ran at
    once anyway. An SQS ReceiveMessage that waits for messages lets other requests in while it waits."""
    from moto.sqs import models as sqs_models
    queue_class = getattr(sqs_models, "Queue", None)
    if queue_class is None or not hasattr(queue_class, "wait_for_messages"):
        _note("moto's SQS models changed; requests are handled at once, as moto does")
        return None
    lock = threading.Lock()
    wait_for_messages = queue_class.wait_for_messages

    @functools.wraps(wait_for_messages)
    def wait_letting_others_in(queue, timeout):
        lock.release()
        try:
            return wait_for_messages(queue, timeout)
        finally:
            lock.acquire()

    def one_at_a_time(application):
        def handled_alone(environ, start_response):
            with lock:
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()
        return handled_alone

    queue_class.wait_for_messages = wait_letting_others_in
    return one_at_a_time


def _applications_wrapped(*wrappers):
    """moto's server runs its application inside the given wrappers, the first outermost."""
    run_simple = moto.server.run_simple

    @functools.wraps(run_simple)
    def run_simple_wrapped(hostname, port, application, *args, **kwargs):
        for wrapper in reversed([wrapper for wrapper in wrappers if wrapper is not None]):
            application = wrapper(application)
        return run_simple(hostname, port, application, *args, **kwargs)

    moto.server.run_simple = run_simple_wrapped


def _method_names_read_once_per_class():
    from moto.core import responses
    names_of = getattr(responses, "method_names_from_class", None)
    if names_of is None:
        _note("moto's responses changed; every request lists its response class's methods")
        return
    responses.method_names_from_class = functools.lru_cache(maxsize=None)(names_of)


def _random_strings_drawn_at_once():
    from moto.moto_api._internal import moto_random
    random_class = getattr(moto_random, "MotoRandom", None)
    if random_class is None or not hasattr(random_class, "get_random_string"):
        _note("moto's random changed; its strings are drawn a character at a time")
        return

    def get_random_string(self, length=20, include_digits=True, lower_case=False):
        pool = string.ascii_letters + (string.digits if include_digits else "")
        drawn = "".join(self.choices(pool, k=length))
        return drawn.lower() if lower_case else drawn

    random_class.get_random_string = get_random_string


def _attribute_values_read_from_their_dicts():
    """moto's response serializer finds each member of a structure by trying the aliases a Python object might give
    it; for a DynamoDB AttributeValue that is ten members, each tried under several names, for every attribute of
    every item answered. An AttributeValue moto answers is a dict holding only member names (as AWS writes them), so
    each member is that dict's entry: the serializer is given it directly, and serializes it as before."""
    from moto.core import serialize
    serializer = getattr(serialize, "BaseJSONSerializer", None)
    serialize_structure = getattr(serializer, "_serialize_type_structure", None)
    if serialize_structure is None or not all(hasattr(serializer, name)
                                              for name in ("_serialize", "_default_serialize", "MAP_TYPE")):
        _note("moto's response serializer changed; each AttributeValue member is found by its aliases")
        return

    members_of_an_attribute_value = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"}

    @functools.wraps(serialize_structure)
    def serialize_attribute_values_directly(self, serialized, value, shape, key):
        if (type(value) is not dict or not key or shape.name != "AttributeValue"
                or shape.members.keys() != members_of_an_attribute_value
                or getattr(self._value_picker, "response_transformers", None)
                or not value.keys() <= members_of_an_attribute_value):
            return serialize_structure(self, serialized, value, shape, key)
        members = self.MAP_TYPE()
        for member_key, member_shape in shape.members.items():
            member_shape.parent = shape
            member_value = value.get(member_key)
            if member_value is not None:
                self._serialize(members, member_value, member_shape, member_key)
        self._default_serialize(serialized, members, shape, key)

    serializer._serialize_type_structure = serialize_attribute_values_directly


def _projections_convert_only_the_attributes_they_name():
    """moto projects an item (an index's KEYS_ONLY or INCLUDE projection, a ProjectionExpression) by converting the
    whole item to plain values once for every attribute path projected. A path reads only the attribute it starts
    with, so each path is given that attribute alone, converted afresh as before."""
    from moto.dynamodb.models import dynamo_type
    item_class = getattr(dynamo_type, "Item", None)
    if item_class is None or not hasattr(item_class, "project") or not all(
            hasattr(dynamo_type, name) for name in ("find_nested_key", "merge_dicts", "serializer", "deserializer")):
        _note("moto's DynamoDB Item changed; a projection converts the whole item once per path")
        return
    list_element = re.compile(r"(.+)\[(\d+)\]$")  # moto's own pattern for a path's first step 'name[index]'

    @functools.wraps(item_class.project)
    def project(item, projection_expressions):
        projected = {}
        for path in projection_expressions:
            element = list_element.match(path[0])
            name = element.group(1) if element else path[0]
            attribute = item.attrs.get(name)
            named = {} if attribute is None else {
                name: dynamo_type.deserializer.deserialize(attribute.to_regular_json())}
            dynamo_type.merge_dicts(projected, dynamo_type.find_nested_key(path, named))
        return item_class(hash_key=item.hash_key, range_key=item.range_key,
                          attrs=dynamo_type.serializer.serialize(projected)["M"])

    item_class.project = project


def _item_sizes_measured_once_per_read():
    """A DynamoDB Query or Scan measures each item it passes (for the 1 MB page) twice: before taking it and after.
    Measuring walks every attribute. Nothing changes an item while the read runs (requests are handled one at a
    time), so within one read each item is measured once."""
    from moto.dynamodb.models import dynamo_type
    from moto.dynamodb.models import table as tables
    item_class, table_class = getattr(dynamo_type, "Item", None), getattr(tables, "Table", None)
    if item_class is None or not hasattr(item_class, "size") or not all(
            hasattr(table_class, name) for name in ("query", "scan")):
        _note("moto's DynamoDB Item or Table changed; a read measures each item it passes twice")
        return
    measure = item_class.size
    reading = threading.local()

    @functools.wraps(measure)
    def size(item):
        sizes = getattr(reading, "sizes", None)
        if sizes is None:
            return measure(item)
        known = sizes.get(id(item))
        if known is None:
            known = sizes[id(item)] = (item, measure(item))  # the item is held, so its id is not reused meanwhile
        return known[1]

    def measuring_once(read):
        @functools.wraps(read)
        def read_measuring_once(table, *args, **kwargs):
            reading.sizes = {}
            try:
                return read(table, *args, **kwargs)
            finally:
                reading.sizes = None
        return read_measuring_once

    item_class.size = size
    table_class.query = measuring_once(table_class.query)
    table_class.scan = measuring_once(table_class.scan)


def _new_items_measured_once():
    """An item is made attribute by attribute into a LimitedSizeDict, which measures the whole item again at each
    attribute to refuse items over DynamoDB's 400 KB: a write of n attributes measured some n * n / 2 of them. A
    running total refuses the same items, at the same attribute, with the same error."""
    from moto.dynamodb.models import dynamo_type
    item_class = getattr(dynamo_type, "Item", None)
    limited = getattr(dynamo_type, "LimitedSizeDict", None)
    try:
        made_by_attribute = "self.attrs[key] = DynamoType(value)" in inspect.getsource(item_class.__init__)
        limit_is_known = "> 405000" in inspect.getsource(limited.__setitem__)
    except (TypeError, OSError):
        made_by_attribute = limit_is_known = False
    if not (made_by_attribute and limit_is_known and hasattr(dynamo_type, "ItemSizeTooLarge")
            and list(inspect.signature(item_class.__init__).parameters) == ["self", "hash_key", "range_key", "attrs"]):
        _note("moto's DynamoDB Item changed; a new item is measured again at each attribute")
        return

    def __init__(item, hash_key, range_key, attrs):
        item.hash_key = hash_key
        item.range_key = range_key
        item.attrs = limited()
        size = 0
        for key, value in attrs.items():
            attribute = dynamo_type.DynamoType(value)
            size += dynamo_type.bytesize(key) + attribute.size()
            if size > 405000:
                raise dynamo_type.ItemSizeTooLarge
            dict.__setitem__(item.attrs, key, attribute)

    item_class.__init__ = functools.wraps(item_class.__init__)(__init__)


def _log_warnings_only():
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


if __name__ == "__main__":
    _list_services_once()
    _copy_tables_once_per_transaction()
    _private_keys_made_when_used()
    _queries_gather_only_their_candidates()
    _log_warnings_only()
    _method_names_read_once_per_class()
    _random_strings_drawn_at_once()
    _attribute_values_read_from_their_dicts()
    _projections_convert_only_the_attributes_they_name()
    _item_sizes_measured_once_per_read()
    _new_items_measured_once()
    _applications_wrapped(_connections_kept_open(), _one_request_at_a_time())
    sys.exit(moto.server.main())
