package io.qualityhub.local.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stand-in for S3, DynamoDB and KMS that answers instantly and counts requests, so a benchmark
 * measures intake's own CPU and the requests it makes, with storage left out (the emulator's
 * DynamoDB runs at about 3,400 items per second and would measure itself). S3 serves one file; SQS keeps the bodies
 * of messages sent (intake's continuations). A fixed latency per request can be added, to show how waiting on storage
 * adds to a file's time. Not a test double for behaviour: it accepts everything.
 */
public final class StubAwsEndpoint implements AutoCloseable {

  private static final String STUB_WRAP = "stub-wrapped:";

  private final HttpServer server;
  private final Path object;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder batchWriteBytes = new LongAdder();
  private final SecureRandom random = new SecureRandom();
  private final byte[] blindIndexKey = random.generateSeed(32);
  private volatile String writtenThroughLine;
  private final java.util.Queue<String> sent = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** Names the stub's threads, so a benchmark can tell their CPU time from intake's. */
  public static final String THREAD_NAME_PREFIX = "stub-aws-";
  private static final int THREADS = 8;

  private final long latencyMillis;
  private final java.util.concurrent.ExecutorService executor;

  public StubAwsEndpoint(Path object) throws IOException {
    this(object, 0);
  }

  /** @param latencyMillis added to every request before it is answered, as a storage service's round trip */
  public StubAwsEndpoint(Path object, long latencyMillis) throws IOException {
    this.object = object;
    this.latencyMillis = latencyMillis;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
    // More threads than intake keeps requests in flight, so an added latency is waited out in parallel, as on AWS.
    this.executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, THREAD_NAME_PREFIX + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Bytes of BatchWriteItem request bodies received so far. */
  public long batchWriteBytes() {
    return batchWriteBytes.sum();
  }

  /** Requests received so far, by operation ("DynamoDB.BatchWriteItem", "KMS.GenerateDataKey", "S3.GET", ...). */
  public Map<String, Long> requests() {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach((operation, count) -> counts.put(operation, count.sum()));
    return counts;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (latencyMillis > 0) {
        try {
          Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while simulating latency", e);
        }
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (target == null) {
        s3(exchange);
        return;
      }
      String service = target.startsWith("DynamoDB") ? "DynamoDB" : target.startsWith("AmazonSQS") ? "SQS" : "KMS";
      String operation = target.substring(target.indexOf('.') + 1);
      count(service + "." + operation);
      if (operation.equals("BatchWriteItem")) {
        batchWriteBytes.add(body.length);
        // Nothing in a BatchWriteItem body changes the answer: not decoding it keeps the stub's own CPU low.
        reply(exchange, "application/x-amz-json-1.0", "{\"UnprocessedItems\":{}}");
        return;
      }
      if (service.equals("SQS")) {
        reply(exchange, "application/x-amz-json-1.0", sqs(operation, body));
        return;
      }
      String response = service.equals("DynamoDB") ? dynamoDb(operation, new String(body, StandardCharsets.UTF_8))
          : kms(operation, new String(body, StandardCharsets.UTF_8));
      reply(exchange, service.equals("DynamoDB") ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1", response);
    }
  }

  private String dynamoDb(String operation, String body) throws IOException {
    return switch (operation) {
      // The blind-index key, made once per deployment (decision 0005): intake only reads and unwraps it.
      case "GetItem" -> body.contains("KEY#blind-index") ? "{\"Item\":{\"pk\":{\"S\":\"KEY#blind-index\"},\"sk\":{\"S\":\"v1\"},"
          + "\"wrappedKey\":{\"B\":\"" + b64(wrap(blindIndexKey)) + "\"}}}"
          : body.contains("GEN#") && writtenThroughLine != null
              ? "{\"Item\":{\"writtenThroughLine\":{\"N\":\"" + writtenThroughLine + "\"}}}" : "{}";
      // Intake counts its attempt at a file before the work: the stub's file is always at its first.
      case "UpdateItem" -> {
        if (body.contains("writtenThroughLine")) {
          // A continuation's checkpoint (decision 0017), kept so the next invocation resumes after it.
          writtenThroughLine = JSON.readTree(body).path("ExpressionAttributeValues").path(":line").path("N").asText();
        }
        yield body.contains("ADD attempts") ? "{\"Attributes\":{\"attempts\":{\"N\":\"1\"}}}" : "{}";
      }
      case "Query", "Scan" -> "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}";
      default -> "{}";
    };
  }

  private String kms(String operation, String body) {
    String keyId = "\"KeyId\":\"arn:aws:kms:us-east-1:123456789012:key/bench\"";
    return switch (operation) {
      case "GenerateDataKey" -> {
        byte[] plaintext = new byte[32];
        random.nextBytes(plaintext);
        yield "{" + keyId + ",\"Plaintext\":\"" + b64(plaintext) + "\",\"CiphertextBlob\":\"" + b64(wrap(plaintext)) + "\"}";
      }
      case "GenerateDataKeyWithoutPlaintext" -> {
        byte[] plaintext = new byte[32];
        random.nextBytes(plaintext);
        yield "{" + keyId + ",\"CiphertextBlob\":\"" + b64(wrap(plaintext)) + "\"}";
      }
      case "Decrypt" -> {
        String blob = body.replaceAll(".*\"CiphertextBlob\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String wrapped = new String(Base64.getDecoder().decode(blob), StandardCharsets.UTF_8);
        yield "{" + keyId + ",\"Plaintext\":\"" + wrapped.substring(STUB_WRAP.length()) + "\"}";
      }
      case "GenerateMac" -> {
        byte[] mac = new byte[32];
        random.nextBytes(mac);
        yield "{" + keyId + ",\"MacAlgorithm\":\"HMAC_SHA_256\",\"Mac\":\"" + b64(mac) + "\"}";
      }
      default -> "{}";
    };
  }

  /** SendMessage only: the body is kept, in order, for {@link #takeSentMessages}. */
  private String sqs(String operation, byte[] request) throws IOException {
    if (!operation.equals("SendMessage")) {
      return "{}";
    }
    String body = JSON.readTree(request).path("MessageBody").asText();
    sent.add(body);
    String md5;
    try {
      md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
    return "{\"MessageId\":\"" + java.util.UUID.randomUUID() + "\",\"MD5OfMessageBody\":\"" + md5 + "\"}";
  }

  /** The bodies of the messages sent to any queue since the last call, oldest first. */
  public java.util.List<String> takeSentMessages() {
    java.util.List<String> taken = new java.util.ArrayList<>();
    String body;
    while ((body = sent.poll()) != null) {
      taken.add(body);
    }
    return taken;
  }

  private void s3(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    count("S3." + method);
    var headers = exchange.getResponseHeaders();
    headers.add("ETag", "\"bench\"");
    headers.add("x-amz-version-id", "bench-v1");
    headers.add("Last-Modified", "Wed, 25 Nov 2026 08:00:00 GMT");
    switch (method) {
      case "HEAD" -> {
        headers.add("Content-Length", Long.toString(Files.size(object)));
        exchange.sendResponseHeaders(200, -1);
      }
      case "GET" -> {
        exchange.sendResponseHeaders(200, Files.size(object));
        try (OutputStream out = exchange.getResponseBody()) {
          Files.copy(object, out);
        }
      }
      default -> exchange.sendResponseHeaders(200, -1);
    }
  }

  private void count(String operation) {
    requests.computeIfAbsent(operation, ignored -> new LongAdder()).increment();
  }

  private static byte[] wrap(byte[] plaintext) {
    return (STUB_WRAP + b64(plaintext)).getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void reply(HttpExchange exchange, String contentType, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
