package io.qualityhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.local.S3NotificationEvents;
import io.qualityhub.local.generate.SampleDataGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * KMS requests for writing and for reading back encrypted rows, on the local emulator: one
 * generated claims file through the real intake handler, then every stored row read back, its
 * integrity tag checked and its sensitive fields decrypted. KMS calls must follow files, not rows.
 */
public final class ReadBackBenchmark {

  private static final String KEY = "incoming/TPE-01/2026-11-23/claims.csv";
  private static final String FILE_ID = "TPE-01#claims#2026-11-23";

  private ReadBackBenchmark() {}

  public static Map<String, String> run(Path projectRoot, int rows, PrintStream progress) throws IOException {
    Path file = Files.createTempFile("qualityhub-readback-", ".csv");
    try (LocalDeployment local = LocalDeployment.open(projectRoot, Optional.empty())) {
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        SampleDataGenerator.writeClaims(out, rows, 5, 0.0);
      }
      String bucket = local.physicalId("IntakeBucket");
      local.clients().s3().putObject(request -> request.bucket(bucket).key(KEY)
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")), RequestBody.fromFile(file));

      AtomicLong kms = new AtomicLong();
      AwsClients counted = local.clients().withInterceptors(new ExecutionInterceptor() {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
          if ("KMS".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            kms.incrementAndGet();
          }
        }
      });
      progress.println("writing " + rows + " claims rows through intake (the emulator stores ~3,000 items/s)...");
      PrintStream console = System.out;
      System.setOut(new PrintStream(PrintStream.nullOutputStream()));
      List<FileOutcome> outcomes = new ArrayList<>();
      SQSBatchResponse response;
      try {
        response = new IntakeHandler(local.settingsOf("IntakeFunction"), counted, outcomes::add)
            .handleRequest(S3NotificationEvents.objectCreatedEvent(bucket, KEY), null);
      } finally {
        System.setOut(console);
      }
      if (!response.getBatchItemFailures().isEmpty() || outcomes.size() != 1
          || outcomes.getFirst().status() != FileStatus.PROCESSED) {
        throw new IllegalStateException("the benchmark file was not processed, so no figure is printed: " + outcomes.stream().map(FileOutcome::status).toList());
      }
      long written = kms.getAndSet(0);

      progress.println("reading every row back...");
      String table = local.physicalId("RecordsTable");
      RecordDecryptor decryptor = new RecordDecryptor(counted.dynamoDb(), table,
          new KmsDataKeySource(counted.kms(), local.attribute("DataKey", "Arn")), failure -> { throw failure; });
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long readRows = 0;
      long fields = 0;
      long cpuNanos = 0;
      for (Map<String, AttributeValue> item : local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)
          .filterExpression("fileId = :f AND begins_with(pk, :rec) AND sk <> :state")
          .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(FILE_ID), ":rec", AttributeValue.fromS("REC#"),
              ":state", AttributeValue.fromS("STATE")))).items()) {
        long before = threads.getCurrentThreadCpuTime();
        fields += decryptor.sensitiveValues(item).size();
        cpuNanos += threads.getCurrentThreadCpuTime() - before;
        readRows++;
      }
      long read = kms.get();
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("rows_written", Integer.toString(rows));
      figures.put("rows_read_back", Long.toString(readRows));
      figures.put("kms_requests_writing", Long.toString(written));
      figures.put("kms_requests_reading", Long.toString(read));
      figures.put("kms_requests_per_100k_rows_written", String.format("%.2f", written * 100_000.0 / rows));
      figures.put("kms_requests_per_100k_rows_read", String.format("%.2f", read * 100_000.0 / Math.max(1, readRows)));
      figures.put("read_cpu_us_per_row_tag_check_and_decrypt", String.format("%.1f", cpuNanos / 1000.0 / Math.max(1, readRows)));
      figures.put("sensitive_fields_decrypted", Long.toString(fields));
      return figures;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
