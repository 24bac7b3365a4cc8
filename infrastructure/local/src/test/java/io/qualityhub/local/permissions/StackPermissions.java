package io.qualityhub.local.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import io.qualityhub.emulator.TemplateBootstrap.ResolvedResource;
import io.qualityhub.local.IamRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What template.yaml lets each function do, evaluated as AWS evaluates a request in one account: an explicit
 * Deny in the role's policies or in the resource's policy refuses; a KMS key's policy must allow the request,
 * and where it allows the account (the root principal) the role's policies must allow it too; a bucket, queue,
 * topic or role trust policy naming the role allows on its own; otherwise the role's policies must. Resources,
 * conditions and policy variables are evaluated; so are the requests a service makes with the caller's
 * permissions (S3, SQS, SNS and DynamoDB asking KMS for the resource's key), and what Lambda does with the
 * function's role (polling its queues, writing its logs, parking failed events).
 */
public final class StackPermissions {

  private static final Map<String, String> ENCRYPTION_CONTEXT_KEYS = Map.of(
      "s3", "kms:EncryptionContext:aws:s3:arn", "sqs", "kms:EncryptionContext:aws:sqs:arn",
      "sns", "kms:EncryptionContext:aws:sns:topicArn", "dynamodb", "kms:EncryptionContext:aws:dynamodb:tableName");

  private final Map<String, ResolvedResource> resources;
  private final String region;
  private final String account;
  private final Map<String, List<Statement>> identityStatementsByRole = new java.util.HashMap<>();
  private Map<String, String> functionRoles;

  /** @param resources the bootstrap's resolved resources, by logical id (a test may hand in changed ones) */
  public StackPermissions(Map<String, ResolvedResource> resources, String region, String account) {
    this.resources = new LinkedHashMap<>(resources);
    this.region = region;
    this.account = account;
  }

  /**
   * What the template would refuse of the requests each function made, with the services' requests on its behalf
   * ({@link #withServiceRequests}), each with why; empty when everything is allowed to the resource.
   */
  public Map<String, Set<String>> refused(Map<String, Set<IamRequest>> requestsByFunction) {
    Map<String, Set<String>> refused = new TreeMap<>();
    requestsByFunction.forEach((function, requests) -> {
      for (IamRequest request : requests) {
        for (IamRequest needed : withServiceRequests(request)) {
          Decision decision = decide(function, needed);
          if (!decision.allowed()) {
            refused.computeIfAbsent(function, ignored -> new TreeSet<>()).add(needed + ": " + decision.reason());
          }
        }
      }
    });
    return refused;
  }

  /** The permissions of the template a local deployment was built from, as it resolved it. */
  public static StackPermissions of(io.qualityhub.local.LocalDeployment local) {
    return new StackPermissions(local.bootstrap().resolvedResources(), local.clients().region().id(),
        local.bootstrap().accountId());
  }

  /** The IAM actions among a function's recorded requests, sorted. */
  public static Set<String> actionsOf(Set<IamRequest> requests) {
    Set<String> actions = new TreeSet<>();
    requests.forEach(request -> actions.add(request.action()));
    return actions;
  }

  /** Each function of the template, by logical id, with the ARN of the role it runs as. */
  public Map<String, String> functionRoles() {
    if (functionRoles == null) {
      functionRoles = readFunctionRoles();
    }
    return functionRoles;
  }

  private Map<String, String> readFunctionRoles() {
    Map<String, String> roles = new TreeMap<>();
    resources.forEach((logicalId, resource) -> {
      if (resource.type().equals("AWS::Serverless::Function") || resource.type().equals("AWS::Lambda::Function")) {
        JsonNode role = resource.properties().path("Role");
        if (!role.isTextual()) {
          throw new IllegalStateException(logicalId + " has no Role of its own; the permission check reads explicit roles only");
        }
        roles.put(logicalId, role.asText());
      }
    });
    return java.util.Collections.unmodifiableMap(roles);
  }

  /** The request itself and what the service it goes to asks KMS for with the caller's permissions. */
  public List<IamRequest> withServiceRequests(IamRequest request) {
    List<IamRequest> all = new ArrayList<>();
    all.add(request);
    String service = request.action().substring(0, request.action().indexOf(':'));
    String action = request.action().substring(service.length() + 1);
    switch (service) {
      case "s3" -> {
        String bucketArn = request.resource().contains("/")
            ? request.resource().substring(0, request.resource().indexOf('/')) : request.resource();
        if (action.equals("GetObject") || action.equals("GetObjectVersion")) {
          bucketKey(bucketArn).ifPresent(key -> all.add(throughService("kms:Decrypt", key, "s3", bucketArn)));
        } else if (action.equals("PutObject")) {
          Optional<String> named = first(request, "s3:x-amz-server-side-encryption-aws-kms-key-id").flatMap(this::keyArn);
          boolean sseS3 = first(request, "s3:x-amz-server-side-encryption").filter("AES256"::equals).isPresent();
          (sseS3 ? Optional.<String>empty() : named.or(() -> bucketKey(bucketArn)))
              .ifPresent(key -> all.add(throughService("kms:GenerateDataKey", key, "s3", bucketArn)));
        }
      }
      case "sqs" -> queueKey(request.resource()).ifPresent(key -> {
        if (action.equals("SendMessage")) {
          all.add(throughService("kms:GenerateDataKey", key, "sqs", request.resource()));
          all.add(throughService("kms:Decrypt", key, "sqs", request.resource()));
        } else if (action.equals("ReceiveMessage")) {
          all.add(throughService("kms:Decrypt", key, "sqs", request.resource()));
        }
      });
      case "sns" -> topicKey(request.resource()).filter(key -> action.equals("Publish")).ifPresent(key -> {
        all.add(throughService("kms:GenerateDataKey", key, "sns", request.resource()));
        all.add(throughService("kms:Decrypt", key, "sns", request.resource()));
      });
      case "dynamodb" -> {
        String table = request.resource().replaceFirst("^[^/]*/", "").replaceFirst("/index/.*$", "");
        tableKey(table).ifPresent(key -> all.add(throughService("kms:Decrypt", key, "dynamodb", table)));
      }
      default -> {
        // Other services this project calls encrypt nothing under a key of the template on the caller's behalf.
      }
    }
    return all;
  }

  /**
   * What Lambda does with the function's role whatever the code calls: polls the queues its events name, writes
   * its log group, parks failed asynchronous events in its dead-letter queue.
   */
  public List<IamRequest> runtimeRequests(String functionLogicalId) {
    JsonNode function = resources.get(functionLogicalId).properties();
    List<IamRequest> requests = new ArrayList<>();
    function.path("Events").properties().forEach(event -> {
      if (event.getValue().path("Type").asText().equals("SQS")) {
        String queue = event.getValue().path("Properties").path("Queue").asText();
        for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
            "sqs:ChangeMessageVisibility")) {
          requests.addAll(withServiceRequests(IamRequest.of(action, queue)));
        }
      }
    });
    String logGroup = function.path("LoggingConfig").path("LogGroup").asText(
        "/aws/lambda/" + function.path("FunctionName").asText(functionLogicalId));
    String stream = "arn:aws:logs:" + region + ":" + account + ":log-group:" + logGroup + ":log-stream:2026/12/05/[$LATEST]0";
    requests.add(IamRequest.of("logs:CreateLogStream", stream));
    requests.add(IamRequest.of("logs:PutLogEvents", stream));
    JsonNode deadLetters = function.path("DeadLetterQueue");
    if (deadLetters.path("Type").asText().equals("SQS")) {
      requests.addAll(withServiceRequests(IamRequest.of("sqs:SendMessage", deadLetters.path("TargetArn").asText())));
    } else if (deadLetters.path("Type").asText().equals("SNS")) {
      requests.addAll(withServiceRequests(IamRequest.of("sns:Publish", deadLetters.path("TargetArn").asText())));
    }
    return requests;
  }

  /** Whether the function's role may make the request, and if not, why. */
  public Decision decide(String functionLogicalId, IamRequest request) {
    String role = functionRoles().get(functionLogicalId);
    if (role == null) {
      throw new IllegalArgumentException("template.yaml declares no function " + functionLogicalId);
    }
    return decideAs(role, request);
  }

  /**
   * What the template would refuse of requests made as a role no function runs as (one people assume, such as
   * ReportVerifierRole), with the services' requests on its behalf, each with why.
   */
  public Set<String> refusedForRole(String roleLogicalId, Set<IamRequest> requests) {
    String role = resources.get(roleLogicalId).arn()
        .orElseThrow(() -> new IllegalArgumentException("template.yaml declares no role " + roleLogicalId));
    Set<String> refused = new TreeSet<>();
    for (IamRequest request : requests) {
      for (IamRequest needed : withServiceRequests(request)) {
        Decision decision = decideAs(role, needed);
        if (!decision.allowed()) {
          refused.add(needed + ": " + decision.reason());
        }
      }
    }
    return refused;
  }

  private Decision decideAs(String role, IamRequest request) {
    Map<String, List<String>> context = new TreeMap<>(request.context());
    context.put("aws:principalarn", List.of(role));
    context.put("aws:principalaccount", List.of(account));
    context.put("aws:securetransport", List.of("true"));
    context.put("aws:principalisawsservice", List.of("false"));
    String resource = request.action().startsWith("kms:") ? keyArn(request.resource()).orElse(request.resource())
        : request.resource();
    IamRequest evaluated = new IamRequest(request.action(), resource, context);

    List<Statement> identity = identityStatementsByRole.computeIfAbsent(role, this::identityStatements);
    Optional<ResourcePolicy> resourcePolicy = resourcePolicy(evaluated);
    List<Statement> onResource = resourcePolicy.map(ResourcePolicy::statements).orElse(List.of());
    for (Statement statement : identity) {
      if (statement.denies() && statement.applies(evaluated)) {
        return Decision.denied("explicit Deny " + statement.origin());
      }
    }
    for (Statement statement : onResource) {
      if (statement.denies() && statement.principal(role, account) != Statement.PrincipalMatch.NONE
          && statement.applies(evaluated)) {
        return Decision.denied("explicit Deny " + statement.origin());
      }
    }
    Optional<Statement> byIdentity = identity.stream().filter(each -> !each.denies() && each.applies(evaluated)).findFirst();
    Optional<Statement> direct = allowing(onResource, role, evaluated, Statement.PrincipalMatch.DIRECT);
    Optional<Statement> byAccount = allowing(onResource, role, evaluated, Statement.PrincipalMatch.ACCOUNT);
    if (request.action().startsWith("kms:")) {
      if (resourcePolicy.isEmpty()) {
        return Decision.denied("the key is none of the template's keys, so no key policy of ours allows it");
      }
      if (direct.isPresent()) {
        return Decision.allowed(direct.get().origin());
      }
      if (byAccount.isEmpty()) {
        return Decision.denied("no statement of " + resourcePolicy.get().name() + " allows it");
      }
      return byIdentity.map(each -> Decision.allowed(byAccount.get().origin() + " and " + each.origin()))
          .orElse(Decision.denied(resourcePolicy.get().name() + " leaves it to IAM (" + byAccount.get().origin()
              + "), and no statement of the role's policies allows it"));
    }
    if (direct.isPresent()) {
      return Decision.allowed(direct.get().origin());
    }
    return byIdentity.map(each -> Decision.allowed(each.origin()))
        .orElse(Decision.denied("no statement of the role's policies allows it"));
  }

  private static Optional<Statement> allowing(List<Statement> statements, String role, IamRequest request,
      Statement.PrincipalMatch match) {
    return statements.stream().filter(each -> !each.denies() && each.principal(role, request.context()
        .get("aws:principalaccount").get(0)) == match && each.applies(request)).findFirst();
  }

  private List<Statement> identityStatements(String roleArn) {
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    List<Statement> statements = new ArrayList<>();
    resources.forEach((logicalId, resource) -> {
      JsonNode properties = resource.properties();
      switch (resource.type()) {
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
          for (JsonNode role : properties.path("Roles")) {
            if (role.asText().equals(roleName)) {
              statements.addAll(Statement.all(logicalId, properties.path("PolicyDocument")));
            }
          }
        }
        case "AWS::IAM::Role" -> {
          if (resource.arn().filter(roleArn::equals).isPresent()) {
            for (JsonNode inline : properties.path("Policies")) {
              statements.addAll(Statement.all(logicalId + "." + inline.path("PolicyName").asText(),
                  inline.path("PolicyDocument")));
            }
            for (JsonNode managed : properties.path("ManagedPolicyArns")) {
              statements.addAll(managedPolicy(managed.asText()));
            }
            if (properties.has("PermissionsBoundary")) {
              throw new IllegalStateException(logicalId + " has a permissions boundary, which the check does not evaluate");
            }
          }
        }
        default -> {
          // Not a policy of a role.
        }
      }
    });
    return statements;
  }

  private List<Statement> managedPolicy(String arn) {
    return resources.entrySet().stream()
        .filter(each -> each.getValue().type().equals("AWS::IAM::ManagedPolicy") && each.getValue().arn().filter(arn::equals).isPresent())
        .findFirst()
        .map(each -> Statement.all(each.getKey(), each.getValue().properties().path("PolicyDocument")))
        .orElseThrow(() -> new IllegalStateException("managed policy " + arn + " is not in the template; the check cannot read it"));
  }

  private Optional<ResourcePolicy> resourcePolicy(IamRequest request) {
    String arn = request.resource();
    if (arn.startsWith("arn:aws:kms:")) {
      return resourceWith("AWS::KMS::Key", each -> each.arn().filter(arn::equals).isPresent())
          .map(key -> new ResourcePolicy("the key policy of " + key.getKey(),
              Statement.all(key.getKey() + " key policy", key.getValue().properties().path("KeyPolicy"))));
    }
    if (arn.startsWith("arn:aws:s3:::")) {
      String bucket = arn.substring("arn:aws:s3:::".length()).replaceFirst("/.*$", "");
      return policyOn("AWS::S3::BucketPolicy", "Bucket", bucket);
    }
    if (arn.startsWith("arn:aws:sqs:")) {
      return resourceWith("AWS::SQS::Queue", each -> each.arn().filter(arn::equals).isPresent())
          .flatMap(queue -> policyOn("AWS::SQS::QueuePolicy", "Queues", queue.getValue().ref()));
    }
    if (arn.startsWith("arn:aws:sns:")) {
      return policyOn("AWS::SNS::TopicPolicy", "Topics", arn);
    }
    if (arn.startsWith("arn:aws:iam:") && request.action().startsWith("sts:")) {
      return resourceWith("AWS::IAM::Role", each -> each.arn().filter(arn::equals).isPresent())
          .map(role -> new ResourcePolicy("the trust policy of " + role.getKey(), Statement.all(
              role.getKey() + " trust policy", role.getValue().properties().path("AssumeRolePolicyDocument"))));
    }
    if (arn.startsWith("arn:aws:dynamodb:")) {
      String table = arn.replaceFirst("^[^/]*/", "").replaceFirst("/index/.*$", "");
      return resourceWith("AWS::DynamoDB::Table", each -> each.ref().equals(table))
          .filter(each -> each.getValue().properties().has("ResourcePolicy"))
          .map(each -> new ResourcePolicy("the resource policy of " + each.getKey(), Statement.all(
              each.getKey() + " resource policy", each.getValue().properties().path("ResourcePolicy").path("PolicyDocument"))));
    }
    return Optional.empty();
  }

  /** The policy of that type whose {@code property} (one name, or a list) holds {@code value}. */
  private Optional<ResourcePolicy> policyOn(String type, String property, String value) {
    return resourceWith(type, each -> {
      JsonNode named = each.properties().path(property);
      for (JsonNode one : named.isArray() ? named : List.of(named)) {
        if (one.asText().equals(value)) {
          return true;
        }
      }
      return false;
    }).map(each -> new ResourcePolicy(each.getKey(), Statement.all(each.getKey(),
        each.getValue().properties().path("PolicyDocument"))));
  }

  private Optional<Map.Entry<String, ResolvedResource>> resourceWith(String type,
      java.util.function.Predicate<ResolvedResource> test) {
    return resources.entrySet().stream().filter(each -> each.getValue().type().equals(type) && test.test(each.getValue()))
        .findFirst();
  }

  private Optional<String> bucketKey(String bucketArn) {
    String bucket = bucketArn.substring("arn:aws:s3:::".length());
    return resourceWith("AWS::S3::Bucket", each -> each.ref().equals(bucket)).flatMap(each -> {
      JsonNode rule = each.getValue().properties().path("BucketEncryption").path("ServerSideEncryptionConfiguration")
          .path(0).path("ServerSideEncryptionByDefault");
      return rule.path("SSEAlgorithm").asText().startsWith("aws:kms")
          ? keyArn(rule.path("KMSMasterKeyID").asText("alias/aws/s3")) : Optional.empty();
    });
  }

  private Optional<String> queueKey(String queueArn) {
    return resourceWith("AWS::SQS::Queue", each -> each.arn().filter(queueArn::equals).isPresent())
        .flatMap(each -> Optional.ofNullable(each.getValue().properties().get("KmsMasterKeyId")))
        .flatMap(key -> keyArn(key.asText()));
  }

  private Optional<String> topicKey(String topicArn) {
    return resourceWith("AWS::SNS::Topic", each -> each.ref().equals(topicArn))
        .flatMap(each -> Optional.ofNullable(each.getValue().properties().get("KmsMasterKeyId")))
        .flatMap(key -> keyArn(key.asText()));
  }

  private Optional<String> tableKey(String table) {
    return resourceWith("AWS::DynamoDB::Table", each -> each.ref().equals(table)).flatMap(each -> {
      JsonNode sse = each.getValue().properties().path("SSESpecification");
      return sse.path("SSEEnabled").asBoolean(false) && sse.path("SSEType").asText().equals("KMS")
          ? keyArn(sse.path("KMSMasterKeyId").asText("alias/aws/dynamodb")) : Optional.empty();
    });
  }

  /**
   * The ARN of the template's key that a key id, key ARN, alias name or alias ARN names; empty for a key of
   * AWS's ({@code alias/aws/...}), whose policy lets the account's principals use it through the service.
   */
  Optional<String> keyArn(String reference) {
    String alias = reference.startsWith("arn:aws:kms:") && reference.contains(":alias/")
        ? reference.substring(reference.indexOf(":alias/") + 1) : reference;
    if (alias.startsWith("alias/aws/")) {
      return Optional.empty();
    }
    if (alias.startsWith("alias/")) {
      JsonNode target = resourceWith("AWS::KMS::Alias", each -> each.properties().path("AliasName").asText().equals(alias))
          .map(each -> each.getValue().properties().path("TargetKeyId"))
          .orElseThrow(() -> new IllegalStateException("no alias " + alias + " in the template"));
      return keyArn(target.asText());
    }
    return resourceWith("AWS::KMS::Key", each -> each.ref().equals(reference) || each.arn().filter(reference::equals).isPresent())
        .flatMap(each -> each.getValue().arn()).or(() -> Optional.of(reference));
  }

  private IamRequest throughService(String action, String key, String service, String resource) {
    return new IamRequest(action, key, Map.of(
        "kms:ViaService", List.of(service + "." + region + ".amazonaws.com"),
        "kms:CallerAccount", List.of(account),
        ENCRYPTION_CONTEXT_KEYS.get(service), List.of(resource)));
  }

  private static Optional<String> first(IamRequest request, String key) {
    return Optional.ofNullable(request.context().get(key.toLowerCase(java.util.Locale.ROOT))).map(values -> values.get(0));
  }

  private record ResourcePolicy(String name, List<Statement> statements) {
  }

  /** Allowed (by which statements) or denied (and why). */
  public record Decision(boolean allowed, String reason) {

    static Decision allowed(String by) {
      return new Decision(true, by);
    }

    static Decision denied(String why) {
      return new Decision(false, why);
    }
  }
}
