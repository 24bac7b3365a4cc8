package io.qualityhub.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * How {@code rekey}, {@code reseal} and {@code erase} run their function: on a deployed stack ({@code --stack}) the command line
 * invokes it and waits for its answer, with the caller's credentials, which need {@code lambda:InvokeFunction} and
 * nothing more (KeyOperatorAccessPolicy); on the emulator, where functions run only when the command line runs them,
 * the same handler runs here with the function's environment from template.yaml.
 */
final class MaintenanceFunctions {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The functions' timeout in template.yaml. */
  private static final int TIMEOUT_MILLIS = 900_000;

  private MaintenanceFunctions() {}

  /** @throws FunctionFailedException when the function answered with an error; its message says what and why */
  static Map<String, Object> call(LocalDeployment local, String functionLogicalId, Map<String, Object> event,
      BiFunction<Settings, AwsClients, RequestHandler<Map<String, Object>, Map<String, Object>>> handler) {
    if (local.functionsRunLocally()) {
      return handler.apply(local.settingsOf(functionLogicalId), local.clientsFor(functionLogicalId))
          .handleRequest(event, LocalContext.forFunction(functionLogicalId, TIMEOUT_MILLIS));
    }
    return invokeOnStack(local, functionLogicalId, event);
  }

  /**
   * Invokes the stack's function and waits for its answer.
   *
   * @throws FunctionFailedException when the function answered with an error; its message says what and why
   */
  static Map<String, Object> invokeOnStack(LocalDeployment local, String functionLogicalId, Map<String, ?> event) {
    String function = local.physicalId(functionLogicalId);
    // A synchronous invoke answers when the function is done, up to its timeout: the shared client's 30-second read
    // timeout would give up first. Not retried: a retry would start a second run beside the first (both are
    // resumable, but the answer would be the second run's).
    Duration wait = Duration.ofMillis(TIMEOUT_MILLIS).plusMinutes(1);
    try (SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(wait).build();
        LambdaClient lambda = local.clients().configure(LambdaClient.builder()).httpClient(http)
            .overrideConfiguration(configuration -> configuration.apiCallTimeout(wait).retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      InvokeResponse response = lambda.invoke(request -> request.functionName(function).payload(SdkBytes.fromByteArray(write(event))));
      Map<String, Object> answer = read(response.payload().asByteArray());
      if (response.functionError() != null) {
        throw new FunctionFailedException(functionLogicalId + " (" + function + ") failed: " + answer.getOrDefault("errorMessage",
            response.functionError()) + " (its log group names the request; run the command again once the cause is gone)");
      }
      return answer;
    }
  }

  /** The function ran and answered with an error. */
  static final class FunctionFailedException extends RuntimeException {
    FunctionFailedException(String message) {
      super(message);
    }
  }

  private static byte[] write(Map<String, ?> event) {
    try {
      return JSON.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException("a map of strings always writes as JSON", e);
    }
  }

  private static Map<String, Object> read(byte[] payload) {
    try {
      return JSON.readValue(payload, new TypeReference<Map<String, Object>>() { });
    } catch (IOException e) {
      throw new IllegalStateException("the function answered with something other than a JSON object (" + payload.length
          + " bytes)", e);
    }
  }
}
