import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.aws.SdkCallTracing;
import io.qualityhub.core.aws.XRayDaemon;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One fresh JVM's cold start of the three SDK clients every function builds (DynamoDB, S3, KMS), each making one
 * call, with SDK calls traced one of three ways (decision 0015):
 *   none      Lambda's active tracing alone: no interceptor in the function
 *   own       io.qualityhub.core.aws.SdkCallTracing (UDP to the daemon, no X-Ray SDK)
 *   xray-sdk  the X-Ray SDK's com.amazonaws.xray.interceptors.TracingInterceptor (v1 SDK core, Apache HC4, joda-time)
 * Prints "mode=... clients_ms=... calls_done_ms=... cpu_ms=... classes=...": JVM uptime, the process's CPU time
 * and the classes loaded when the three calls are done. The invocation's trace header is set as Lambda's
 * Java runtime sets it (system property, Sampled=1), so both tracers send their subsegments to the daemon address.
 *
 * Usage: java ... TracingColdStartProbe MODE ENDPOINT DAEMON_PORT
 */
public final class TracingColdStartProbe {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    URI endpoint = URI.create(args[1]);
    int daemonPort = Integer.parseInt(args[2]);
    System.setProperty("com.amazonaws.xray.traceHeader",
        "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1");
    AwsClients clients = AwsClients.forEndpoint(endpoint, Region.US_EAST_1);
    switch (mode) {
      case "none" -> { }
      case "own" -> clients = clients.withInterceptors(new SdkCallTracing(
          new XRayDaemon(new InetSocketAddress("127.0.0.1", daemonPort)), Clock.systemUTC()));
      case "xray-sdk" -> clients = clients.withInterceptors(
          (software.amazon.awssdk.core.interceptor.ExecutionInterceptor)
              Class.forName("com.amazonaws.xray.interceptors.TracingInterceptor").getConstructor().newInstance());
      default -> throw new IllegalArgumentException("mode none|own|xray-sdk, not " + mode);
    }
    DynamoDbClient dynamoDb = clients.dynamoDb();
    S3Client s3 = clients.s3();
    KmsClient kms = clients.kms();
    long built = ManagementFactory.getRuntimeMXBean().getUptime();
    dynamoDb.listTables();
    s3.listBuckets();
    kms.listKeys();
    long done = ManagementFactory.getRuntimeMXBean().getUptime();
    // CPU time and classes loaded vary far less than wall time on a shared, loaded machine.
    long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println("mode=" + mode + " clients_ms=" + built + " calls_done_ms=" + done + " cpu_ms=" + cpu + " classes=" + classes);
  }
}
