package io.qualityhub.core.aws;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Failures of AWS itself that pass with time, and that the SDK's own retries did not outlast: throttling, a service's
 * server error (5xx), a connection that broke. They say nothing about the data being processed, so a service that
 * counts attempts against its input (intake gives a file up after three) must not count them.
 */
public final class PassingFailures {

  private static final int FIRST_SERVER_ERROR = 500;

  private PassingFailures() {}

  /** True when {@code failure}, or any failure it was caused by, is one of AWS's passing failures. */
  public static boolean isPassing(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AwsServiceException service
          && (service.isThrottlingException() || service.statusCode() >= FIRST_SERVER_ERROR)) {
        return true;
      }
      if (cause instanceof SdkClientException && cause.getCause() instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
