package io.qualityhub.local;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A deployed stack's resources, read once from CloudFormation (DescribeStacks, ListStackResources):
 * how {@code --stack NAME} finds the tables, buckets, queues and keys it acts on. Attributes that
 * CloudFormation does not list (a key's ARN, a queue's ARN) are built from the physical id, the
 * region and the account of the stack's own ARN, as CloudFormation builds them.
 */
final class CloudFormationStack implements StackResources {

  private final String stackName;
  private final String partition;
  private final String region;
  private final String account;
  private final Map<String, StackResourceSummary> resources;
  private final Map<String, String> outputs;
  private final LambdaClient lambda;

  private CloudFormationStack(String stackName, String stackArn, Map<String, StackResourceSummary> resources,
      Map<String, String> outputs, LambdaClient lambda) {
    this.stackName = stackName;
    String[] arn = stackArn.split(":");
    this.partition = arn[1];
    this.region = arn[3];
    this.account = arn[4];
    this.resources = Map.copyOf(resources);
    this.outputs = Map.copyOf(outputs);
    this.lambda = lambda;
  }

  /**
   * @throws NotDeployedException when there is no such stack, or it is not in a state that has its resources
   */
  static CloudFormationStack describe(CloudFormationClient cloudFormation, LambdaClient lambda, String stackName) {
    Stack stack;
    try {
      stack = cloudFormation.describeStacks(request -> request.stackName(stackName)).stacks().getFirst();
    } catch (CloudFormationException e) {
      if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
        throw new NotDeployedException("stack " + stackName + " does not exist in this account and region"
            + " (check --stack, --profile and --region; deploy it with sam deploy, see docs/operations/deploy.md)", e);
      }
      throw e;
    }
    String status = stack.stackStatusAsString();
    if (status.endsWith("_IN_PROGRESS") && status.startsWith("CREATE") || status.equals("ROLLBACK_COMPLETE")
        || status.startsWith("DELETE")) {
      throw new NotDeployedException("stack " + stackName + " is " + status + ", not a deployed QualityHub: deploy it"
          + " first (docs/operations/deploy.md)");
    }
    Map<String, StackResourceSummary> resources = new HashMap<>();
    cloudFormation.listStackResourcesPaginator(request -> request.stackName(stackName)).stackResourceSummaries()
        .forEach(resource -> resources.put(resource.logicalResourceId(), resource));
    Map<String, String> outputs = new HashMap<>();
    for (Output output : stack.outputs()) {
      outputs.put(output.outputKey(), output.outputValue());
    }
    return new CloudFormationStack(stackName, stack.stackId(), resources, outputs, lambda);
  }

  @Override
  public String stackName() {
    return stackName;
  }

  /** A stack output, e.g. ReportsApiUrl. */
  String output(String name) {
    String value = outputs.get(name);
    if (value == null) {
      throw new NotDeployedException("stack " + stackName + " has no output " + name + ": deploy the current template.yaml");
    }
    return value;
  }

  @Override
  public String physicalId(String logicalId) {
    return resource(logicalId).physicalResourceId();
  }

  @Override
  public String attribute(String logicalId, String attribute) {
    StackResourceSummary resource = resource(logicalId);
    String id = resource.physicalResourceId();
    String type = resource.resourceType();
    String value = switch (type + "." + attribute) {
      case "AWS::KMS::Key.Arn" -> arn("kms", "key/" + id);
      case "AWS::KMS::Key.KeyId" -> id;
      case "AWS::SQS::Queue.QueueUrl" -> id;
      case "AWS::SQS::Queue.QueueName" -> queueName(id);
      case "AWS::SQS::Queue.Arn" -> arn("sqs", queueName(id));
      case "AWS::S3::Bucket.Arn" -> "arn:" + partition + ":s3:::" + id;
      case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", "table/" + id);
      case "AWS::SNS::Topic.TopicArn" -> id;
      default -> null;
    };
    if (value == null) {
      throw new IllegalArgumentException("the command line cannot tell " + logicalId + "." + attribute + " (" + type
          + ") from stack " + stackName);
    }
    return value;
  }

  @Override
  public Map<String, String> functionEnvironment(String functionLogicalId) {
    String function = physicalId(functionLogicalId);
    var environment = lambda.getFunctionConfiguration(request -> request.functionName(function)).environment();
    return environment == null ? new HashMap<>() : new HashMap<>(environment.variables());
  }

  @Override
  public boolean functionsRunLocally() {
    return false;
  }

  private StackResourceSummary resource(String logicalId) {
    StackResourceSummary resource = resources.get(logicalId);
    if (resource == null || resource.physicalResourceId() == null) {
      throw new NotDeployedException("stack " + stackName + " has no " + logicalId
          + ": it was deployed from another template.yaml; deploy the current one (docs/operations/deploy.md)");
    }
    return resource;
  }

  private String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  /** A queue's physical id is its URL; its name is the URL's last segment. */
  private static String queueName(String queueUrl) {
    String path = queueUrl.startsWith("http") ? URI.create(queueUrl).getPath() : queueUrl;
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
