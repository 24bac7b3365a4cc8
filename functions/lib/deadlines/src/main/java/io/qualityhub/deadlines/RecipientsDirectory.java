package io.qualityhub.deadlines;

import io.qualityhub.core.policy.JsonChecker;
import io.qualityhub.core.policy.PolicyJson;
import io.qualityhub.core.policy.UnreadablePolicyException;
import io.qualityhub.core.format.WireNamed;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who receives alerts, by branch and role. The JSON form:
 * <pre>{@code
 * {
 *   "defaults": {"head_office_quality": ["quality-hq@example.com"], "department_head:claims": ["claims-head@example.com"]},
 *   "branches": {"TPE-01": {"branch_manager": ["tpe01-manager@example.com"]}},
 *   "languages": {"claims-head@example.com": "en"}
 * }
 * }</pre>
 * A branch's own entry for a role wins; otherwise the {@code defaults} entry applies (department heads are usually
 * company-wide). {@code head_office_quality} belongs in {@code defaults} only. {@code languages} (optional) names
 * the language an address reads its digests in ({@code zh-Hant}, {@code en}); every other address gets Traditional
 * Chinese with English after it ({@code zh-Hant+en}).
 *
 * @param defaults  company-wide addresses by role
 * @param branches  addresses by branch and role
 * @param languages digest language by address, where the recipient asked for one
 */
public record RecipientsDirectory(Map<Role, List<String>> defaults, Map<String, Map<Role, List<String>>> branches,
                                  Map<String, DigestLanguage> languages) {

    private static final Pattern BRANCH = Pattern.compile("[A-Z0-9-]{2,16}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+");

    public RecipientsDirectory {
        defaults = copy(defaults);
        Map<String, Map<Role, List<String>>> branchCopy = new HashMap<>();
        branches.forEach((branch, roles) -> branchCopy.put(branch, copy(roles)));
        branches = Map.copyOf(branchCopy);
        languages = Map.copyOf(languages);
    }

    /** The language a recipient reads digests in: as the directory names it, else Traditional Chinese and English. */
    public DigestLanguage languageOf(String address) {
        return languages.getOrDefault(address, DigestLanguage.ZH_HANT_AND_EN);
    }

    /** The addresses for a role at a branch; empty when the directory has none, which the router reports. */
    public List<String> addressesFor(String branch, Role role) {
        List<String> own = branches.getOrDefault(branch, Map.of()).get(role);
        return own != null ? own : defaults.getOrDefault(role, List.of());
    }

    public static RecipientsDirectory load(InputStream json) {
        JsonNode root;
        try {
            root = PolicyJson.readDocument(json);
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidRecipientsDirectoryException(unreadable.problem().toString(), unreadable);
        }
        JsonChecker check = new JsonChecker();
        check.onlyKeys(root, "$", List.of("defaults", "branches", "languages"));
        Map<Role, List<String>> defaults = new EnumMap<>(Role.class);
        JsonNode defaultsNode = check.object(root, "$", "defaults",
                "add {\"head_office_quality\": [\"...\"]} with the company-wide addresses");
        if (defaultsNode != null) {
            defaults = roles(check, "$.defaults", defaultsNode, true);
            if (!defaults.containsKey(Role.HEAD_OFFICE_QUALITY)) {
                check.problem("$.defaults.head_office_quality", "missing; severely overdue items and major complaints"
                        + " go there, so add at least one address");
            }
        }
        Map<String, Map<Role, List<String>>> branches = new HashMap<>();
        JsonNode branchesNode = check.object(root, "$", "branches",
                "add one entry per branch, e.g. {\"TPE-01\": {\"branch_manager\": [\"...\"]}}");
        if (branchesNode != null) {
            JsonChecker.forEachField(branchesNode, (branch, rolesNode) -> {
                String path = JsonChecker.at("$.branches", branch);
                if (!BRANCH.matcher(branch).matches()) {
                    check.problem(path, "not a branch id (2-16 of A-Z 0-9 -, as in the upload format)");
                } else if (!rolesNode.isObject()) {
                    check.problem(path, "must be an object of role to addresses");
                } else {
                    branches.put(branch, roles(check, path, rolesNode, false));
                }
            });
        }
        Map<String, DigestLanguage> languages = languages(check, root.get("languages"));
        if (check.hasProblems()) {
            throw new InvalidRecipientsDirectoryException(check.problems());
        }
        return new RecipientsDirectory(defaults, branches, languages);
    }

    private static Map<Role, List<String>> roles(JsonChecker check, String path, JsonNode node, boolean isDefaults) {
        Map<Role, List<String>> roles = new EnumMap<>(Role.class);
        JsonChecker.forEachField(node, (roleName, addressesNode) -> {
            String rolePath = JsonChecker.at(path, roleName);
            Role role;
            try {
                role = Role.fromWire(roleName);
            } catch (IllegalArgumentException unknown) {
                check.problem(rolePath, "unknown role; use one of " + WireNamed.accepted(Role.class));
                return;
            }
            if (role == Role.HEAD_OFFICE_QUALITY && !isDefaults) {
                check.problem(rolePath, "head office quality is company-wide; move it to $.defaults");
                return;
            }
            if (!addressesNode.isArray() || addressesNode.isEmpty()) {
                check.problem(rolePath, "must be a non-empty array of e-mail addresses");
                return;
            }
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < addressesNode.size(); i++) {
                JsonNode address = addressesNode.get(i);
                if (!address.isTextual() || !ADDRESS.matcher(address.asText()).matches()) {
                    check.problem(rolePath + "[" + i + "]", "not an e-mail address: " + address);
                } else {
                    addresses.add(address.asText());
                }
            }
            roles.put(role, addresses);
        });
        return roles;
    }

    private static Map<String, DigestLanguage> languages(JsonChecker check, JsonNode node) {
        Map<String, DigestLanguage> languages = new HashMap<>();
        if (node == null) {
            return languages;
        }
        if (!node.isObject()) {
            check.problem("$.languages", "must be an object of e-mail address to language, e.g. {\"a@example.com\": \"en\"}");
            return languages;
        }
        JsonChecker.forEachField(node, (address, language) -> {
            String path = JsonChecker.at("$.languages", address);
            if (!ADDRESS.matcher(address).matches()) {
                check.problem(path, "not an e-mail address");
            } else if (!language.isTextual()) {
                check.problem(path, "must be one of " + WireNamed.accepted(DigestLanguage.class));
            } else {
                try {
                    languages.put(address, DigestLanguage.fromWire(language.asText()));
                } catch (IllegalArgumentException unknown) {
                    check.problem(path, "'" + language.asText() + "' is not one of "
                            + WireNamed.accepted(DigestLanguage.class));
                }
            }
        });
        return languages;
    }

    private static Map<Role, List<String>> copy(Map<Role, List<String>> roles) {
        Map<Role, List<String>> copy = new EnumMap<>(Role.class);
        roles.forEach((role, addresses) -> copy.put(Objects.requireNonNull(role), List.copyOf(addresses)));
        return Map.copyOf(copy);
    }
}
