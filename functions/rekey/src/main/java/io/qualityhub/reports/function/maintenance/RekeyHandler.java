package io.qualityhub.reports.function.maintenance;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.DataKeyRewrapper;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.reports.function.AuditTrail;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The rekey function, invoked by {@code qualityhub rekey --stack NAME} (the key operator may invoke it and nothing
 * more): {@code {"fromKey": ARN, "requestedBy": ARN}} in, {@code {"fromKey", "toKey", "rewrapped", "alreadyThere"}}
 * out. Its role is the only principal that holds {@code kms:ReEncryptFrom} (template rule QH.KMS.2).
 */
public final class RekeyHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(RekeyHandler.class);

  private final RekeyService service;

  public RekeyHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment());
  }

  public RekeyHandler(Settings settings, AwsClients clients) {
    String recordsTable = settings.required("RECORDS_TABLE");
    this.service = new RekeyService(fromKey -> new DataKeyRewrapper(clients.dynamoDb(), recordsTable,
            new KmsDataKeySource(clients.kms(), fromKey), fromKey),
        settings.required("DATA_KEY_ARN"), new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE")),
        Clock.systemUTC(), "rekey-function");
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      RekeyOutcome outcome = service.rekey(RekeyRequest.of(input));
      LOG.info("record data keys re-wrapped", entry("fromKey", outcome.fromKey()), entry("toKey", outcome.toKey()),
          entry("rewrapped", outcome.rewrapped()), entry("alreadyThere", outcome.alreadyThere()));
      FunctionMetrics.publish("DataKeysRewrapped", outcome.rewrapped());
      return outcome.toResponse();
    });
  }
}
