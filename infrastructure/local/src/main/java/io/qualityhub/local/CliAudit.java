package io.qualityhub.local;

import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Puts a command line look at customer data (lookup, erase, rekey) on the same hash-chained audit
 * trail as report access: action, principal, role, time, what was touched and how many records,
 * never the value searched for. The principal is the caller's identity as STS GetCallerIdentity
 * gives it (an ARN), or, when STS does not answer, {@code os-user:NAME}, so the record says which.
 */
final class CliAudit {

  /** What the trail holds as source address and user agent for the command line. */
  static final String SOURCE = "command-line";
  private static final Pattern ASSUMED_ROLE = Pattern.compile("^arn:[^:]+:sts::\\d*:assumed-role/([^/]+)/.*$");
  private static final Pattern IAM_ROLE = Pattern.compile("^arn:[^:]+:iam::\\d*:role/(?:.*/)?([^/]+)$");

  private CliAudit() {}

  /** The caller and the role they act in, as far as known. */
  record Principal(String who, String role) {}

  /**
   * Appends one allowed record. A failure to append fails the command: a look at customer data
   * that cannot be recorded is not shown.
   */
  static AccessRecord append(LocalDeployment local, String action, String subject, long records) {
    Principal principal = principal(local);
    try {
      return new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable")).append(action, principal.who(),
          principal.role(), subject, records, AccessRecord.Decision.ALLOW, Instant.now(), SOURCE, "qualityhub " + action);
    } catch (RuntimeException e) {
      String consequence = AccessRecord.LOOKUP.equals(action)
          ? "Its result is not shown; check access to the reports table and run it again."
          : "It WAS carried out but is not on the trail: check access to the reports table and report the gap to whoever"
              + " reviews the trail (running it again is recorded, but with 0 records, as nothing is left to do).";
      throw new IllegalStateException("the " + action + " could not be put on the audit trail (table "
          + local.physicalId("ReportsTable") + "): " + e.getMessage() + ". " + consequence, e);
    }
  }

  static Principal principal(LocalDeployment local) {
    try (StsClient sts = local.clients().configure(StsClient.builder()).build()) {
      String arn = sts.getCallerIdentity().arn();
      if (arn != null && !arn.isBlank()) {
        return new Principal(arn, roleOf(arn));
      }
    } catch (SdkException e) {
      // No identity from STS: the operating system's user is the best there is, and the record says so.
    }
    return new Principal("os-user:" + System.getProperty("user.name", "unknown"), "unknown");
  }

  /** The role name of an assumed-role or role ARN; {@code unknown} for a user or anything else. */
  static String roleOf(String arn) {
    for (Pattern pattern : new Pattern[] {ASSUMED_ROLE, IAM_ROLE}) {
      Matcher matcher = pattern.matcher(arn);
      if (matcher.matches()) {
        return matcher.group(1);
      }
    }
    return "unknown";
  }
}
