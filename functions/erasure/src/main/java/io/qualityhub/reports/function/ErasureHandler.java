package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.store.ErasureResult;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The erasure function: one customer's erasure request ({@link ErasureRequest}), invoked by {@code qualityhub erase
 * --stack} with the customer-data role, which may invoke it and do nothing else of an erasure. Its own role alone
 * may rewrite the raw uploads that hold the customer and derive the seal key for the states it cleans. Answers
 * {@link ErasureResponse}; an erasure whose rewritten uploads intake has not taken yet answers {@code completed:
 * false} and is finished by invoking it again. Never logs a value.
 */
public final class ErasureHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(ErasureHandler.class);
  static final String SOURCE = "erasure-function";

  private final ErasureService service;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public ErasureHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by tests, with the emulator's clients; intake takes the rewritten uploads when its queue is delivered. */
  public ErasureHandler(Settings settings, AwsClients clients, Clock clock) {
    this(ErasureService.of(settings, clients, clock, () -> { },
        failure -> LOG.error("stored record failed its integrity check", entry("item", failure.getMessage())),
        SOURCE, "qualityhub erasure function"));
  }

  ErasureHandler(ErasureService service) {
    this.service = service;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  public Map<String, Object> handle(Map<String, Object> event) {
    ErasureRequest request = ErasureRequest.fromEvent(event);
    ErasureResult result = service.erase(request);
    LOG.info("erasure {}", result.completed() ? "completed" : "awaiting intake", entry("requestId", result.requestId()),
        entry("identifiers", request.identifierColumns()), entry("requestedBy", request.requestedBy()),
        entry("itemsErased", result.itemsErased()), entry("linkedItemsErased", result.linkedItemsErased()),
        entry("uploadsRewritten", result.uploadsRewritten()), entry("uploadVersionsDeleted", result.uploadVersionsDeleted()),
        entry("uploadsAwaitingIntake", result.uploadsAwaitingIntake().size()));
    return ErasureResponse.of(result);
  }
}
