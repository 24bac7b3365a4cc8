package io.qualityhub.local.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A person the local sign-in page offers, with the one Cognito group they would have on AWS.
 *
 * @param name  e.g. {@code manager-TPE-01}
 * @param group e.g. {@code branch-manager:TPE-01}
 */
record PortalUser(String name, String group) {

  /** {@code auditor-demo}, {@code quality-demo} and {@code manager-<BRANCH>} for every branch given. */
  static List<PortalUser> demoUsers(Collection<String> branches) {
    List<PortalUser> users = new ArrayList<>(List.of(new PortalUser("auditor-demo", "auditor"),
        new PortalUser("quality-demo", "quality")));
    branches.stream().sorted().forEach(branch -> users.add(new PortalUser("manager-" + branch, "branch-manager:" + branch)));
    return users;
  }
}
