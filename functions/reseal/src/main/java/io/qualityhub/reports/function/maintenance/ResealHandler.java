package io.qualityhub.reports.function.maintenance;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.core.metrics.ItemsRefusedMetric;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.SealKey;
import io.qualityhub.reports.function.AuditTrail;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The re-seal function, invoked once by {@code qualityhub reseal --stack NAME} after the upgrade that brought seals
 * ({@link ResealPass}): {@code {"requestedBy": ARN}} in, the pass's counts out.
 */
public final class ResealHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(ResealHandler.class);

  private final ResealPass pass;

  public ResealHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment());
  }

  public ResealHandler(Settings settings, AwsClients clients) {
    byte[] sealKey = SealKey.derive(clients.kms(), settings.required(SealKey.KEY_VARIABLE));
    this.pass = new ResealPass(clients.dynamoDb(), new ItemSeal(settings.required("RECORDS_TABLE"), sealKey),
        new ItemSeal(settings.required("REPORTS_TABLE"), sealKey), new ItemsRefusedMetric(),
        new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE")), Clock.systemUTC(), "reseal-function");
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      ResealOutcome outcome = pass.run(Requester.of(input));
      LOG.info("re-seal pass", entry("sealed", outcome.sealed()), entry("alreadySealed", outcome.alreadySealed()),
          entry("refused", outcome.refused()), entry("leftUnsealed", outcome.leftUnsealed()),
          entry("completedAt", outcome.completedAt().toString()));
      FunctionMetrics.publish("ItemsResealed", outcome.sealed());
      return outcome.toResponse();
    });
  }
}
