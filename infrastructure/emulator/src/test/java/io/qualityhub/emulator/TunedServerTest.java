package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/** The emulator's launcher (moto_server.py) takes costs out of moto without changing what moto answers. */
class TunedServerTest {

    private static LocalEmulator emulator;
    private static EmulatorClients clients;

    @BeforeAll
    static void start() {
        Map<String, String> environment = OwnEmulatorEnvironment.of();
        emulator = LocalEmulator.startOrConnect(Path.of("."), environment);
        clients = EmulatorClients.of(emulator);
    }

    @AfterAll
    static void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void aCancelledTransactionLeavesEachTableAsItWasBeforeItEvenAfterOneThatCommitted() {
        createTable("ledger");
        createTable("journal");
        clients.dynamoDb().transactWriteItems(b -> b.transactItems(puts("ledger", "a", "b", "c")));

        clients.dynamoDb().transactWriteItems(b -> b.transactItems(concat(puts("ledger", "d", "e"), puts("journal", "x"))));
        List<TransactWriteItem> failing = concat(puts("ledger", "f", "g", "h", "i"), puts("journal", "y"),
                List.of(TransactWriteItem.builder().put(p -> p.tableName("ledger").item(item("a", "changed"))
                        .conditionExpression("attribute_not_exists(pk)")).build()));
        assertThrows(TransactionCanceledException.class,
                () -> clients.dynamoDb().transactWriteItems(b -> b.transactItems(failing)));

        assertEquals(Map.of("a", "value of a", "b", "value of b", "c", "value of c", "d", "value of d", "e", "value of e"),
                contents("ledger"));
        assertEquals(Map.of("x", "value of x"), contents("journal"));
    }

    @Test
    void symmetricKeysEncryptHmacKeysMacAndAsymmetricKeysSign() {
        String symmetric = clients.kms().createKey(b -> {}).keyMetadata().keyId();
        SdkBytes secret = SdkBytes.fromString("秘密 Secret", StandardCharsets.UTF_8);
        SdkBytes sealed = clients.kms().encrypt(b -> b.keyId(symmetric).plaintext(secret)).ciphertextBlob();
        assertArrayEquals(secret.asByteArray(), clients.kms().decrypt(b -> b.ciphertextBlob(sealed)).plaintext().asByteArray());

        String hmac = clients.kms().createKey(b -> b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                .keyMetadata().keyId();
        SdkBytes mac = clients.kms().generateMac(b -> b.keyId(hmac).message(secret).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac();
        assertEquals(32, mac.asByteArray().length);
        assertTrue(clients.kms().verifyMac(b -> b.keyId(hmac).message(secret).mac(mac)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).macValid());

        String signing = clients.kms().createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().keyId();
        SdkBytes signature = clients.kms().sign(b -> b.keyId(signing).message(secret)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)).signature();
        assertTrue(clients.kms().verify(b -> b.keyId(signing).message(secret).signature(signature)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)).signatureValid());
    }

    @Test
    void queriesOfATableAndOfItsIndexAnswerInKeyOrderPageByPage() {
        // The launcher has a query gather only its partition (or, on an index, every item unsorted); the answers
        // expected are plain moto's (5.2.1, the same requests without the launcher).
        clients.dynamoDb().createTable(b -> b.tableName("tuned-queries").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("by-owner").projection(p -> p.projectionType(ProjectionType.ALL))
                        .keySchema(k -> k.attributeName("owner").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))));
        for (String pk : List.of("c", "a", "b")) {
            for (int sk = 5; sk >= 1; sk--) {
                Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(String.valueOf(sk)),
                        "owner", AttributeValue.fromS(sk % 2 == 0 ? "even" : "odd"));
                clients.dynamoDb().putItem(p -> p.tableName("tuned-queries").item(item));
            }
        }

        assertEquals(List.of("b1", "b2", "b3", "b4", "b5"), keysPageByPage(q -> q.keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("b")))));
        assertEquals(List.of("b5", "b4", "b3", "b2", "b1"), keysPageByPage(q -> q.keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("b"))).scanIndexForward(false)));
        assertEquals(List.of("c2", "c3", "c4"), keysPageByPage(q -> q.keyConditionExpression("pk = :p and sk between :l and :h")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("c"), ":l", AttributeValue.fromN("2"),
                        ":h", AttributeValue.fromN("4")))));
        assertEquals(List.of(), keysPageByPage(q -> q.keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("z")))));
        assertEquals(List.of("a1", "b1", "c1", "a3", "b3", "c3", "a5", "b5", "c5"), keysPageByPage(q -> q.indexName("by-owner")
                .keyConditionExpression("#o = :o").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("odd")))));
        assertEquals(List.of("c4", "b4", "a4"), keysPageByPage(q -> q.indexName("by-owner")
                .keyConditionExpression("#o = :o and sk > :s").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("even"), ":s", AttributeValue.fromN("2")))
                .scanIndexForward(false)));
    }

    @Test
    void oneConnectionCarriesRequestAfterRequestEvenAfterABodyTheServerDidNotRead() throws Exception {
        // moto answers GET /moto-api/data.json without reading the request's body; were the body left on the
        // connection, the next request would be read from its bytes. The last request asks to close the connection,
        // so everything answered on it can be read to its end.
        URI endpoint = emulator.endpoint();
        String listTables = "POST / HTTP/1.1\r\nHost: %s\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nAuthorization: AWS4-HMAC-SHA256 "
                + "Credential=test/20261206/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x\r\n"
                + "Content-Length: 2\r\n%s\r\n{}";
        String requests = "GET /moto-api/data.json HTTP/1.1\r\nHost: %s\r\nContent-Length: 5000\r\n\r\n".formatted(endpoint.getAuthority())
                + "x".repeat(5000)
                + listTables.formatted(endpoint.getAuthority(), "")
                + listTables.formatted(endpoint.getAuthority(), "Connection: close\r\n");
        String answered;
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            answered = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertEquals(List.of("HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK"),
                Pattern.compile("HTTP/1\\.1 \\d{3} [A-Z ]+").matcher(answered).results().map(MatchResult::group).toList(), answered);
        assertEquals(2, Pattern.compile("\\{\"TableNames\": \\[").matcher(answered).results().count(), answered);
    }

    @Test
    void batchWritesAtOnceIntoTheSameNewPartitionsLoseNoItem(@TempDir Path python) throws Exception {
        // Python switches threads every 5 ms, so moto's race (two requests creating one partition, one's items lost)
        // struck only now and then; switching every microsecond, plain moto lost items in every run tried (13 of
        // 10,000 in this test's).
        Files.writeString(python.resolve("sitecustomize.py"), "import sys\nsys.setswitchinterval(1e-6)\n");
        Map<String, String> environment = OwnEmulatorEnvironment.of();
        environment.put("PYTHONPATH", python.toString());
        int writers = 4;
        int rounds = 100;
        int partitions = 25;
        try (LocalEmulator switching = LocalEmulator.startOrConnect(Path.of("."), environment);
             EmulatorClients switchingClients = EmulatorClients.of(switching)) {
            DynamoDbClient dynamoDb = switchingClients.dynamoDb();
            dynamoDb.createTable(b -> b.tableName("partitions").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S)));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                for (int round = 0; round < rounds; round++) {
                    CyclicBarrier together = new CyclicBarrier(writers);
                    List<Future<?>> writes = new ArrayList<>();
                    for (int writer = 0; writer < writers; writer++) {
                        List<WriteRequest> puts = new ArrayList<>();
                        for (int partition = 0; partition < partitions; partition++) {
                            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("round " + round + " partition " + partition),
                                    "sk", AttributeValue.fromS("writer " + writer));
                            puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
                        }
                        writes.add(pool.submit(() -> {
                            together.await();
                            return dynamoDb.batchWriteItem(b -> b.requestItems(Map.of("partitions", puts))).unprocessedItems();
                        }));
                    }
                    for (Future<?> write : writes) {
                        assertEquals(Map.of(), write.get());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            int stored = dynamoDb.scanPaginator(b -> b.tableName("partitions").select(Select.COUNT)).stream()
                    .mapToInt(ScanResponse::count).sum();
            assertEquals(writers * rounds * partitions, stored);
        }
    }

    @Test
    void dynamoDbAnswersByteForByteWhatPlainMotoAnswers(@TempDir Path bin) throws Exception {
        // The launcher serializes AttributeValues from their dicts, projects only the attributes a path names,
        // measures each item once per read and a new item once as it is made. The same requests to plain moto (its
        // own server, started as moto_server is) must get the same bodies, for every kind of value, projection,
        // page and index, and the same refusals of items over the size limit.
        Path plainMoto = bin.resolve("moto_server");
        Files.writeString(plainMoto, "#!/bin/sh\nexec '" + pythonWithMoto()
                + "' -c 'import sys, moto.server; sys.exit(moto.server.main())' \"$@\"\n");
        assertTrue(plainMoto.toFile().setExecutable(true));
        // A string set projected goes through a Python set, whose order follows the strings' hashes: both servers
        // hash alike.
        Map<String, String> environment = OwnEmulatorEnvironment.of();
        environment.put("PYTHONHASHSEED", "0");
        Map<String, String> plainEnvironment = new HashMap<>(environment);
        plainEnvironment.put("PATH", bin.toString());
        try (LocalEmulator tuned = LocalEmulator.startOrConnect(Path.of("."), environment);
             LocalEmulator plain = LocalEmulator.startOrConnect(Path.of("."), plainEnvironment)) {
            assertTrue(plain.command().getFirst().endsWith("moto_server"), String.join(" ", plain.command()));
            assertTrue(tuned.command().getLast().equals(Integer.toString(tuned.endpoint().getPort()))
                    && tuned.command().stream().anyMatch(part -> part.contains("qualityhub-moto-server")), String.join(" ", tuned.command()));
            HttpClient http = HttpClient.newHttpClient();
            for (String request : requestsOfEveryKind()) {
                String action = request.substring(0, request.indexOf(' '));
                String body = request.substring(action.length() + 1);
                HttpResponse<String> expected = dynamoDb(http, plain.endpoint(), action, body);
                HttpResponse<String> answered = dynamoDb(http, tuned.endpoint(), action, body);
                assertEquals(200, expected.statusCode(), request + " -> " + expected.body());
                if (!action.equals("CreateTable")) {  // its answer holds the time of creation
                    assertEquals(expected.body(), answered.body(), request);
                }
            }
            // An item is refused above 405,000 bytes (moto's bound for DynamoDB's 400 KB): its names' and values' bytes.
            for (int text = 404_991; text <= 404_994; text++) {
                String item = "{\"TableName\": \"values\", \"Item\": {\"pk\": {\"S\": \"P9\"}, \"sk\": {\"N\": \"%d\"}, \"a\": {\"S\": \"%s\"}}}"
                        .formatted(text % 10, "x".repeat(text));
                HttpResponse<String> expected = dynamoDb(http, plain.endpoint(), "PutItem", item);
                HttpResponse<String> answered = dynamoDb(http, tuned.endpoint(), "PutItem", item);
                assertEquals(text <= 404_992 ? 200 : 400, expected.statusCode(), expected.body());
                assertEquals(expected.statusCode() + " " + expected.body(), answered.statusCode() + " " + answered.body());
            }
            assertEquals(dynamoDb(http, plain.endpoint(), "Scan", "{\"TableName\": \"values\", \"Select\": \"COUNT\"}").body(),
                    dynamoDb(http, tuned.endpoint(), "Scan", "{\"TableName\": \"values\", \"Select\": \"COUNT\"}").body());
        }
    }

    /** A table with two indexes, items with every kind of value, and every kind of read and of write returning values. */
    private static List<String> requestsOfEveryKind() {
        List<String> requests = new ArrayList<>(List.of(
                """
                CreateTable {"TableName": "values", "BillingMode": "PAY_PER_REQUEST",
                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"},
                                          {"AttributeName": "branch", "AttributeType": "S"}],
                 "GlobalSecondaryIndexes": [
                  {"IndexName": "included", "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["name", "nested"]},
                   "KeySchema": [{"AttributeName": "branch", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]},
                  {"IndexName": "keys", "Projection": {"ProjectionType": "KEYS_ONLY"},
                   "KeySchema": [{"AttributeName": "branch", "KeyType": "HASH"}]}]}"""));
        for (int pk = 0; pk < 4; pk++) {
            for (int sk = 1; sk <= 6; sk++) {
                requests.add(("PutItem {\"TableName\": \"values\", \"Item\": {\"pk\": {\"S\": \"P%d\"}, \"sk\": {\"N\": \"%d\"},"
                        + " \"branch\": {\"S\": \"B%d\"}, \"name\": {\"S\": \"顧客 Ünïcode %d\"}, \"amount\": {\"N\": \"-12.50\"},"
                        + " \"sealed\": {\"B\": \"AAEC/f7/\"}, \"tag_set\": {\"SS\": [\"x\", \"y\"]}, \"count_set\": {\"NS\": [\"1\", \"2.5\"]},"
                        + " \"blob_set\": {\"BS\": [\"AQ==\", \"Ag==\"]}, \"flag\": {\"BOOL\": %s}, \"none\": {\"NULL\": true}, \"empty\": {\"S\": \"\"},"
                        + " \"nested\": {\"M\": {\"inner_text\": {\"S\": \"i%d\"}, \"inner_list\": {\"L\": [{\"N\": \"1\"}, {\"M\": {\"deep\": {\"B\": \"AA==\"}}}, {\"L\": []}]}}},"
                        + " \"value_list\": {\"L\": [{\"S\": \"first\"}, {\"BOOL\": false}, {\"M\": {}}, {\"NULL\": true}]}}}")
                        .formatted(pk, sk, pk % 2, sk, sk % 2 == 0, sk));
            }
        }
        for (int sk = 1; sk <= 40; sk++) {  // 1.2 MB in one partition: reads end their pages at 1 MB
            requests.add("PutItem {\"TableName\": \"values\", \"Item\": {\"pk\": {\"S\": \"large\"}, \"sk\": {\"N\": \"%d\"},"
                    .formatted(sk) + " \"branch\": {\"S\": \"B9\"}, \"text\": {\"S\": \"%s\"}}}".formatted("é".repeat(15_000)));
        }
        requests.addAll(List.of(
                "Query {\"TableName\": \"values\", \"KeyConditionExpression\": \"pk = :p\","
                        + " \"ExpressionAttributeValues\": {\":p\": {\"S\": \"large\"}}, \"ProjectionExpression\": \"pk, sk\"}",
                "GetItem {\"TableName\": \"values\", \"Key\": {\"pk\": {\"S\": \"P1\"}, \"sk\": {\"N\": \"2\"}}}",
                "GetItem {\"TableName\": \"values\", \"Key\": {\"pk\": {\"S\": \"P1\"}, \"sk\": {\"N\": \"3\"}},"
                        + " \"ProjectionExpression\": \"nested.inner_text, value_list[2], #n, absent, nested.inner_list[1].deep, sealed\","
                        + " \"ExpressionAttributeNames\": {\"#n\": \"name\"}}",
                "Query {\"TableName\": \"values\", \"KeyConditionExpression\": \"pk = :p AND sk > :s\","
                        + " \"ExpressionAttributeValues\": {\":p\": {\"S\": \"P2\"}, \":s\": {\"N\": \"2\"}}}",
                "Query {\"TableName\": \"values\", \"KeyConditionExpression\": \"pk = :p\", \"ScanIndexForward\": false, \"Limit\": 4,"
                        + " \"ExclusiveStartKey\": {\"pk\": {\"S\": \"P2\"}, \"sk\": {\"N\": \"5\"}}, \"ProjectionExpression\": \"tag_set, count_set, value_list\","
                        + " \"ExpressionAttributeValues\": {\":p\": {\"S\": \"P2\"}}}",
                "Query {\"TableName\": \"values\", \"IndexName\": \"included\", \"KeyConditionExpression\": \"branch = :b\","
                        + " \"ExpressionAttributeValues\": {\":b\": {\"S\": \"B1\"}}}",
                "Query {\"TableName\": \"values\", \"IndexName\": \"included\", \"KeyConditionExpression\": \"branch = :b\", \"Limit\": 5,"
                        + " \"ExclusiveStartKey\": {\"pk\": {\"S\": \"P1\"}, \"sk\": {\"N\": \"2\"}, \"branch\": {\"S\": \"B1\"}},"
                        + " \"FilterExpression\": \"attribute_exists(nested)\", \"ExpressionAttributeValues\": {\":b\": {\"S\": \"B1\"}}}",
                "Query {\"TableName\": \"values\", \"IndexName\": \"keys\", \"KeyConditionExpression\": \"branch = :b\","
                        + " \"ExpressionAttributeValues\": {\":b\": {\"S\": \"B0\"}}}",
                "Query {\"TableName\": \"values\", \"KeyConditionExpression\": \"pk = :p\", \"Select\": \"COUNT\","
                        + " \"ExpressionAttributeValues\": {\":p\": {\"S\": \"P3\"}}}",
                "Scan {\"TableName\": \"values\"}",
                "Scan {\"TableName\": \"values\", \"FilterExpression\": \"sk > :s AND flag = :f\","
                        + " \"ExpressionAttributeValues\": {\":s\": {\"N\": \"2\"}, \":f\": {\"BOOL\": true}}}",
                "Scan {\"TableName\": \"values\", \"ProjectionExpression\": \"pk, sk, nested.inner_list, blob_set\"}",
                "Scan {\"TableName\": \"values\", \"Limit\": 7, \"ExclusiveStartKey\": {\"pk\": {\"S\": \"P0\"}, \"sk\": {\"N\": \"4\"}}}",
                "Scan {\"TableName\": \"values\", \"IndexName\": \"included\"}",
                "BatchGetItem {\"RequestItems\": {\"values\": {\"Keys\": [{\"pk\": {\"S\": \"P0\"}, \"sk\": {\"N\": \"1\"}},"
                        + " {\"pk\": {\"S\": \"P3\"}, \"sk\": {\"N\": \"6\"}}], \"ProjectionExpression\": \"pk, sk, nested\"}}}",
                "TransactGetItems {\"TransactItems\": [{\"Get\": {\"TableName\": \"values\", \"Key\": {\"pk\": {\"S\": \"P2\"}, \"sk\": {\"N\": \"1\"}}}}]}",
                "UpdateItem {\"TableName\": \"values\", \"Key\": {\"pk\": {\"S\": \"P0\"}, \"sk\": {\"N\": \"1\"}}, \"ReturnValues\": \"ALL_NEW\","
                        + " \"UpdateExpression\": \"SET nested.inner_text = :v\", \"ExpressionAttributeValues\": {\":v\": {\"S\": \"changed\"}}}",
                "PutItem {\"TableName\": \"values\", \"ReturnValues\": \"ALL_OLD\", \"Item\": {\"pk\": {\"S\": \"P3\"}, \"sk\": {\"N\": \"6\"}}}",
                "DeleteItem {\"TableName\": \"values\", \"ReturnValues\": \"ALL_OLD\", \"Key\": {\"pk\": {\"S\": \"P3\"}, \"sk\": {\"N\": \"5\"}}}",
                "Scan {\"TableName\": \"values\", \"Select\": \"COUNT\"}"));
        return requests;
    }

    private static HttpResponse<String> dynamoDb(HttpClient http, URI endpoint, String action, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810." + action)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261206/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host, Signature=x")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The interpreter behind python3 on this JVM's PATH (which may be a shim that needs the PATH itself). */
    private static String pythonWithMoto() throws Exception {
        Process python = new ProcessBuilder("python3", "-c", "import sys, moto.server; print(sys.executable)").start();
        String executable = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, python.waitFor(), "python3 on PATH cannot import moto.server");
        return executable;
    }

    /** Every page of the query, two items a page, as "pk" + "sk". */
    private static List<String> keysPageByPage(Consumer<QueryRequest.Builder> query) {
        List<String> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName("tuned-queries").limit(2).exclusiveStartKey(start);
            query.accept(request);
            QueryResponse page = clients.dynamoDb().query(request.build());
            page.items().forEach(item -> keys.add(item.get("pk").s() + item.get("sk").n()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return keys;
    }

    private static void createTable(String name) {
        clients.dynamoDb().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    private static List<TransactWriteItem> puts(String table, String... keys) {
        return IntStream.range(0, keys.length).mapToObj(i -> TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item(keys[i], "value of " + keys[i]))).build()).toList();
    }

    private static Map<String, AttributeValue> item(String key, String value) {
        return Map.of("pk", AttributeValue.fromS(key), "value", AttributeValue.fromS(value));
    }

    @SafeVarargs
    private static List<TransactWriteItem> concat(List<TransactWriteItem>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static Map<String, String> contents(String table) {
        Map<String, String> contents = new HashMap<>();
        clients.dynamoDb().scan(b -> b.tableName(table)).items()
                .forEach(row -> contents.put(row.get("pk").s(), row.get("value").s()));
        return contents;
    }
}
