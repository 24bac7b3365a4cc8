package io.qualityhub.local;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The authorisations each function's handler needed in a local run (action, resource ARN, condition keys), as
 * its AWS requests imply them. moto enforces no IAM, so this record is how a test holds the functions' policies
 * in template.yaml to what the code really calls, resource by resource.
 */
public final class FunctionCalls {

  private final Map<String, Set<IamRequest>> requestsByFunction = new ConcurrentHashMap<>();
  private final Set<String> untranslated = ConcurrentHashMap.newKeySet();
  private final IamRequests translation;

  FunctionCalls(IamRequests translation) {
    this.translation = translation;
  }

  /**
   * An interceptor for one function's clients that records what each request needs. A request that fails
   * (a condition not met, a throttle) was still authorised first, so it is recorded too.
   */
  ExecutionInterceptor recorderFor(String functionLogicalId) {
    Set<IamRequest> requests = requestsByFunction.computeIfAbsent(functionLogicalId, ignored -> ConcurrentHashMap.newKeySet());
    return new ExecutionInterceptor() {
      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), Optional.of(context.response()), attributes);
      }

      @Override
      public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(context.request(), context.response().map(SdkResponse.class::cast), attributes);
      }

      /** Never fails the function's request: what cannot be translated is kept for the check to report. */
      private void record(SdkRequest request, Optional<SdkResponse> response, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        try {
          requests.addAll(translation.of(service, operation, request, response));
        } catch (RuntimeException e) {
          untranslated.add(functionLogicalId + " " + service + "." + operation + ": " + e);
        }
      }
    };
  }

  /** The requests whose authorisation could not be worked out, each with why: a check must fail on any. */
  public Set<String> untranslated() {
    return Set.copyOf(untranslated);
  }

  /** Every function's recorded authorisations, by function. */
  public Map<String, Set<IamRequest>> requests() {
    Map<String, Set<IamRequest>> copy = new TreeMap<>();
    requestsByFunction.forEach((function, requests) -> copy.put(function, Set.copyOf(requests)));
    return copy;
  }
}
