package io.qualityhub.local.faults;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.ItemAuthenticator;
import io.qualityhub.core.store.PeriodIndex;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.LocalContext;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.local.S3NotificationEvents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Intake on the emulator for the fault scenarios: uploads with S3 notifications shaped as AWS sends them (version id
 * and sequencer, which moto leaves out), the intake queue drained as Lambda would, and what a file left behind
 * (row, state and file items, rejects report, file events) in a form that compares with a clean run of the same
 * bytes under another branch code.
 */
final class IntakeRig {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** S3 sequencers grow per key; one counter for the run keeps them growing in upload order. */
  private static final AtomicLong SEQUENCER = new AtomicLong(System.currentTimeMillis() << 8);
  /** Attributes that differ between attempts by design: timings, data-key references, order tokens. */
  private static final Set<String> PER_ATTEMPT = Set.of("dataKey", "itemTag", "startedAt", "validateMillis", "storeMillis",
      "totalMillis", "orderToken", "attempts");

  private final FaultContext context;
  private final LocalDeployment local;
  private final String bucket;
  private final String table;
  private final String queueUrl;
  private final SqsClient sqs;
  private final List<FileOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> fileEvents = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, List<String>> versionsByKey = Collections.synchronizedMap(new HashMap<>());

  IntakeRig(FaultContext context) {
    this.context = context;
    this.local = context.local();
    this.bucket = local.physicalId("IntakeBucket");
    this.table = local.physicalId("RecordsTable");
    this.queueUrl = local.attribute("IntakeQueue", "QueueUrl");
    this.sqs = local.clients().configure(SqsClient.builder()).build();
  }

  /** An uploaded object version and the notification S3 sends for it. */
  record Upload(String bucket, String key, String versionId, String sequencer) {
    String notification() {
      return S3NotificationEvents.objectCreated(bucket, key, versionId, sequencer, null);
    }
  }

  private long last = System.nanoTime();

  /** Notes in the function log how long the step since the last note took. */
  void trace(String step) {
    long now = System.nanoTime();
    context.functionLog().printf("--- %s took %d ms%n", step, (now - last) / 1_000_000);
    last = now;
  }

  String bucket() {
    return bucket;
  }

  String table() {
    return table;
  }

  /** Uploads as a branch system does (SSE-KMS under the bucket's key); the emulator's own notification is dropped. */
  Upload upload(String key, byte[] content) {
    String versionId = local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromBytes(content)).versionId();
    versionsByKey.computeIfAbsent(key, ignored -> Collections.synchronizedList(new ArrayList<>())).add(versionId);
    trace("upload " + key);
    dropEmulatorNotifications();
    trace("drop notifications");
    return new Upload(bucket, key, versionId, String.format("%016X", SEQUENCER.incrementAndGet()));
  }

  /** moto notifies without version id and sequencer; the scenarios send AWS's shape themselves. */
  private void dropEmulatorNotifications() {
    for (int round = 0; round < 20; round++) {
      List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(0)).messages();
      if (messages.isEmpty()) {
        return;
      }
      for (Message message : messages) {
        if (!message.body().contains("\"sequencer\"")) {
          sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } else {
          sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
              .visibilityTimeout(0));
        }
      }
      if (messages.stream().allMatch(message -> message.body().contains("\"sequencer\""))) {
        return;
      }
    }
  }

  /** Puts each upload's notification on the intake queue, one message each, in the order given. */
  void notify(Upload... uploads) {
    for (Upload upload : uploads) {
      sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(upload.notification()));
    }
  }

  /** An intake function instance whose clients carry the given faults (and record the file events it publishes). */
  IntakeHandler handler(ExecutionInterceptor... faults) {
    ExecutionInterceptor[] all = new ExecutionInterceptor[faults.length + 1];
    all[0] = fileEventRecorder();
    System.arraycopy(faults, 0, all, 1, faults.length);
    return new IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction").withInterceptors(all),
        outcomes::add);
  }

  /** Drains the intake queue through {@code invocation}, redelivering failed messages until none is left. */
  QueueRun deliver(QueueRun.Invocation invocation, int batchSize) {
    QueueRun run = new QueueRun(sqs, queueUrl, local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), batchSize,
        context.recovers()).drain(invocation, 60);
    trace("deliver " + run.invocations() + " batches");
    return run;
  }

  QueueRun deliver(IntakeHandler handler) {
    return deliver(QueueRun.of(event -> invoke(handler, event)), 5);
  }

  /** One invocation with the function's output going to the function log. */
  com.amazonaws.services.lambda.runtime.events.SQSBatchResponse invoke(IntakeHandler handler, SQSEvent event) {
    return handler.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000));
  }

  /** The messages in the intake dead-letter queue whose notification names {@code key}; they are removed. */
  int deadLettered(String key) {
    String dlq = local.attribute("IntakeDeadLetterQueue", "QueueUrl");
    String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
    int found = 0;
    for (int round = 0; round < 20; round++) {
      List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(0))
          .messages();
      if (messages.isEmpty()) {
        break;
      }
      for (Message message : messages) {
        if (message.body().contains(encoded)) {
          found++;
          sqs.deleteMessage(request -> request.queueUrl(dlq).receiptHandle(message.receiptHandle()));
        } else {
          sqs.changeMessageVisibility(request -> request.queueUrl(dlq).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
      }
    }
    return found;
  }

  List<FileOutcome> outcomes(String key) {
    synchronized (outcomes) {
      return outcomes.stream().filter(outcome -> outcome.key().equals(key)).toList();
    }
  }

  /** Uploads {@code content} under {@code key} of a branch of its own and delivers it with a healthy function. */
  FileState clean(String key, byte[] content) {
    Upload upload = upload(key, content);
    notify(upload);
    deliver(handler());
    return state(key);
  }

  private ExecutionInterceptor fileEventRecorder() {
    String topic = local.settingsOf("IntakeFunction").optional("FILE_EVENTS_TOPIC_ARN").orElse("");
    return new ExecutionInterceptor() {
      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PublishRequest publish && topic.equals(publish.topicArn())) {
          fileEvents.add(publish.message());
        }
      }
    };
  }

  /**
   * Everything one upload key left behind, normalised: the branch code and generation ids replaced by placeholders,
   * sealed columns replaced by their decrypted values (which checks every row's integrity tag), per-attempt
   * attributes and data-key items left out.
   */
  FileState state(String key) {
    String[] parts = key.split("/");
    String branch = parts[1];
    String date = parts[2];
    String type = parts[3].substring(0, parts[3].indexOf('.'));
    String fileId = branch + "#" + type + "#" + date;
    Map<String, AttributeValue> current = local.clients().dynamoDb().getItem(request -> request.tableName(table)
        .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("FILE#" + fileId), "sk", AttributeValue.fromS("CURRENT"))))
        .item();
    String generation = current == null || current.isEmpty() ? null : current.get("generation").s();
    List<String> versions = versionsByKey.getOrDefault(key, List.of());
    Map<String, String> replacements = new TreeMap<>();
    replacements.put(branch, "{branch}");
    for (String version : versions) {
      replacements.put(version, version.equals(generation) ? "{gen}" : "{gen:" + versions.indexOf(version) + "}");
    }
    if (generation != null) {
      replacements.put(generation, "{gen}");
    }
    RecordDecryptor decryptor = new RecordDecryptor(local.clients().dynamoDb(), table,
        new KmsDataKeySource(local.clients().kms(), local.attribute("DataKey", "Arn")), failure -> { });
    Map<String, Map<String, String>> items = new TreeMap<>();
    int dataKeys = 0;
    List<String> unreadable = new ArrayList<>();
    for (Map<String, AttributeValue> item : local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)
        .consistentRead(true).filterExpression("contains(pk, :branch) AND (fileId = :file OR pk = :filePk)")
        .expressionAttributeValues(Map.of(":branch", AttributeValue.fromS("#" + branch + "#"), ":file", AttributeValue.fromS(fileId),
            ":filePk", AttributeValue.fromS("FILE#" + fileId)))).items()) {
      String sk = item.get("sk").s();
      if (sk.startsWith("KEY#")) {
        dataKeys++;
        continue;
      }
      String itemKey = normalise(item.get("pk").s() + "|" + sk, replacements);
      Map<String, String> attributes = new TreeMap<>();
      item.forEach((name, value) -> {
        if (!PER_ATTEMPT.contains(name) && value.b() == null) {
          attributes.put(name, normalise(value.toString(), replacements));
        }
      });
      // The period index's shard is a hash of the item's key, which names the branch, so scenarios with other branch
      // codes hold other shards: compared is whether it is the shard of the item's own key.
      if (item.containsKey(PeriodIndex.KEY)) {
        String ownShard = PeriodIndex.key(item.get("recordType").s(), PeriodIndex.shardOf(item.get("pk").s()));
        attributes.put(PeriodIndex.KEY, item.get(PeriodIndex.KEY).s().equals(ownShard) ? "{the key's shard}"
            : "another shard than the key's: " + normalise(item.get(PeriodIndex.KEY).s(), replacements));
      }
      // Row items carry encrypted values under their tag; a state's seal is binary too but hides nothing.
      if (item.containsKey(ItemAuthenticator.TAG)) {
        try {
          decryptor.sensitiveValues(item).forEach((name, value) -> attributes.put("decrypted " + name, value));
        } catch (RuntimeException e) {
          unreadable.add(itemKey + " (" + e.getClass().getSimpleName() + ")");
        }
      }
      items.put(itemKey, attributes);
    }
    String rejectsKey = "rejects/" + branch + "/" + date + "/" + type + ".csv";
    String rejects;
    try {
      rejects = normalise(local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(rejectsKey))
          .asUtf8String(), replacements);
    } catch (NoSuchKeyException none) {
      rejects = null;
    }
    List<String> events = new ArrayList<>();
    synchronized (fileEvents) {
      for (String event : fileEvents) {
        if (event.contains("\"" + fileId + "\"")) {
          events.add(normaliseEvent(event, replacements));
        }
      }
    }
    trace("state of " + key);
    return new FileState(key, generation, items, rejects, events, dataKeys, unreadable);
  }

  private static String normaliseEvent(String event, Map<String, String> replacements) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(event);
      node.remove("publishedAt");
      return normalise(node.toString(), replacements);
    } catch (java.io.IOException e) {
      return normalise(event, replacements);
    }
  }

  private static String normalise(String text, Map<String, String> replacements) {
    String result = text;
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      result = result.replace(replacement.getKey(), replacement.getValue());
    }
    return result;
  }

  /** What one upload key left behind, normalised (see {@link IntakeRig#state}). */
  record FileState(String key, String generation, Map<String, Map<String, String>> items, String rejects,
      List<String> events, int dataKeys, List<String> unreadable) {

    /** Row items (any generation), without STATE items. */
    long rows() {
      return items.keySet().stream().filter(key -> key.startsWith("REC#") && !key.endsWith("|STATE")).count();
    }

    /**
     * The state without what generation {@code marker} (e.g. {@code {gen:0}}) left, and without the CURRENT item's
     * record of the generation it replaced: for comparing two uploads of one key with a clean run of the last.
     */
    FileState without(String marker) {
      Map<String, Map<String, String>> kept = new TreeMap<>();
      items.forEach((itemKey, attributes) -> {
        if (!itemKey.contains(marker)) {
          Map<String, String> copy = new TreeMap<>(attributes);
          if (itemKey.endsWith("|CURRENT")) {
            copy.remove("previousGeneration");
            copy.remove("previousVersionId");
          }
          kept.put(itemKey, copy);
        }
      });
      List<String> keptEvents = new ArrayList<>();
      for (String event : events) {
        try {
          ObjectNode node = (ObjectNode) JSON.readTree(event);
          if (!marker.equals(node.path("generation").asText())) {
            node.remove(List.of("replacedGeneration", "replacedVersionId"));
            keptEvents.add(node.toString());
          }
        } catch (java.io.IOException e) {
          keptEvents.add(event);
        }
      }
      return new FileState(key, generation, kept, rejects, keptEvents, dataKeys, unreadable);
    }

    boolean current() {
      return generation != null;
    }

    /**
     * How this state differs from {@code truth}: items missing, extra or with other attributes, the rejects report
     * and the file events. Names keys and attribute names only, never values.
     */
    List<String> differencesFrom(FileState truth) {
      List<String> differences = new ArrayList<>();
      Set<String> keys = new TreeSet<>(truth.items.keySet());
      keys.addAll(items.keySet());
      for (String itemKey : keys) {
        Map<String, String> expected = truth.items.get(itemKey);
        Map<String, String> actual = items.get(itemKey);
        if (actual == null) {
          differences.add("item " + itemKey + " missing");
        } else if (expected == null) {
          differences.add("item " + itemKey + " extra");
        } else if (!expected.equals(actual)) {
          Set<String> names = new TreeSet<>(expected.keySet());
          names.addAll(actual.keySet());
          names.removeIf(name -> java.util.Objects.equals(expected.get(name), actual.get(name)));
          differences.add("item " + itemKey + " differs in " + names);
        }
      }
      if (!java.util.Objects.equals(truth.rejects, rejects)) {
        differences.add(rejects == null ? "no rejects report" : truth.rejects == null ? "a rejects report where a clean run has none"
            : "rejects report differs (" + rejects.lines().count() + " lines, clean run " + truth.rejects.lines().count() + ")");
      }
      if (!truth.events.equals(events)) {
        differences.add(events.size() + " file events where a clean run publishes " + truth.events.size()
            + (events.size() == truth.events.size() ? " (with other content)" : ""));
      }
      unreadable.forEach(item -> differences.add("item " + item + " does not decrypt"));
      return differences;
    }
  }
}
