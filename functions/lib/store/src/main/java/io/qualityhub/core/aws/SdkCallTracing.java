package io.qualityhub.core.aws;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Sends an X-Ray subsegment for every AWS SDK call made during a sampled invocation, so a trace shows where a
 * function spent its time (which DynamoDB, S3, KMS, SQS call, how long, what status). It does what the X-Ray
 * SDK's tracing interceptor does for the SDK, without the X-Ray SDK and the v1 SDK core it brings (decision 0015).
 */
public final class SdkCallTracing implements ExecutionInterceptor {

  private static final ExecutionAttribute<Instant> STARTED = new ExecutionAttribute<>("qualityhub.trace.started");
  private static final ExecutionAttribute<TraceHeader> TRACE = new ExecutionAttribute<>("qualityhub.trace.header");
  private static final String[] REQUEST_ID_HEADERS = {"x-amzn-RequestId", "x-amz-request-id", "x-amz-id-2"};

  private final XRayDaemon daemon;
  private final Clock clock;

  public SdkCallTracing(XRayDaemon daemon, Clock clock) {
    this.daemon = daemon;
    this.clock = clock;
  }

  /** Tracing for the function when Lambda runs an X-Ray daemon beside it (active tracing); otherwise none. */
  public static Optional<SdkCallTracing> fromEnvironment() {
    return XRayDaemon.fromEnvironment().map(daemon -> new SdkCallTracing(daemon, Clock.systemUTC()));
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    TraceHeader.current().filter(TraceHeader::sampled).ifPresent(trace -> {
      attributes.putAttribute(TRACE, trace);
      attributes.putAttribute(STARTED, clock.instant());
    });
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    send(attributes, Optional.of(context.httpResponse()));
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    send(attributes, context.httpResponse());
  }

  private void send(ExecutionAttributes attributes, Optional<SdkHttpResponse> response) {
    TraceHeader trace = attributes.getAttribute(TRACE);
    if (trace == null) {
      return;
    }
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    SdkCallSubsegment subsegment = new SdkCallSubsegment(
        newId(),
        trace,
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        region == null ? "" : region.id(),
        attributes.getAttribute(STARTED),
        clock.instant(),
        response.map(SdkHttpResponse::statusCode),
        response.flatMap(SdkCallTracing::requestId));
    daemon.send(subsegment.document());
  }

  private static Optional<String> requestId(SdkHttpResponse response) {
    for (String header : REQUEST_ID_HEADERS) {
      Optional<String> value = response.firstMatchingHeader(header);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
