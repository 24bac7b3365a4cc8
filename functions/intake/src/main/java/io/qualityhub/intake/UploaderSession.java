package io.qualityhub.intake;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The branch an upload's S3 event names as its uploader, if any. For a session of an assumed role
 * S3 writes {@code userIdentity.principalId} as {@code AWS:{roleId}:{sessionName}}; branch systems
 * upload with a session of BranchUploaderRole named {@code branch-{CODE}} (its trust policy requires
 * the name to match the session tag {@code branch}; docs/operations/branch-onboarding.md).
 *
 * <p>Only that form names a branch. No principal (moto sends none), an IAM user, a role session of
 * another name (the quality department's role, an operator) name none: intake then relies on the
 * bucket policy, which confines every principal but QualityUploaderRole to its own branch prefix.
 */
public final class UploaderSession {

  static final String SESSION_PREFIX = "branch-";
  /** {@code AWS:} then a role id (letters and digits, AROA... on AWS), then the session name. */
  private static final Pattern ASSUMED_ROLE = Pattern.compile("^AWS:([A-Z0-9]+):(.+)$");
  /** As UploadKey's branch: 2-16 characters of A-Z, 0-9 and '-'. */
  private static final Pattern BRANCH_SESSION = Pattern.compile("^" + SESSION_PREFIX + "([A-Z0-9-]{2,16})$");

  private UploaderSession() {}

  /**
   * The branch code of a {@code branch-{CODE}} session of an assumed role, or empty when the
   * principal is missing or is not such a session.
   */
  public static Optional<String> branchOf(String principalId) {
    if (principalId == null) {
      return Optional.empty();
    }
    Matcher role = ASSUMED_ROLE.matcher(principalId.strip());
    if (!role.matches()) {
      return Optional.empty();
    }
    Matcher session = BRANCH_SESSION.matcher(role.group(2));
    return session.matches() ? Optional.of(session.group(1)) : Optional.empty();
  }

  /** Whether a principal looks like a branch session at all, even of a malformed code: such a one is refused too. */
  static boolean claimsABranch(String principalId) {
    if (principalId == null) {
      return false;
    }
    Matcher role = ASSUMED_ROLE.matcher(principalId.strip());
    return role.matches() && role.group(2).startsWith(SESSION_PREFIX);
  }
}
