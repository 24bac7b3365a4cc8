package io.qualityhub.local;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.emulator.LocalEmulator;
import io.qualityhub.emulator.ResourceMissingException;
import io.qualityhub.emulator.TemplateBootstrap;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * QualityHub on a local AWS emulator: moto started on 127.0.0.1 (or the emulator an endpoint
 * names, e.g. LocalStack), with the resources template.yaml declares created on it, so the local
 * run and the deployed stack cannot drift apart. Resources stay after the run, for inspection.
 */
public final class LocalDeployment implements AutoCloseable {

  public static final String STAGE = "local";
  static final String STACK_NAME = "qualityhub-" + STAGE;

  private final LocalEmulator emulator;
  private final AwsClients clients;
  private final StackResources resources;
  private final Optional<TemplateBootstrap.Result> bootstrap;
  private final Optional<FunctionCalls> calls;

  private LocalDeployment(LocalEmulator emulator, AwsClients clients, StackResources resources,
      Optional<TemplateBootstrap.Result> bootstrap) {
    this.emulator = emulator;
    this.clients = clients;
    this.resources = resources;
    this.bootstrap = bootstrap;
    this.calls = bootstrap.map(result -> new FunctionCalls(new IamRequests(clients.region().id(), result.accountId(),
        PartitionKeys.of(result))));
  }

  /**
   * @param endpoint an emulator to use instead of starting moto; when empty, {@code AWS_ENDPOINT_URL}
   *     is honoured, else moto is started
   */
  public static LocalDeployment open(Path projectRoot, Optional<URI> endpoint) {
    return onEmulator(projectRoot, endpoint, true);
  }

  /**
   * The deployment an earlier {@link #open} (the demo, {@code emulator start}) created on the emulator, found and
   * never created: the way every command but those two reaches it.
   *
   * @param endpoint the emulator; when empty, {@code AWS_ENDPOINT_URL}
   * @throws NotDeployedException when there is no emulator to ask, or it lacks a resource of the template
   */
  static LocalDeployment attach(Path projectRoot, Optional<URI> endpoint) {
    if (endpoint.isEmpty() && System.getenv("AWS_ENDPOINT_URL") == null) {
      throw new NotDeployedException("no emulator is running and no --stack or --endpoint was given: run"
          + " './qualityhub emulator start' and './qualityhub demo', or pass --stack NAME for a deployed stack");
    }
    return onEmulator(projectRoot, endpoint, false);
  }

  /** A stack deployed with CloudFormation, reached with the caller's own credentials. */
  static LocalDeployment forStack(String stackName, AwsClients clients) {
    StackResources stack = CloudFormationStack.describe(
        clients.configure(software.amazon.awssdk.services.cloudformation.CloudFormationClient.builder()).build(),
        clients.configure(software.amazon.awssdk.services.lambda.LambdaClient.builder()).build(), stackName);
    return new LocalDeployment(null, clients, stack, Optional.empty());
  }

  private static LocalDeployment onEmulator(Path projectRoot, Optional<URI> endpoint, boolean createMissing) {
    LocalEmulator emulator = endpoint.isPresent() ? null : LocalEmulator.startOrConnect(projectRoot);
    // A lambda, not emulator::endpoint, which would dereference the null emulator of an explicit endpoint.
    URI uri = endpoint.orElseGet(() -> emulator.endpoint());
    AwsClients clients = AwsClients.forEndpoint(uri, LocalEmulator.region());
    try {
      // Only a deploy asks: the blind-index key is created with the records table, never for one that existed.
      Set<String> tablesBefore = createMissing
          ? new HashSet<>(clients.dynamoDb().listTablesPaginator().tableNames().stream().toList()) : Set.of();
      TemplateBootstrap.Result resources = TemplateBootstrap.builder()
          .createMissing(createMissing)
          .template(projectRoot.resolve("template.yaml"))
          .parameter("Stage", STAGE)
          .region(LocalEmulator.region())
          .s3(clients.s3())
          .sqs(clients.configure(SqsClient.builder()).build())
          .dynamoDb(clients.dynamoDb())
          .kms(clients.kms())
          .sns(clients.configure(SnsClient.builder()).build())
          .build()
          .apply();
      if (createMissing) {
        createBlindIndexKeyWithItsTable(clients, resources, tablesBefore);
      }
      BootstrappedResources bootstrapped = new BootstrappedResources(STACK_NAME, resources);
      LocalService.namedBy(bootstrapped);
      return new LocalDeployment(emulator, clients, bootstrapped, Optional.of(resources));
    } catch (ResourceMissingException e) {
      if (emulator != null) {
        emulator.close();
      }
      throw new NotDeployedException("no QualityHub on " + uri + ": " + e.missing() + " of stack " + e.stackName()
          + " does not exist. Only './qualityhub demo' and './qualityhub emulator start' create one; or pass --stack NAME", e);
    } catch (RuntimeException e) {
      if (emulator != null) {
        emulator.close();
      }
      throw e;
    }
  }

  /**
   * The deployment step that creates the blind-index key, once: only when this bootstrap created the
   * records table. A table that already existed keeps whatever it holds, so a key item lost from it
   * is reported by intake, lookup and erasure, never silently replaced (docs/decisions/0005).
   */
  private static void createBlindIndexKeyWithItsTable(AwsClients clients, TemplateBootstrap.Result resources,
      Set<String> tablesBefore) {
    String table = resources.physicalIds().get("RecordsTable");
    if (table != null && !tablesBefore.contains(table)) {
      new BlindIndexKeyStore(clients.dynamoDb(), table, new KmsDataKeySource(clients.kms(), resources.attribute("IndexKey", "Arn")))
          .createIfAbsent();
    }
  }

  public AwsClients clients() {
    return clients;
  }

  /**
   * The clients a function's handler gets: on the emulator, recording what IAM would authorise for each request
   * (a deployed stack's IAM authorises them itself).
   */
  public AwsClients clientsFor(String functionLogicalId) {
    return calls.map(recorded -> clients.withInterceptors(recorded.recorderFor(functionLogicalId))).orElse(clients);
  }

  /** What the handlers built with {@link #clientsFor} have called so far. */
  public FunctionCalls calls() {
    return calls.orElseThrow(() -> new IllegalStateException("calls are recorded on the emulator only, not on stack "
        + stackName()));
  }

  /** The template as the local bootstrap resolved it against this emulator: what its permissions are read from. */
  public TemplateBootstrap.Result bootstrap() {
    return bootstrap.orElseThrow(() -> new IllegalStateException("stack " + stackName() + " was deployed by"
        + " CloudFormation, not by the local bootstrap"));
  }

  public URI endpoint() {
    return clients.endpoint().orElseThrow();
  }

  public String physicalId(String logicalId) {
    return resources.physicalId(logicalId);
  }

  /** The stack these resources belong to: qualityhub-local on the emulator, else the name --stack gave. */
  public String stackName() {
    return resources.stackName();
  }

  /** Whether functions run only when this command line delivers their events, as on the emulator. */
  public boolean functionsRunLocally() {
    return resources.functionsRunLocally();
  }

  public String attribute(String logicalId, String attribute) {
    return resources.attribute(logicalId, attribute);
  }

  /** A function's environment as template.yaml sets it, resolved to the local resources. */
  public Settings settingsOf(String functionLogicalId) {
    return new Settings(functionEnvironment(functionLogicalId));
  }

  public Map<String, String> functionEnvironment(String functionLogicalId) {
    return resources.functionEnvironment(functionLogicalId);
  }

  /** SES sends only from a verified identity; on the emulator, asking for it verifies it. */
  public void verifyEmailSender(String sender) {
    try (SesV2Client ses = clients.configure(SesV2Client.builder()).build()) {
      ses.createEmailIdentity(request -> request.emailIdentity(sender));
    } catch (AlreadyExistsException verifiedBefore) {
      // Verified by an earlier run against the same emulator.
    }
  }

  /** What the local bootstrap created or found on the emulator. */
  private record BootstrappedResources(String stackName, TemplateBootstrap.Result result) implements StackResources {

    @Override
    public String physicalId(String logicalId) {
      String id = result.physicalIds().get(logicalId);
      if (id == null) {
        throw new NotDeployedException("template.yaml declares no " + logicalId + " that the local bootstrap created");
      }
      return id;
    }

    @Override
    public String attribute(String logicalId, String attribute) {
      return result.attribute(logicalId, attribute);
    }

    @Override
    public Map<String, String> functionEnvironment(String functionLogicalId) {
      Map<String, String> environment = result.functionEnvironments().get(functionLogicalId);
      if (environment == null) {
        throw new IllegalStateException("template.yaml declares no function " + functionLogicalId);
      }
      return new HashMap<>(environment);
    }

    @Override
    public boolean functionsRunLocally() {
      return true;
    }
  }

  @Override
  public void close() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
