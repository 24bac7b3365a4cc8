package io.qualityhub.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * What IAM authorises for an SDK request: the action (which is not always the operation: reading a version is
 * {@code s3:GetObjectVersion}, a transaction is one action per item, a batch send is {@code sqs:SendMessage}),
 * the resource ARN (bucket and key, table and index, key, queue, topic, identity, role) and the condition keys
 * the request sets. What a service does on the caller's behalf (S3 asking KMS for a data key) is not here: it
 * follows from the resource's configuration, which the template holds.
 */
public final class IamRequests {

  private static final Pattern NAME_TOKEN = Pattern.compile("(?<![:.#\\w])(#?[A-Za-z_][A-Za-z0-9_]*)(\\s*\\()?");
  private static final Set<String> EXPRESSION_WORDS = Set.of("set", "remove", "add", "delete", "and", "or", "not",
      "between", "in");

  private final String region;
  private final String account;
  private final Map<String, String> hashKeys;

  /**
   * @param hashKeys the partition key attribute of each table and index, by table name and by
   *     {@code table/index/name}: what {@code dynamodb:LeadingKeys} reads
   */
  public IamRequests(String region, String account, Map<String, String> hashKeys) {
    this.region = region;
    this.account = account;
    this.hashKeys = Map.copyOf(hashKeys);
  }

  /** The authorisations a request needs; the response, when there is one, names the key a ciphertext was under. */
  public List<IamRequest> of(String service, String operation, SdkRequest request, Optional<SdkResponse> response) {
    return switch (service) {
      case "S3" -> s3(operation, request);
      case "DynamoDb" -> dynamoDb(operation, request);
      case "Kms" -> operation.equals("ReEncrypt") ? reEncrypt(request, response) : List.of(kms(operation, request, response));
      case "Sqs" -> List.of(sqs(operation, request));
      case "Sns" -> List.of(IamRequest.of("sns:" + (operation.equals("PublishBatch") ? "Publish" : operation),
          field(request, "TopicArn").orElse("*")));
      case "SesV2" -> List.of(ses(operation, request));
      case "Sts" -> sts(operation, request);
      default -> List.of(IamRequest.of(service.toLowerCase(Locale.ROOT) + ":" + operation, "*"));
    };
  }

  private List<IamRequest> s3(String operation, SdkRequest request) {
    String bucket = field(request, "Bucket").orElse("*");
    Optional<String> key = field(request, "Key");
    boolean version = field(request, "VersionId").isPresent();
    String object = "arn:aws:s3:::" + bucket + "/" + key.orElse("");
    return switch (request) {
      case PutObjectRequest put when put.objectLockModeAsString() != null || put.objectLockRetainUntilDate() != null ->
          List.of(putObject(put, object), IamRequest.of("s3:PutObjectRetention", object));
      case PutObjectRequest put -> List.of(putObject(put, object));
      case CopyObjectRequest copy -> List.of(
          IamRequest.of(copy.sourceVersionId() == null ? "s3:GetObject" : "s3:GetObjectVersion",
              "arn:aws:s3:::" + copy.sourceBucket() + "/" + copy.sourceKey()),
          IamRequest.of("s3:PutObject", "arn:aws:s3:::" + copy.destinationBucket() + "/" + copy.destinationKey()));
      case DeleteObjectsRequest delete -> delete.delete().objects().stream().map(each -> IamRequest.of(
          each.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
          "arn:aws:s3:::" + bucket + "/" + each.key())).toList();
      default -> switch (operation) {
        case "GetObject", "HeadObject" -> List.of(IamRequest.of(version ? "s3:GetObjectVersion" : "s3:GetObject", object));
        case "DeleteObject" -> List.of(IamRequest.of(version ? "s3:DeleteObjectVersion" : "s3:DeleteObject", object));
        case "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" -> List.of(IamRequest.of("s3:PutObject", object));
        case "ListObjectsV2", "ListObjects" -> List.of(listing("s3:ListBucket", bucket, request));
        case "ListObjectVersions" -> List.of(listing("s3:ListBucketVersions", bucket, request));
        default -> List.of(IamRequest.of("s3:" + operation, key.isPresent() ? object : "arn:aws:s3:::" + bucket));
      };
    };
  }

  /** S3 also asks for s3:PutObjectRetention when a put sets an Object Lock retention of its own. */
  private static IamRequest putObject(PutObjectRequest put, String object) {
    return new IamRequest("s3:PutObject", object, present(Map.of(
        "s3:x-amz-server-side-encryption", Optional.ofNullable(put.serverSideEncryptionAsString()),
        "s3:x-amz-server-side-encryption-aws-kms-key-id", Optional.ofNullable(put.ssekmsKeyId()),
        "s3:x-amz-server-side-encryption-customer-algorithm", Optional.ofNullable(put.sseCustomerAlgorithm()),
        "s3:object-lock-mode", Optional.ofNullable(put.objectLockModeAsString()))));
  }

  private static IamRequest listing(String action, String bucket, SdkRequest request) {
    return new IamRequest(action, "arn:aws:s3:::" + bucket, present(Map.of("s3:prefix", field(request, "Prefix"))));
  }

  private List<IamRequest> dynamoDb(String operation, SdkRequest request) {
    return switch (request) {
      case GetItemRequest get -> List.of(item("dynamodb:GetItem", get.tableName(), get.key(),
          names(get.expressionAttributeNames(), get.projectionExpression()), null));
      case PutItemRequest put -> List.of(item("dynamodb:PutItem", put.tableName(), put.item(),
          union(put.item().keySet(), names(put.expressionAttributeNames(), put.conditionExpression())),
          put.returnValuesAsString()));
      case UpdateItemRequest update -> List.of(item("dynamodb:UpdateItem", update.tableName(), update.key(),
          union(update.key().keySet(), names(update.expressionAttributeNames(), update.updateExpression(),
              update.conditionExpression())), update.returnValuesAsString()));
      case DeleteItemRequest delete -> List.of(item("dynamodb:DeleteItem", delete.tableName(), delete.key(),
          union(delete.key().keySet(), names(delete.expressionAttributeNames(), delete.conditionExpression())),
          delete.returnValuesAsString()));
      case QueryRequest query -> List.of(query(query));
      case ScanRequest scan -> List.of(read("dynamodb:Scan", scan.tableName(), scan.indexName(), List.of(),
          names(scan.expressionAttributeNames(), scan.projectionExpression()), scan.selectAsString()));
      case BatchGetItemRequest batch -> batch.requestItems().entrySet().stream().map(table -> new IamRequest(
          "dynamodb:BatchGetItem", tableArn(table.getKey(), null), present(Map.of(
              "dynamodb:LeadingKeys", nonEmpty(table.getValue().keys().stream()
                  .map(key -> leadingKey(table.getKey(), null, key)).distinct().toList()),
              "dynamodb:Attributes", nonEmpty(names(table.getValue().expressionAttributeNames(),
                  table.getValue().projectionExpression())))))).toList();
      case BatchWriteItemRequest batch -> batch.requestItems().entrySet().stream().map(table -> new IamRequest(
          "dynamodb:BatchWriteItem", tableArn(table.getKey(), null), present(Map.of(
              "dynamodb:LeadingKeys", nonEmpty(table.getValue().stream()
                  .map(write -> leadingKey(table.getKey(), null,
                      write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key()))
                  .distinct().toList()))))).toList();
      case TransactWriteItemsRequest transaction -> transaction.transactItems().stream().map(this::transactionItem).toList();
      case TransactGetItemsRequest transaction -> transaction.transactItems().stream().map(each -> item("dynamodb:GetItem",
          each.get().tableName(), each.get().key(), names(each.get().expressionAttributeNames(),
              each.get().projectionExpression()), null)).toList();
      default -> List.of(IamRequest.of("dynamodb:" + operation, tableArn(field(request, "TableName").orElse("*"), null)));
    };
  }

  private IamRequest transactionItem(TransactWriteItem item) {
    if (item.put() != null) {
      Put put = item.put();
      return item("dynamodb:PutItem", put.tableName(), put.item(),
          union(put.item().keySet(), names(put.expressionAttributeNames(), put.conditionExpression())), null);
    }
    if (item.update() != null) {
      Update update = item.update();
      return item("dynamodb:UpdateItem", update.tableName(), update.key(), union(update.key().keySet(),
          names(update.expressionAttributeNames(), update.updateExpression(), update.conditionExpression())), null);
    }
    if (item.delete() != null) {
      Delete delete = item.delete();
      return item("dynamodb:DeleteItem", delete.tableName(), delete.key(),
          union(delete.key().keySet(), names(delete.expressionAttributeNames(), delete.conditionExpression())), null);
    }
    ConditionCheck check = item.conditionCheck();
    return item("dynamodb:ConditionCheckItem", check.tableName(), check.key(),
        union(check.key().keySet(), names(check.expressionAttributeNames(), check.conditionExpression())), null);
  }

  private IamRequest item(String action, String table, Map<String, AttributeValue> key, Set<String> attributes,
      String returnValues) {
    return new IamRequest(action, tableArn(table, null), present(Map.of(
        "dynamodb:LeadingKeys", nonEmpty(List.of(leadingKey(table, null, key))),
        "dynamodb:Attributes", nonEmpty(attributes),
        "dynamodb:ReturnValues", Optional.ofNullable(returnValues).map(List::of))));
  }

  private IamRequest query(QueryRequest query) {
    String hashKey = hashKey(query.tableName(), query.indexName());
    List<String> leading = new ArrayList<>();
    if (query.keyConditionExpression() != null) {
      Matcher equality = Pattern.compile("(#?[A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(:[A-Za-z0-9_]+)")
          .matcher(query.keyConditionExpression());
      while (equality.find()) {
        String name = equality.group(1).startsWith("#")
            ? query.expressionAttributeNames().get(equality.group(1)) : equality.group(1);
        if (hashKey.equals(name)) {
          leading.add(text(query.expressionAttributeValues().get(equality.group(2))));
        }
      }
    }
    return read("dynamodb:Query", query.tableName(), query.indexName(), leading,
        names(query.expressionAttributeNames(), query.projectionExpression()), query.selectAsString());
  }

  private IamRequest read(String action, String table, String index, List<String> leading, Set<String> attributes,
      String select) {
    return new IamRequest(action, tableArn(table, index), present(Map.of(
        "dynamodb:LeadingKeys", nonEmpty(leading),
        "dynamodb:Attributes", nonEmpty(attributes),
        "dynamodb:Select", Optional.ofNullable(select).map(List::of))));
  }

  private String leadingKey(String table, String index, Map<String, AttributeValue> key) {
    return text(key.get(hashKey(table, index)));
  }

  private String hashKey(String table, String index) {
    String where = index == null ? table : table + "/index/" + index;
    String name = hashKeys.get(where);
    if (name == null) {
      throw new IllegalStateException("no partition key known for " + where + "; known: " + hashKeys.keySet());
    }
    return name;
  }

  private String tableArn(String table, String index) {
    return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table + (index == null ? "" : "/index/" + index);
  }

  /** Top-level attribute names an expression reads or writes: {@code #placeholders} resolved, nested paths cut. */
  static Set<String> names(Map<String, String> placeholders, String... expressions) {
    Set<String> names = new LinkedHashSet<>();
    for (String expression : expressions) {
      if (expression == null) {
        continue;
      }
      Matcher token = NAME_TOKEN.matcher(expression);
      while (token.find()) {
        String word = token.group(1);
        boolean function = token.group(2) != null;
        if (function || EXPRESSION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
          continue;
        }
        names.add(word.startsWith("#") ? placeholders.getOrDefault(word, word) : word);
      }
    }
    return names;
  }

  private IamRequest kms(String operation, SdkRequest request, Optional<SdkResponse> response) {
    String keyId = response.filter(DecryptResponse.class::isInstance).map(each -> ((DecryptResponse) each).keyId())
        .or(() -> field(request, "KeyId")).orElse("*");
    return new IamRequest("kms:" + operation, keyArn(keyId), kmsContext(request, "EncryptionContext"));
  }

  /** One ReEncrypt is authorised twice: {@code ReEncryptFrom} on the source key, {@code ReEncryptTo} on the destination. */
  private List<IamRequest> reEncrypt(SdkRequest request, Optional<SdkResponse> response) {
    String sourceKeyId = response.filter(ReEncryptResponse.class::isInstance)
        .map(each -> ((ReEncryptResponse) each).sourceKeyId()).or(() -> field(request, "SourceKeyId")).orElse("*");
    String destinationKeyId = field(request, "DestinationKeyId").orElse("*");
    return List.of(
        new IamRequest("kms:ReEncryptFrom", keyArn(sourceKeyId), kmsContext(request, "SourceEncryptionContext")),
        new IamRequest("kms:ReEncryptTo", keyArn(destinationKeyId), kmsContext(request, "DestinationEncryptionContext")));
  }

  private Map<String, List<String>> kmsContext(SdkRequest request, String encryptionContextField) {
    Map<String, List<String>> context = new LinkedHashMap<>();
    context.put("kms:CallerAccount", List.of(account));
    request.getValueForField(encryptionContextField, Map.class).ifPresent(encryption -> {
      @SuppressWarnings("unchecked")
      Map<String, String> pairs = (Map<String, String>) encryption;
      pairs.forEach((key, value) -> context.put("kms:EncryptionContext:" + key, List.of(value)));
      if (!pairs.isEmpty()) {
        context.put("kms:EncryptionContextKeys", List.copyOf(pairs.keySet()));
      }
    });
    return context;
  }

  private String keyArn(String keyId) {
    if (keyId.startsWith("arn:") || keyId.equals("*")) {
      return keyId;
    }
    return "arn:aws:kms:" + region + ":" + account + ":" + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
  }

  private IamRequest sqs(String operation, SdkRequest request) {
    String action = switch (operation) {
      case "SendMessageBatch" -> "SendMessage";
      case "DeleteMessageBatch" -> "DeleteMessage";
      case "ChangeMessageVisibilityBatch" -> "ChangeMessageVisibility";
      default -> operation;
    };
    String name = field(request, "QueueUrl").map(url -> url.substring(url.lastIndexOf('/') + 1))
        .or(() -> field(request, "QueueName")).orElse("*");
    return IamRequest.of("sqs:" + action, "arn:aws:sqs:" + region + ":" + account + ":" + name);
  }

  private IamRequest ses(String operation, SdkRequest request) {
    String from = field(request, "FromEmailAddress").map(IamRequests::address).orElse("*");
    return new IamRequest("ses:" + operation, "arn:aws:ses:" + region + ":" + account + ":identity/" + from,
        Map.of("ses:FromAddress", List.of(from)));
  }

  private List<IamRequest> sts(String operation, SdkRequest request) {
    if (!operation.equals("AssumeRole")) {
      return List.of(IamRequest.of("sts:" + operation, "*"));
    }
    String role = field(request, "RoleArn").orElse("*");
    Map<String, List<String>> context = new LinkedHashMap<>();
    field(request, "RoleSessionName").ifPresent(name -> context.put("sts:RoleSessionName", List.of(name)));
    List<?> tags = request.getValueForField("Tags", List.class).orElse(List.of());
    List<String> tagKeys = new ArrayList<>();
    for (Object tag : tags) {
      software.amazon.awssdk.services.sts.model.Tag each = (software.amazon.awssdk.services.sts.model.Tag) tag;
      context.put("aws:RequestTag/" + each.key(), List.of(each.value()));
      tagKeys.add(each.key());
    }
    if (tagKeys.isEmpty()) {
      return List.of(new IamRequest("sts:AssumeRole", role, context));
    }
    context.put("aws:TagKeys", tagKeys);
    return List.of(new IamRequest("sts:AssumeRole", role, context), new IamRequest("sts:TagSession", role, context));
  }

  /** The address of {@code "Name <a@b>"} or of a bare address. */
  private static String address(String from) {
    int open = from.lastIndexOf('<');
    return open < 0 ? from.strip() : from.substring(open + 1, from.indexOf('>', open)).strip();
  }

  private static Optional<String> field(SdkRequest request, String name) {
    return request.getValueForField(name, String.class);
  }

  private static String text(AttributeValue value) {
    if (value == null) {
      return "";
    }
    return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
  }

  /** The values sorted (IAM's multivalued keys are sets), or nothing when there are none. */
  private static Optional<List<String>> nonEmpty(java.util.Collection<String> values) {
    return values.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(new java.util.TreeSet<>(values)));
  }

  private static Map<String, List<String>> present(Map<String, Optional<?>> keys) {
    Map<String, List<String>> present = new LinkedHashMap<>();
    keys.forEach((key, value) -> value.ifPresent(each -> present.put(key, each instanceof List<?> list
        ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(each)))));
    return present;
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return all;
  }
}
