package io.qualityhub.local;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor;

/**
 * The service name a function's log lines carry, as {@code POWERTOOLS_SERVICE_NAME} in template.yaml gives it on
 * Lambda. The local run hosts every function in one process, where Powertools reads that variable once, at start;
 * so each local invocation sets the name Powertools took from it (for handlers entered through
 * {@code handleRequest}) and the log context's {@code service} (for the demo's direct calls), and restores both after.
 */
final class LocalService {

  private static final String SERVICE_VARIABLE = "POWERTOOLS_SERVICE_NAME";
  private static final String LOG_FIELD = "service";

  private static volatile Function<String, Optional<String>> serviceNames = functionLogicalId -> Optional.empty();

  private LocalService() {}

  /** Service names from now on come from these resources' function environments. */
  static void namedBy(StackResources resources) {
    serviceNames = functionLogicalId -> {
      try {
        return Optional.ofNullable(resources.functionEnvironment(functionLogicalId).get(SERVICE_VARIABLE));
      } catch (IllegalStateException e) {
        return Optional.empty(); // not a function of the template: its lines keep Powertools' default
      }
    };
  }

  /** Runs one invocation of the function with its template's service name. */
  static <T> T invoke(String functionLogicalId, Supplier<T> invocation) {
    Optional<String> service = serviceNames.apply(functionLogicalId);
    if (service.isEmpty()) {
      return invocation.get();
    }
    String before = LambdaHandlerProcessor.serviceName();
    setPowertoolsServiceName(service.get());
    MDC.put(LOG_FIELD, service.get());
    try {
      return invocation.get();
    } finally {
      MDC.remove(LOG_FIELD);
      setPowertoolsServiceName(before);
    }
  }

  private static void setPowertoolsServiceName(String serviceName) {
    try {
      Field field = LambdaHandlerProcessor.class.getDeclaredField("serviceName");
      field.setAccessible(true);
      field.set(null, serviceName);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this Powertools version keeps its service name elsewhere than "
          + "LambdaHandlerProcessor.serviceName; adapt LocalService to it", e);
    }
  }
}
