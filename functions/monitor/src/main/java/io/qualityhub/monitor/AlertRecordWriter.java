package io.qualityhub.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.deadlines.AlertRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The machine-readable record of a run: {@code alerts/{date}/{runId}.json} in the intake bucket,
 * under the bucket's key. It lists, per recipient, level, item type and branch, the ids the run told
 * by e-mail and on the topic, over all its attempts (read from the claims it holds), with the
 * attempt's counts, missing recipients and problems. A retry rewrites it whole; the bucket keeps the
 * earlier version.
 */
final class AlertRecordWriter {

  static final String PREFIX = "alerts/";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final S3Client s3;
  private final String bucket;
  private final String kmsKeyArn;
  private final ZoneId zone;

  AlertRecordWriter(S3Client s3, String bucket, String kmsKeyArn, ZoneId zone) {
    this.s3 = s3;
    this.bucket = bucket;
    this.kmsKeyArn = kmsKeyArn;
    this.zone = zone;
  }

  /** The key of a run's record: by the company-time date of its as-of instant. */
  String keyFor(String runId, Instant asOf) {
    return PREFIX + asOf.atZone(zone).toLocalDate() + "/" + runId + ".json";
  }

  void write(MonitorRun run, List<AlertRecord> emails, List<AlertRecord> topic) {
    byte[] body = json(run, emails, topic);
    s3.putObject(request -> request
            .bucket(bucket)
            .key(run.alertRecordKey())
            .contentType("application/json")
            .serverSideEncryption(ServerSideEncryption.AWS_KMS)
            .ssekmsKeyId(kmsKeyArn)
            .bucketKeyEnabled(true),
        RequestBody.fromBytes(body));
  }

  static byte[] json(MonitorRun run, List<AlertRecord> emails, List<AlertRecord> topic) {
    ObjectNode record = JSON.createObjectNode()
        .put("runId", run.runId())
        .put("asOf", run.asOf().toString())
        .put("scope", run.scope().wireName())
        .put("policyVersion", run.policyVersion());
    record.set("counts", JSON.valueToTree(run.counts()));
    records(record.putArray("emails"), emails);
    records(record.putArray("topic"), topic);
    run.missingRecipients().forEach(record.putArray("missingRecipients")::add);
    run.problems().forEach(record.putArray("problems")::add);
    try {
      return JSON.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert record of strings and numbers could not be written as JSON", e);
    }
  }

  private static void records(ArrayNode array, List<AlertRecord> records) {
    for (AlertRecord alert : records) {
      ObjectNode entry = array.addObject()
          .put("level", alert.level())
          .put("recipient", alert.recipient())
          .put("itemType", alert.itemType())
          .put("clock", alert.clock())
          .put("branch", alert.branch());
      alert.itemIds().forEach(entry.putArray("itemIds")::add);
    }
  }
}
