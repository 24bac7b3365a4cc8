package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.InspectionTaskCsv;
import io.qualityhub.sampling.domain.Period;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Writes each team's task list to {@code samples/<period>/<team>.csv} in the intake bucket, under its KMS key. */
public final class TaskLists {

  private final S3Client s3;
  private final String bucket;
  private final String kmsKeyArn;

  public TaskLists(S3Client s3, String bucket, String kmsKeyArn) {
    this.s3 = s3;
    this.bucket = bucket;
    this.kmsKeyArn = kmsKeyArn;
  }

  public static String keyOf(Period period, String team) {
    return "samples/" + period + "/" + team + ".csv";
  }

  /** @return the keys written, one per team with tasks */
  public List<String> write(Period period, Collection<InspectionTask> tasks) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, String> list : InspectionTaskCsv.byTeam(tasks).entrySet()) {
      String key = keyOf(period, list.getKey());
      s3.putObject(request -> request.bucket(bucket).key(key).contentType("text/csv; charset=utf-8")
              .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyArn).bucketKeyEnabled(true),
          RequestBody.fromString(list.getValue(), StandardCharsets.UTF_8));
      keys.add(key);
    }
    return keys;
  }

  /** {@code samples/<period>/repeat-violators.csv}, beside the task lists: the quality department's list. */
  public static String repeatViolatorsKeyOf(Period period) {
    return "samples/" + period + "/repeat-violators.csv";
  }

  /** Writes the period's repeat-violator list (header only when there are none) and returns its key. */
  public String writeRepeatViolators(Period period, String csv) {
    String key = repeatViolatorsKeyOf(period);
    s3.putObject(request -> request.bucket(bucket).key(key).contentType("text/csv; charset=utf-8")
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyArn).bucketKeyEnabled(true),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    return key;
  }
}
