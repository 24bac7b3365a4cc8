package io.qualityhub.local.faults;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Faults injected through SDK execution interceptors, given to a function's clients with
 * {@code AwsClients.withInterceptors}. A fault thrown before execution is what the function sees when the SDK's own
 * retries are exhausted; the exceptions are the ones AWS really returns.
 */
final class Faults {

  private Faults() {}

  /** An unchecked exception that stands for the function's process dying at that point (a crash). */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
      super("simulated crash " + where);
    }
  }

  /**
   * Throws {@code failure} at the calls of {@code operation} (that {@code which} also accepts) whose 1-based number
   * {@code onCall} accepts, before they reach the service.
   */
  static Injected failOn(String operation, Predicate<SdkRequest> which, IntPredicate onCall, Supplier<? extends Throwable> failure) {
    return new Injected(operation, which, onCall, failure);
  }

  static Injected failOn(String operation, IntPredicate onCall, Supplier<? extends Throwable> failure) {
    return failOn(operation, request -> true, onCall, failure);
  }

  /** A fault that counts the calls it looks at and the failures it threw. */
  static final class Injected implements ExecutionInterceptor {
    private final String operation;
    private final Predicate<SdkRequest> which;
    private final IntPredicate onCall;
    private final Supplier<? extends Throwable> failure;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger thrown = new AtomicInteger();

    private Injected(String operation, Predicate<SdkRequest> which, IntPredicate onCall, Supplier<? extends Throwable> failure) {
      this.operation = operation;
      this.which = which;
      this.onCall = onCall;
      this.failure = failure;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && which.test(context.request())
          && onCall.test(calls.incrementAndGet())) {
        thrown.incrementAndGet();
        throw unchecked(failure.get());
      }
    }

    int thrown() {
      return thrown.get();
    }

    int calls() {
      return calls.get();
    }
  }

  static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    return (RuntimeException) failure;
  }

  static IntPredicate once(int call) {
    return n -> n == call;
  }

  static IntPredicate upTo(int calls) {
    return n -> n <= calls;
  }

  static ProvisionedThroughputExceededException dynamoDbThrottled() {
    return ProvisionedThroughputExceededException.builder().statusCode(400)
        .message("The level of configured provisioned throughput for the table was exceeded (injected)")
        .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb").errorCode("ProvisionedThroughputExceededException")
            .errorMessage("The level of configured provisioned throughput for the table was exceeded (injected)").build())
        .build();
  }

  static KmsException kms(String code, int status, String message) {
    return (KmsException) KmsException.builder().statusCode(status).message(message + " (injected)")
        .awsErrorDetails(AwsErrorDetails.builder().serviceName("Kms").errorCode(code).errorMessage(message + " (injected)").build())
        .build();
  }

  static S3Exception s3ServiceUnavailable() {
    return (S3Exception) S3Exception.builder().statusCode(503).message("Service Unavailable (injected mid-stream)")
        .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3").errorCode("ServiceUnavailable")
            .errorMessage("Service Unavailable (injected mid-stream)").build())
        .build();
  }

  /**
   * The body of the {@code nth} GetObject (counting those {@code which} accepts) breaks off after {@code bytes} bytes
   * with an S3 503, as when S3 drops a response half way.
   */
  static final class BrokenStream implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> BREAK = new ExecutionAttribute<>("qualityhub.faults.break");
    private final Predicate<SdkRequest> which;
    private final IntPredicate onCall;
    private final long bytes;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger broken = new AtomicInteger();
    private final Supplier<? extends Throwable> failure;

    BrokenStream(Predicate<SdkRequest> which, IntPredicate onCall, long bytes, Supplier<? extends Throwable> failure) {
      this.which = which;
      this.onCall = onCall;
      this.bytes = bytes;
      this.failure = failure;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if ("GetObject".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && which.test(context.request())
          && onCall.test(calls.incrementAndGet())) {
        attributes.putAttribute(BREAK, true);
      }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      Optional<InputStream> body = context.responseBody();
      if (!Boolean.TRUE.equals(attributes.getAttribute(BREAK)) || body.isEmpty()) {
        return body;
      }
      broken.incrementAndGet();
      return Optional.of(new FilterInputStream(body.get()) {
        private long read;

        @Override
        public int read() throws IOException {
          check(1);
          int b = super.read();
          read += b < 0 ? 0 : 1;
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          check(length);
          int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, bytes - read)));
          read += Math.max(n, 0);
          return n;
        }

        private void check(int wanted) throws IOException {
          if (read >= bytes && wanted > 0) {
            // The emulator writes the whole body regardless; it is read off the connection (and dropped) so that
            // the connection is not left half read, which would stall the emulator.
            in.transferTo(java.io.OutputStream.nullOutputStream());
            throw unchecked(failure.get());
          }
        }
      });
    }

    int broken() {
      return broken.get();
    }
  }

  /**
   * BatchWriteItem leaves the last {@code held} items of a request unprocessed (they are not sent, and come back in
   * {@code UnprocessedItems}, as DynamoDB does under throttling) on the calls {@code onCall} accepts.
   */
  static final class Unprocessed implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<WriteRequest>> HELD = new ExecutionAttribute<>("qualityhub.faults.held");
    private final IntPredicate onCall;
    private final int held;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger itemsHeld = new AtomicInteger();

    Unprocessed(IntPredicate onCall, int held) {
      this.onCall = onCall;
      this.held = held;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof BatchWriteItemRequest batch) || !onCall.test(calls.incrementAndGet())) {
        return context.request();
      }
      Map.Entry<String, List<WriteRequest>> table = batch.requestItems().entrySet().iterator().next();
      List<WriteRequest> all = table.getValue();
      if (all.size() < 2) {
        return context.request();
      }
      int keep = Math.max(1, all.size() - held);
      List<WriteRequest> sent = new ArrayList<>(all.subList(0, keep));
      List<WriteRequest> left = new ArrayList<>(all.subList(keep, all.size()));
      attributes.putAttribute(HELD, left);
      itemsHeld.addAndGet(left.size());
      return batch.toBuilder().requestItems(Map.of(table.getKey(), sent)).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
      List<WriteRequest> left = attributes.getAttribute(HELD);
      if (left == null || !(context.response() instanceof BatchWriteItemResponse response)) {
        return context.response();
      }
      String table = ((BatchWriteItemRequest) context.request()).requestItems().keySet().iterator().next();
      return response.toBuilder().unprocessedItems(Map.of(table, left)).build();
    }

    int itemsHeld() {
      return itemsHeld.get();
    }

    int calls() {
      return calls.get();
    }
  }

  /** Every call whose operation {@code which} names fails while {@code on} says so: a frozen sandbox, say. */
  static ExecutionInterceptor whileTrue(java.util.function.BooleanSupplier on, Supplier<? extends Throwable> failure) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (on.getAsBoolean()) {
          throw unchecked(failure.get());
        }
      }
    };
  }

  /** Runs {@code action} before each call of {@code operation} whose number {@code onCall} accepts. */
  static ExecutionInterceptor before(String operation, IntPredicate onCall, Runnable action) {
    AtomicInteger calls = new AtomicInteger();
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && onCall.test(calls.incrementAndGet())) {
          action.run();
        }
      }
    };
  }
}
