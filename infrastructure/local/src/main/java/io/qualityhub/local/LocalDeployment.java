package io.qualityhub.local;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.emulator.LocalEmulator;
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

  private final LocalEmulator emulator;
  private final AwsClients clients;
  private final TemplateBootstrap.Result resources;
  private final FunctionCalls calls = new FunctionCalls();

  private LocalDeployment(LocalEmulator emulator, AwsClients clients, TemplateBootstrap.Result resources) {
    this.emulator = emulator;
    this.clients = clients;
    this.resources = resources;
  }

  /**
   * @param endpoint an emulator to use instead of starting moto; when empty, {@code AWS_ENDPOINT_URL}
   *     is honoured, else moto is started
   */
  public static LocalDeployment open(Path projectRoot, Optional<URI> endpoint) {
    LocalEmulator emulator = endpoint.isPresent() ? null : LocalEmulator.startOrConnect(projectRoot);
    // A lambda, not emulator::endpoint, which would dereference the null emulator of an explicit endpoint.
    URI uri = endpoint.orElseGet(() -> emulator.endpoint());
    AwsClients clients = AwsClients.forEndpoint(uri, LocalEmulator.region());
    try {
      Set<String> tablesBefore = new HashSet<>(clients.dynamoDb().listTablesPaginator().tableNames().stream().toList());
      TemplateBootstrap.Result resources = TemplateBootstrap.builder()
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
      createBlindIndexKeyWithItsTable(clients, resources, tablesBefore);
      return new LocalDeployment(emulator, clients, resources);
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

  /** The clients a function's handler gets: the emulator's, recording the IAM actions its requests need. */
  public AwsClients clientsFor(String functionLogicalId) {
    return clients.withInterceptors(calls.recorderFor(functionLogicalId));
  }

  /** What the handlers built with {@link #clientsFor} have called so far. */
  public FunctionCalls calls() {
    return calls;
  }

  public URI endpoint() {
    return clients.endpoint().orElseThrow();
  }

  public String physicalId(String logicalId) {
    String id = resources.physicalIds().get(logicalId);
    if (id == null) {
      throw new IllegalStateException("template.yaml declares no " + logicalId + " that the local bootstrap created");
    }
    return id;
  }

  public String attribute(String logicalId, String attribute) {
    return resources.attribute(logicalId, attribute);
  }

  /** A function's environment as template.yaml sets it, resolved to the local resources. */
  public Settings settingsOf(String functionLogicalId) {
    return new Settings(functionEnvironment(functionLogicalId));
  }

  public Map<String, String> functionEnvironment(String functionLogicalId) {
    Map<String, String> environment = resources.functionEnvironments().get(functionLogicalId);
    if (environment == null) {
      throw new IllegalStateException("template.yaml declares no function " + functionLogicalId);
    }
    return new HashMap<>(environment);
  }

  /** SES sends only from a verified identity; on the emulator, asking for it verifies it. */
  public void verifyEmailSender(String sender) {
    try (SesV2Client ses = clients.configure(SesV2Client.builder()).build()) {
      ses.createEmailIdentity(request -> request.emailIdentity(sender));
    } catch (AlreadyExistsException verifiedBefore) {
      // Verified by an earlier run against the same emulator.
    }
  }

  @Override
  public void close() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
