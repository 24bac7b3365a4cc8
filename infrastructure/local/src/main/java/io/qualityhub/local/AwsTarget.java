package io.qualityhub.local;

import io.qualityhub.core.aws.AwsClients;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.qualityhub.emulator.LocalEmulator;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/**
 * Where a command that talks to AWS acts, from the options every such command takes:
 * {@code --stack NAME} a deployed stack, found through CloudFormation in the account of {@code --profile}
 * and {@code --region} (chosen as the AWS CLI chooses them); otherwise the local emulator's deployment
 * ({@code --endpoint}, {@code AWS_ENDPOINT_URL}, or the one {@code qualityhub emulator start} left running).
 * It never creates anything: pointed where there is no QualityHub, it fails with {@link NotDeployedException}.
 */
record AwsTarget(Optional<String> stack, Optional<String> profile, Optional<String> region, Optional<String> endpoint) {

  /** The options, with their value, that select the target. */
  static final Set<String> OPTIONS = Set.of("--stack", "--profile", "--region", "--endpoint");

  /** What the usage lines of such a command add. */
  static final String USAGE = "[--stack NAME] [--profile NAME] [--region REGION] [--endpoint URL]";

  /** The target options plus a command's own valued options. */
  static Set<String> optionsWith(String... own) {
    Set<String> all = new HashSet<>(OPTIONS);
    all.addAll(List.of(own));
    return all;
  }

  static AwsTarget of(Options options) {
    return new AwsTarget(options.value("--stack"), options.value("--profile"), options.value("--region"),
        options.value("--endpoint"));
  }

  /**
   * The deployment to act on, found and never created.
   *
   * @throws NotDeployedException when the stack or the emulator's resources are not there
   */
  LocalDeployment open(Path projectRoot) {
    if (stack.isPresent()) {
      // An emulator standing in for the account answers in its home region unless told otherwise.
      Optional<Region> chosenRegion = region.map(Region::of).or(() -> endpoint.map(url -> LocalEmulator.region()));
      AwsClients clients;
      try {
        clients = AwsClients.forAccount(profile, chosenRegion, endpoint.map(URI::create));
      } catch (SdkClientException e) {
        throw new UsageException("no AWS region for --stack " + stack.get() + ": pass --region REGION, set AWS_REGION, or give"
            + " the profile a region (aws configure)");
      }
      return LocalDeployment.forStack(stack.get(), clients);
    }
    if (profile.isPresent() || region.isPresent()) {
      throw new UsageException("--profile and --region choose the account of a deployed stack: give --stack NAME too");
    }
    return LocalDeployment.attach(projectRoot, EmulatorEndpoint.choose(endpoint, System.getenv(), projectRoot));
  }
}
