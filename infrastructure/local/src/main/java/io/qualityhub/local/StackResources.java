package io.qualityhub.local;

import java.util.Map;

/**
 * Where one QualityHub lives: the physical names, attributes and function environments of the
 * template's resources, as the local bootstrap found them on an emulator or as a CloudFormation stack
 * holds them ({@link CloudFormationStack}). Commands ask by the template's logical ids.
 */
interface StackResources {

  /** The stack name, e.g. qualityhub-prod. */
  String stackName();

  /** What {@code Ref} of the resource gives: a table or bucket name, a queue URL, a key id. */
  String physicalId(String logicalId);

  /** What {@code Fn::GetAtt [logicalId, attribute]} gives, e.g. a key's or a queue's {@code Arn}. */
  String attribute(String logicalId, String attribute);

  /** A function's environment variables as deployed. */
  Map<String, String> functionEnvironment(String functionLogicalId);

  /** Whether the functions run only when this command line delivers their events (the emulator), not by themselves. */
  boolean functionsRunLocally();
}
