package io.qualityhub.deadlines;

import io.qualityhub.core.policy.JsonChecker;
import io.qualityhub.core.policy.PolicyJson;
import io.qualityhub.core.policy.UnreadablePolicyException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What each branch is called, so that digests, reports and the portal show a name beside the code. The JSON form:
 * <pre>{@code
 * {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1", "region": "北區 North"}}}
 * }</pre>
 * {@code region} is optional. A branch the directory does not list is shown by its code alone.
 *
 * @param branches the names by branch code
 */
public record BranchDirectory(Map<String, BranchName> branches) {

    /** The setting a stored {@code branch-directory} document takes the place of. */
    public static final String VARIABLE = "BRANCH_DIRECTORY";
    /** Used when no directory is configured: every branch shown by its code. */
    public static final BranchDirectory EMPTY = new BranchDirectory(Map.of());

    private static final Pattern BRANCH = Pattern.compile("[A-Z0-9-]{2,16}");
    private static final int MAX_NAME = 60;

    public BranchDirectory {
        branches = Map.copyOf(branches);
    }

    /**
     * A branch's names in both languages and its region.
     *
     * @param zh     the name in Traditional Chinese, e.g. 台北一分公司
     * @param en     the name in English
     * @param region the region, or empty
     */
    public record BranchName(String zh, String en, String region) {}

    public Optional<BranchName> nameOf(String branch) {
        return Optional.ofNullable(branches.get(branch));
    }

    /** Code → Traditional Chinese name, sorted by code, for the reports' {@code branchNames}. */
    public Map<String, String> namesZh() {
        Map<String, String> names = new TreeMap<>();
        branches.forEach((code, name) -> names.put(code, name.zh()));
        return names;
    }

    /** Code → English name, sorted by code. */
    public Map<String, String> namesEn() {
        Map<String, String> names = new TreeMap<>();
        branches.forEach((code, name) -> names.put(code, name.en()));
        return names;
    }

    /** The directory a setting holds; {@link #EMPTY} when the setting is absent or blank. */
    public static BranchDirectory fromSetting(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        return load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    public static BranchDirectory load(InputStream json) {
        JsonNode root;
        try {
            root = PolicyJson.readDocument(json);
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidBranchDirectoryException(List.of(unreadable.problem().toString()), unreadable);
        }
        JsonChecker check = new JsonChecker();
        check.onlyKeys(root, "$", List.of("branches"));
        Map<String, BranchName> branches = new TreeMap<>();
        JsonNode branchesNode = check.object(root, "$", "branches",
                "add one entry per branch, e.g. {\"TPE-01\": {\"name_zh\": \"...\", \"name_en\": \"...\"}}");
        if (branchesNode != null) {
            JsonChecker.forEachField(branchesNode, (branch, node) -> {
                String path = JsonChecker.at("$.branches", branch);
                if (!BRANCH.matcher(branch).matches()) {
                    check.problem(path, "not a branch id (2-16 of A-Z 0-9 -, as in the upload format)");
                } else if (!node.isObject()) {
                    check.problem(path, "must be an object with name_zh, name_en and optionally region");
                } else {
                    check.onlyKeys(node, path, List.of("name_zh", "name_en", "region"));
                    String zh = name(check, node, path, "name_zh", "the branch's name in Traditional Chinese");
                    String en = name(check, node, path, "name_en", "the branch's name in English");
                    String region = check.optionalText(node, path, "region");
                    if (region != null && !printable(region, path + ".region", check)) {
                        region = null;
                    }
                    if (zh != null && en != null && region != null) {
                        branches.put(branch, new BranchName(zh, en, region));
                    }
                }
            });
        }
        if (check.hasProblems()) {
            throw new InvalidBranchDirectoryException(check.problems(), null);
        }
        return new BranchDirectory(branches);
    }

    private static String name(JsonChecker check, JsonNode node, String path, String key, String what) {
        String name = check.text(node, path, key, "add " + what);
        return name != null && printable(name, JsonChecker.at(path, key), check) ? name : null;
    }

    /** Names are printed into mail, PDF and HTML: one line of at most {@value #MAX_NAME} characters. */
    private static boolean printable(String name, String path, JsonChecker check) {
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            check.problem(path, "must be one line without control characters");
            return false;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            check.problem(path, "longer than " + MAX_NAME + " characters; shorten it");
            return false;
        }
        return true;
    }
}
