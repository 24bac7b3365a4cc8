package io.qualityhub.deadlines;

import io.qualityhub.core.policy.JsonChecker;
import io.qualityhub.core.policy.PolicyJson;
import io.qualityhub.core.policy.UnreadablePolicyException;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.WireNamed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads the deadline policy: the defaults shipped in {@code deadline-policy.json}, optionally with a deployment's
 * override merged over them as an RFC 7386 merge patch ({@link PolicyJson#readOverride}): objects merge recursively,
 * {@code null} removes a key, any other value (number, string, array) replaces the default, so an override names only
 * what it changes, and a holiday list in an override replaces that country's list whole. The merged document is validated as a whole; every problem is reported with its JSON path.
 */
public final class DeadlinePolicyLoader {

    static final String DEFAULTS_RESOURCE = "/deadline-policy.json";

    private static final Pattern BRANCH = Pattern.compile("[A-Z0-9-]{2,16}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final String LIMIT_EXAMPLE = "add e.g. {\"amount\": 10, \"unit\": \"calendar_days\"}";
    private static final String DATE_EXAMPLE = "add e.g. {\"date\": \"2026-01-01\", \"name\": \"New Year's Day\"}";

    private DeadlinePolicyLoader() {
    }

    /** The policy shipped with the code. */
    public static DeadlinePolicy loadDefaults() {
        return validate("the built-in defaults", readDefaults(), new JsonChecker());
    }

    /**
     * The defaults with {@code override} merged over them. The override must carry its own {@code version}, different
     * from the defaults', so that what the monitor produces can be traced to the policy that applied.
     */
    public static DeadlinePolicy load(InputStream override) {
        String source = "the built-in defaults merged with the override";
        ObjectNode defaults = readDefaults();
        ObjectNode merged;
        try {
            merged = PolicyJson.readOverride(defaults, override);
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidDeadlinePolicyException(source, unreadable.problem().toString(), unreadable);
        }
        JsonChecker check = new JsonChecker();
        PolicyJson.overrideVersionProblem(defaults, merged, "the defaults'", "-tpe-pilot",
                "alerts record which policy applied").ifPresent(problem -> check.problem(problem.path(),
                problem.what() + "; " + problem.whatToDo()));
        return validate(source, merged, check);
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = DeadlinePolicyLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath; rebuild the"
                        + " monitor module so its resources are packaged");
            }
            return PolicyJson.readDocument(in);
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidDeadlinePolicyException("the built-in defaults", unreadable.problem().toString(),
                    unreadable);
        } catch (IOException closeFailure) {
            throw new UncheckedIOException("could not close " + DEFAULTS_RESOURCE, closeFailure);
        }
    }

    private static DeadlinePolicy validate(String source, JsonNode root, JsonChecker check) {
        check.onlyKeys(root, "$", List.of("version", "timeZone", "levels", "calendars", "claims", "complaints"));
        String version = check.text(root, "$", "version", "add e.g. \"2026-11-1\"");
        ZoneId zone = zone(check, root);
        BigDecimal warningShare = null;
        BigDecimal severeMultiplier = null;
        JsonNode levels = check.object(root, "$", "levels", "add {\"warningShare\": 0.8, \"severeMultiplier\": 2}");
        if (levels != null) {
            check.onlyKeys(levels, "$.levels", List.of("warningShare", "severeMultiplier"));
            warningShare = check.number(levels, "$.levels", "warningShare", "use a share such as 0.8");
            if (warningShare != null && (warningShare.signum() <= 0 || warningShare.compareTo(BigDecimal.ONE) >= 0)) {
                check.problem("$.levels.warningShare", "must be greater than 0 and less than 1 (0.8 warns when 80%"
                        + " of the time is used), was " + shown(warningShare));
                warningShare = null;
            }
            severeMultiplier = check.number(levels, "$.levels", "severeMultiplier", "use a multiple such as 2");
            if (severeMultiplier != null && severeMultiplier.compareTo(BigDecimal.ONE) <= 0) {
                check.problem("$.levels.severeMultiplier", "must be greater than 1 (2 escalates at twice the limit),"
                        + " was " + shown(severeMultiplier));
                severeMultiplier = null;
            }
        }
        BusinessCalendars calendars = calendars(check, root);
        ClaimLimits claims = claims(check, root);
        ComplaintLimits complaints = complaints(check, root);
        if (check.hasProblems()) {
            throw new InvalidDeadlinePolicyException(source, check.problems());
        }
        return new DeadlinePolicy(version, zone, warningShare, severeMultiplier, calendars, claims, complaints);
    }

    /**
     * A number as the policy wrote it, for a problem message: plain digits when short, else scientific notation. A
     * plain rendering of 1e999999999 alone would be a billion digits long.
     */
    private static String shown(BigDecimal number) {
        return Math.abs((long) number.precision() - number.scale()) <= 30 && Math.abs(number.scale()) <= 30
                ? number.toPlainString() : number.toString();
    }

    private static ZoneId zone(JsonChecker check, JsonNode root) {
        String id = check.text(root, "$", "timeZone", "add an IANA time-zone ID such as \"Asia/Taipei\"");
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            check.problem("$.timeZone", "'" + id + "' is not a time-zone ID; use an IANA ID such as Asia/Taipei");
            return null;
        }
    }

    // ---- calendars

    private static BusinessCalendars calendars(JsonChecker check, JsonNode root) {
        String path = "$.calendars";
        JsonNode node = check.object(root, "$", "calendars",
                "add {\"defaultCountry\": \"TW\", \"branchCountries\": {}, \"countries\": {...}}");
        if (node == null) {
            return null;
        }
        check.onlyKeys(node, path, List.of("defaultCountry", "branchCountries", "countries"));
        Map<String, HolidayCalendar> countries = new HashMap<>();
        JsonNode countriesNode = check.object(node, path, "countries", "add one calendar per country, e.g. \"TW\"");
        if (countriesNode != null) {
            JsonChecker.forEachField(countriesNode, (code, calendarNode) -> {
                String countryPath = JsonChecker.at(path + ".countries", code);
                if (!COUNTRY.matcher(code).matches()) {
                    check.problem(countryPath, "country codes are two capital letters (ISO 3166), e.g. TW or CN");
                    return;
                }
                HolidayCalendar calendar = country(check, countryPath, code, calendarNode);
                if (calendar != null) {
                    countries.put(code, calendar);
                }
            });
        }
        String defaultCountry = check.text(node, path, "defaultCountry", "add the country most branches are in");
        if (defaultCountry != null && countriesNode != null && !countriesNode.has(defaultCountry)) {
            check.problem(path + ".defaultCountry", "'" + defaultCountry + "' has no calendar; add it under "
                    + path + ".countries or name one of " + fieldNames(countriesNode));
        }
        Map<String, String> branchCountries = new HashMap<>();
        JsonNode branchesNode = check.object(node, path, "branchCountries",
                "add {} or map branch ids to countries, e.g. {\"SHA-01\": \"CN\"}");
        if (branchesNode != null) {
            JsonChecker.forEachField(branchesNode, (branch, countryNode) -> {
                String branchPath = JsonChecker.at(path + ".branchCountries", branch);
                if (!BRANCH.matcher(branch).matches()) {
                    check.problem(branchPath, "not a branch id (2-16 of A-Z 0-9 -, as in the upload format)");
                } else if (!countryNode.isTextual() || countriesNode == null || !countriesNode.has(countryNode.asText())) {
                    check.problem(branchPath, "country " + countryNode + " has no calendar; add it under "
                            + path + ".countries");
                } else {
                    branchCountries.put(branch, countryNode.asText());
                }
            });
        }
        return check.hasProblems() ? null : new BusinessCalendars(defaultCountry, branchCountries, countries);
    }

    private static HolidayCalendar country(JsonChecker check, String path, String code, JsonNode node) {
        if (!node.isObject()) {
            check.problem(path, "must be an object with weekend, years, holidays and workingDays");
            return null;
        }
        check.onlyKeys(node, path, List.of("sources", "weekend", "years", "holidays", "workingDays"));
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        JsonNode weekendNode = check.array(node, path, "weekend", "add e.g. [\"SATURDAY\", \"SUNDAY\"]");
        if (weekendNode != null) {
            for (int i = 0; i < weekendNode.size(); i++) {
                try {
                    weekend.add(DayOfWeek.valueOf(weekendNode.get(i).asText()));
                } catch (IllegalArgumentException notADay) {
                    check.problem(path + ".weekend[" + i + "]", weekendNode.get(i) + " is not a day of the week;"
                            + " use MONDAY ... SUNDAY");
                }
            }
            if (weekend.size() == DayOfWeek.values().length) {
                check.problem(path + ".weekend", "every day is a weekend day, so no business day would ever come;"
                        + " list only the days not worked");
            }
        }
        Set<Integer> years = new HashSet<>();
        JsonNode yearsNode = check.array(node, path, "years", "list the years whose holidays are given, e.g. [2026]");
        if (yearsNode != null) {
            for (int i = 0; i < yearsNode.size(); i++) {
                JsonNode year = yearsNode.get(i);
                if (!year.isIntegralNumber() || year.intValue() < 2000 || year.intValue() > 2100) {
                    check.problem(path + ".years[" + i + "]", "must be a year from 2000 to 2100, was " + year);
                } else {
                    years.add(year.intValue());
                }
            }
        }
        Map<LocalDate, String> holidays = datedNames(check, node, path, "holidays", years);
        Map<LocalDate, String> workingDays = datedNames(check, node, path, "workingDays", years);
        Map<Integer, CalendarSource> sources = sources(check, node, path, years);
        if (holidays == null || workingDays == null || weekendNode == null || yearsNode == null || sources == null) {
            return null;
        }
        for (LocalDate day : workingDays.keySet()) {
            if (holidays.containsKey(day)) {
                check.problem(path + ".workingDays", day + " is also listed as a holiday; keep it in one list");
            } else if (!weekend.contains(day.getDayOfWeek())) {
                check.problem(path + ".workingDays", day + " is a " + day.getDayOfWeek() + ", already a business"
                        + " day; list only weekend days that are worked");
            }
        }
        return new HolidayCalendar(code, weekend, holidays, workingDays, years, sources);
    }

    private static final String SOURCE_EXAMPLE = "{\"year\": 2027, \"status\": \"official\", \"document\":"
            + " \"the published calendar\", \"published\": \"2026-06-15\"}";

    /** Every listed year names where its days come from; a provisional year also says how they were derived. */
    private static Map<Integer, CalendarSource> sources(JsonChecker check, JsonNode calendar, String path,
                                                        Set<Integer> years) {
        JsonNode list = check.array(calendar, path, "sources", "add one entry per year, e.g. " + SOURCE_EXAMPLE);
        if (list == null) {
            return null;
        }
        String sourcesPath = JsonChecker.at(path, "sources");
        Map<Integer, CalendarSource> byYear = new HashMap<>();
        Set<Integer> named = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String entryPath = sourcesPath + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                check.problem(entryPath, "must be an object, e.g. " + SOURCE_EXAMPLE);
                continue;
            }
            check.onlyKeys(entry, entryPath, List.of("year", "status", "document", "published", "basis"));
            Integer year = check.wholeNumber(entry, entryPath, "year", 2000, 2100);
            String status = check.text(entry, entryPath, "status", "use official or provisional");
            String document = check.text(entry, entryPath, "document", "name the official calendar or notice");
            String published = check.optionalText(entry, entryPath, "published");
            String basis = check.optionalText(entry, entryPath, "basis");
            if (year != null) {
                named.add(year);
            }
            if (year == null || status == null || document == null || published == null || basis == null) {
                continue;
            }
            boolean provisional = status.equals("provisional");
            Optional<LocalDate> publishedOn = Optional.empty();
            try {
                publishedOn = published.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(published));
            } catch (DateTimeParseException notADate) {
                check.problem(entryPath + ".published", "'" + published + "' is not a date; use YYYY-MM-DD");
            }
            if (!provisional && !status.equals("official")) {
                check.problem(entryPath + ".status", "'" + status + "' is not a status; use official or provisional");
            } else if (provisional && basis.isBlank()) {
                check.problem(entryPath + ".basis", "a provisional year must say how its days were derived");
            } else if (!years.contains(year)) {
                check.problem(entryPath + ".year", year + " is not one of the calendar's years " + years
                        + "; add it to years or remove this source");
            } else if (byYear.putIfAbsent(year, new CalendarSource(year, provisional, document, publishedOn, basis))
                    != null) {
                check.problem(entryPath + ".year", year + " has two sources; keep one");
            }
        }
        for (int year : new TreeSet<>(years)) {
            if (!named.contains(year)) {
                check.problem(sourcesPath, year + " has no source; add an entry like " + SOURCE_EXAMPLE);
            }
        }
        return byYear;
    }

    private static Map<LocalDate, String> datedNames(JsonChecker check, JsonNode parent, String parentPath,
                                                     String key, Set<Integer> years) {
        JsonNode list = check.array(parent, parentPath, key, "add [] or entries like " + DATE_EXAMPLE.substring(4));
        if (list == null) {
            return null;
        }
        Map<LocalDate, String> byDate = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String entryPath = JsonChecker.at(parentPath, key) + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                check.problem(entryPath, "must be an object; " + DATE_EXAMPLE);
                continue;
            }
            check.onlyKeys(entry, entryPath, List.of("date", "name"));
            String text = check.text(entry, entryPath, "date", "add the date as YYYY-MM-DD");
            String name = check.text(entry, entryPath, "name", "add the day's name");
            if (text == null || name == null) {
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(text);
                if (!years.contains(date.getYear())) {
                    check.problem(entryPath + ".date", text + " is outside the calendar's years " + years
                            + "; add " + date.getYear() + " to years or correct the date");
                } else if (byDate.putIfAbsent(date, name) != null) {
                    check.problem(entryPath + ".date", text + " is listed twice; keep one entry");
                }
            } catch (DateTimeParseException notADate) {
                check.problem(entryPath + ".date", "'" + text + "' is not a date; use YYYY-MM-DD");
            }
        }
        return byDate;
    }

    // ---- claims

    private static ClaimLimits claims(JsonChecker check, JsonNode root) {
        String path = "$.claims";
        JsonNode node = check.object(root, "$", "claims",
                "add documents, decision, payment, denialNotice, advancePayment and greenChannel limits");
        if (node == null) {
            return null;
        }
        check.onlyKeys(node, path,
                List.of("documents", "decision", "payment", "denialNotice", "advancePayment", "greenChannel"));
        DeadlineLimit documents = limit(check, node, path, "documents");
        DeadlineLimit payment = limit(check, node, path, "payment");
        DeadlineLimit denialNotice = limit(check, node, path, "denialNotice");
        DeadlineLimit advancePayment = limit(check, node, path, "advancePayment");
        Map<ProductLine, Map<Complexity, DeadlineLimit>> settlement = new EnumMap<>(ProductLine.class);
        JsonNode settlementNode = check.object(node, path, "decision",
                "add one entry per product line: " + WireNamed.accepted(ProductLine.class));
        if (settlementNode != null) {
            String settlementPath = path + ".decision";
            rejectUnknownKeys(check, settlementNode, settlementPath, ProductLine.class, "product line");
            for (ProductLine line : ProductLine.values()) {
                Map<Complexity, DeadlineLimit> byComplexity = byComplexity(check, settlementNode, settlementPath,
                        line.wireName());
                if (byComplexity != null) {
                    settlement.put(line, byComplexity);
                }
            }
        }
        ClaimLimits.GreenChannelLimits green = null;
        JsonNode greenNode = check.object(node, path, "greenChannel", "add documents, decision and payment limits");
        if (greenNode != null) {
            String greenPath = path + ".greenChannel";
            check.onlyKeys(greenNode, greenPath, List.of("documents", "decision", "payment"));
            DeadlineLimit greenDocuments = limit(check, greenNode, greenPath, "documents");
            Map<Complexity, DeadlineLimit> greenSettlement = byComplexity(check, greenNode, greenPath, "decision");
            DeadlineLimit greenPayment = limit(check, greenNode, greenPath, "payment");
            if (greenDocuments != null && greenSettlement != null && greenPayment != null) {
                green = new ClaimLimits.GreenChannelLimits(greenDocuments, greenSettlement, greenPayment);
            }
        }
        if (documents == null || payment == null || denialNotice == null || advancePayment == null || green == null
                || settlement.size() != ProductLine.values().length) {
            return null;
        }
        String tighter = "green-channel claims must not be given longer than other claims";
        notLonger(check, path + ".greenChannel.documents", green.documents(), path + ".documents", documents, tighter);
        notLonger(check, path + ".greenChannel.payment", green.payment(), path + ".payment", payment, tighter);
        for (Complexity complexity : Complexity.values()) {
            for (ProductLine line : ProductLine.values()) {
                notLonger(check, path + ".greenChannel.decision." + complexity.wireName(),
                        green.decision().get(complexity),
                        path + ".decision." + line.wireName() + "." + complexity.wireName(),
                        settlement.get(line).get(complexity), tighter);
            }
        }
        return new ClaimLimits(documents, settlement, payment, denialNotice, advancePayment, green);
    }

    private static Map<Complexity, DeadlineLimit> byComplexity(JsonChecker check, JsonNode parent, String parentPath,
                                                               String key) {
        String path = JsonChecker.at(parentPath, key);
        JsonNode node = check.object(parent, parentPath, key, "add {\"simple\": {...}, \"complex\": {...}} limits");
        if (node == null) {
            return null;
        }
        rejectUnknownKeys(check, node, path, Complexity.class, "complexity");
        Map<Complexity, DeadlineLimit> limits = new EnumMap<>(Complexity.class);
        for (Complexity complexity : Complexity.values()) {
            DeadlineLimit limit = limit(check, node, path, complexity.wireName());
            if (limit != null) {
                limits.put(complexity, limit);
            }
        }
        return limits.size() == Complexity.values().length ? limits : null;
    }

    // ---- complaints

    private static ComplaintLimits complaints(JsonChecker check, JsonNode root) {
        String path = "$.complaints";
        JsonNode node = check.object(root, "$", "complaints", "add general and major limits");
        if (node == null) {
            return null;
        }
        rejectUnknownKeys(check, node, path, ComplaintSeverity.class, "complaint severity");
        Map<ComplaintSeverity, DeadlineLimit> firstResponse = new EnumMap<>(ComplaintSeverity.class);
        Map<ComplaintSeverity, DeadlineLimit> resolution = new EnumMap<>(ComplaintSeverity.class);
        Map<ComplaintSeverity, DeadlineLimit> extendedResolution = new EnumMap<>(ComplaintSeverity.class);
        for (ComplaintSeverity severity : ComplaintSeverity.values()) {
            String severityPath = JsonChecker.at(path, severity.wireName());
            JsonNode severityNode = check.object(node, path, severity.wireName(),
                    "add firstResponse, resolution and extendedResolution limits");
            if (severityNode == null) {
                continue;
            }
            check.onlyKeys(severityNode, severityPath, List.of("firstResponse", "resolution", "extendedResolution"));
            DeadlineLimit first = limit(check, severityNode, severityPath, "firstResponse");
            DeadlineLimit resolve = limit(check, severityNode, severityPath, "resolution");
            DeadlineLimit extended = limit(check, severityNode, severityPath, "extendedResolution");
            if (first != null && resolve != null && extended != null) {
                notLonger(check, severityPath + ".firstResponse", first, severityPath + ".resolution", resolve,
                        "the first response cannot be due after the resolution");
                notLonger(check, severityPath + ".resolution", resolve, severityPath + ".extendedResolution", extended,
                        "an extension cannot shorten the resolution limit");
                firstResponse.put(severity, first);
                resolution.put(severity, resolve);
                extendedResolution.put(severity, extended);
            }
        }
        if (firstResponse.size() != ComplaintSeverity.values().length) {
            return null;
        }
        for (String clock : List.of("firstResponse", "resolution")) {
            Map<ComplaintSeverity, DeadlineLimit> limits = clock.equals("firstResponse") ? firstResponse : resolution;
            notLonger(check, path + ".major." + clock, limits.get(ComplaintSeverity.MAJOR),
                    path + ".general." + clock, limits.get(ComplaintSeverity.GENERAL),
                    "major complaints must not be given longer than general ones");
        }
        return new ComplaintLimits(firstResponse, resolution, extendedResolution);
    }

    // ---- shared

    private static DeadlineLimit limit(JsonChecker check, JsonNode parent, String parentPath, String key) {
        String path = JsonChecker.at(parentPath, key);
        JsonNode node = check.object(parent, parentPath, key, LIMIT_EXAMPLE);
        if (node == null) {
            return null;
        }
        check.onlyKeys(node, path, List.of("amount", "unit", "basis"));
        Integer amount = check.wholeNumber(node, path, "amount", 1, 1000);
        LimitUnit unit = check.wireValue(node, path, "unit", LimitUnit.class);
        String basis = check.optionalText(node, path, "basis");
        return amount == null || unit == null || basis == null ? null : new DeadlineLimit(amount, unit, basis);
    }

    /** Compares only limits counted in the same unit: hours and days do not convert without a calendar. */
    private static void notLonger(JsonChecker check, String path, DeadlineLimit limit, String otherPath,
                                  DeadlineLimit other, String why) {
        if (limit.isLongerThan(other)) {
            check.problem(path, limit.describe() + " is longer than " + otherPath + " (" + other.describe() + "); "
                    + why);
        }
    }

    private static <E extends Enum<E> & WireNamed> void rejectUnknownKeys(JsonChecker check, JsonNode node,
                                                                          String path, Class<E> type, String what) {
        JsonChecker.forEachField(node, (key, value) -> {
            try {
                WireNamed.parse(type, what, key);
            } catch (IllegalArgumentException unknown) {
                check.problem(JsonChecker.at(path, key), "unknown " + what + " '" + key + "'; use "
                        + WireNamed.accepted(type));
            }
        });
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        JsonChecker.forEachField(node, (name, value) -> names.add(name));
        return String.join(", ", names);
    }
}
