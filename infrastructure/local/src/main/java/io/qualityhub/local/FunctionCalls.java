package io.qualityhub.local;

import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * The IAM actions each function's handler takes in a local run, as its AWS requests imply them. moto enforces no
 * IAM, so this record is how a test holds the functions' policies in template.yaml to what the code really calls.
 */
public final class FunctionCalls {

  private final Map<String, Set<String>> actionsByFunction = new ConcurrentHashMap<>();

  /** An interceptor for one function's clients that records the IAM action behind each request. */
  ExecutionInterceptor recorderFor(String functionLogicalId) {
    Set<String> actions = actionsByFunction.computeIfAbsent(functionLogicalId, ignored -> ConcurrentHashMap.newKeySet());
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        actions.addAll(iamActions(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
      }
    };
  }

  /** Every function's recorded actions, sorted. */
  public Map<String, Set<String>> actions() {
    Map<String, Set<String>> copy = new TreeMap<>();
    actionsByFunction.forEach((function, actions) -> copy.put(function, new TreeSet<>(actions)));
    return copy;
  }

  /**
   * The IAM actions a request needs, where they differ from its operation name: S3 reads of a version need
   * {@code GetObjectVersion}, a transaction needs the action of each item it holds, batch SQS calls the single one.
   */
  static Set<String> iamActions(String service, String operation, Object request) {
    String prefix = switch (service) {
      case "DynamoDb" -> "dynamodb";
      case "SesV2" -> "ses";
      default -> service.toLowerCase(java.util.Locale.ROOT);
    };
    Set<String> actions = new TreeSet<>();
    switch (request) {
      case TransactWriteItemsRequest transaction -> transaction.transactItems().forEach(item -> actions.add(
          "dynamodb:" + transactionAction(item)));
      case TransactGetItemsRequest ignored -> actions.add("dynamodb:GetItem");
      case GetObjectRequest get -> actions.add(get.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion");
      case HeadObjectRequest head -> actions.add(head.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion");
      case DeleteObjectRequest delete -> actions.add(delete.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion");
      // IAM authorises one ReEncrypt call twice: from the source key and to the destination key.
      case ReEncryptRequest ignored -> actions.addAll(List.of("kms:ReEncryptFrom", "kms:ReEncryptTo"));
      case null, default -> actions.add(prefix + ":" + switch (operation) {
        case "SendMessageBatch" -> "SendMessage";
        case "DeleteMessageBatch" -> "DeleteMessage";
        case "PublishBatch" -> "Publish";
        case "ListObjectsV2" -> "ListBucket";
        case "ListObjectVersions" -> "ListBucketVersions";
        default -> operation;
      });
    }
    return actions;
  }

  private static String transactionAction(TransactWriteItem item) {
    if (item.put() != null) {
      return "PutItem";
    }
    if (item.update() != null) {
      return "UpdateItem";
    }
    if (item.delete() != null) {
      return "DeleteItem";
    }
    return "ConditionCheckItem";
  }
}
