package io.qualityhub.reports.report;

import io.qualityhub.core.format.ActionStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.reports.aggregate.AggregateFormatException;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.AggregateSource;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.indicator.InvalidIndicatorTargetsException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Everything the reports of one order were built from: the aggregates the build read (one span, shared by the
 * company report and its branch reports), the definitions with their versions (the indicator targets document,
 * the deadline policy's version), the instant the order was built as of, the generator's version, and each report's
 * request (period, scope, as-of date, special items, sample statements, branch names). A report is a function of
 * its snapshot: {@link #rebuild} gives the same report again, however the aggregates change later, and the report
 * function renders what {@link #rebuild} gives, so nothing outside the snapshot can reach a report.
 *
 * <p>{@link #toJson} is canonical (fields in a fixed order, maps sorted), so {@link #digest} identifies the content.
 */
public record ReportSnapshot(String generator, Instant asOf, IndicatorTargets targets, String deadlinePolicyVersion,
                             LocalDate aggregatesFrom, LocalDate aggregatesTo, List<DailyAggregate> aggregates,
                             Map<String, ReportRequest> reports) {

    public static final int FORMAT_VERSION = 1;

    /** This build's version, as a snapshot records who generated a report. */
    public static final String GENERATOR = "qualityhub-reports " + projectVersion();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter COMPACT_INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public ReportSnapshot {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(deadlinePolicyVersion, "deadlinePolicyVersion");
        Objects.requireNonNull(aggregatesFrom, "aggregatesFrom");
        Objects.requireNonNull(aggregatesTo, "aggregatesTo");
        aggregates = List.copyOf(aggregates);
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a snapshot is of at least one report");
        }
        reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
    }

    /** The snapshot's bytes ({@link #toJson}) and what each report built from it says of it, computed once. */
    public record Written(byte[] json, SnapshotReference reference) {
    }

    /**
     * The bytes to store and the reference: its id (where it is kept: the order's period, the as-of instant and the
     * first 16 hex digits of the digest, e.g. {@code 2026-11/20261201T060000Z-3f2a9c1b5d7e0a12}) and its digest.
     */
    public Written written() {
        byte[] json = toJson();
        String digest = sha256(json);
        String id = reports.values().iterator().next().period().label() + "/" + COMPACT_INSTANT.format(asOf) + "-"
                + digest.substring(0, 16);
        return new Written(json, new SnapshotReference(id, digest, targets.version(), deadlinePolicyVersion, asOf,
                generator));
    }

    /** What each report built from this snapshot says of it. */
    public SnapshotReference reference() {
        return written().reference();
    }

    /** SHA-256 (lower-case hex) of {@link #toJson}. */
    public String digest() {
        return sha256(toJson());
    }

    /**
     * The report {@code reportId} as its request and this snapshot's aggregates and definitions make it.
     *
     * @throws InvalidSnapshotException when the snapshot holds no such report, or its request does not make it
     */
    public QualityReport rebuild(String reportId) {
        return rebuild(reportId, replay());
    }

    /**
     * Every report of the snapshot, in its order, from one builder: the reports of an order share their tallies and
     * indicators, so they are computed once, not once per report.
     *
     * @throws InvalidSnapshotException as {@link #rebuild} does
     */
    public Map<String, QualityReport> rebuildAll() {
        ReportBuilder builder = replay();
        Map<String, QualityReport> rebuilt = new LinkedHashMap<>();
        reports.keySet().forEach(reportId -> rebuilt.put(reportId, rebuild(reportId, builder)));
        return rebuilt;
    }

    private QualityReport rebuild(String reportId, ReportBuilder builder) {
        ReportRequest request = reports.get(reportId);
        if (request == null) {
            throw new InvalidSnapshotException("the snapshot holds no report " + reportId + ", only " + reports.keySet());
        }
        QualityReport report;
        try {
            report = builder.build(request);
        } catch (InvalidSnapshotException wrongSpan) {
            throw new InvalidSnapshotException("report " + reportId + " " + wrongSpan.getMessage(), wrongSpan);
        }
        if (!report.baseName().equals(reportId)) {
            throw new InvalidSnapshotException("the snapshot's request for " + reportId + " makes " + report.baseName());
        }
        return report;
    }

    /** A builder over the snapshot's aggregates alone. */
    private ReportBuilder replay() {
        AggregateSource replay = (from, toInclusive) -> {
            if (!from.equals(aggregatesFrom) || !toInclusive.equals(aggregatesTo)) {
                throw new InvalidSnapshotException("reads the aggregates of " + from + ".." + toInclusive
                        + " but the snapshot holds those of " + aggregatesFrom + ".." + aggregatesTo);
            }
            return aggregates;
        };
        return new ReportBuilder(replay, targets, FindingRules.standard());
    }

    /**
     * Reads the aggregates a build asks of {@code source} and keeps them for its snapshot. Every report of an order
     * reads the same span; a second span is refused, as one snapshot keeps one.
     */
    public static final class Recorder implements AggregateSource {

        private final AggregateSource source;
        private LocalDate from;
        private LocalDate toInclusive;
        private List<DailyAggregate> read;

        public Recorder(AggregateSource source) {
            this.source = source;
        }

        @Override
        public List<DailyAggregate> aggregatesBetween(LocalDate from, LocalDate toInclusive) {
            if (read == null) {
                this.read = List.copyOf(source.aggregatesBetween(from, toInclusive));
                this.from = from;
                this.toInclusive = toInclusive;
            } else if (!from.equals(this.from) || !toInclusive.equals(this.toInclusive)) {
                throw new IllegalStateException("the reports of one order read one span of aggregates: " + this.from
                        + ".." + this.toInclusive + " was read, then " + from + ".." + toInclusive + " was asked for");
            }
            return read;
        }

        /** The snapshot of the reports built over this source, with their requests by report id. */
        public ReportSnapshot snapshot(String generator, Instant asOf, IndicatorTargets targets,
                                       String deadlinePolicyVersion, Map<String, ReportRequest> reports) {
            if (read == null) {
                throw new IllegalStateException("no report was built over this source yet");
            }
            return new ReportSnapshot(generator, asOf, targets, deadlinePolicyVersion, from, toInclusive, read, reports);
        }
    }

    /** The canonical form: UTF-8 JSON, fields in a fixed order, maps sorted, aggregates in their stored form. */
    public byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("generator", generator);
        root.put("asOf", asOf.toString());
        ObjectNode definitions = root.putObject("definitions");
        definitions.put("targetsVersion", targets.version());
        definitions.set("targets", tree(targets.document()));
        definitions.put("deadlinePolicyVersion", deadlinePolicyVersion);
        ObjectNode read = root.putObject("aggregates");
        read.put("from", aggregatesFrom.toString());
        read.put("to", aggregatesTo.toString());
        ArrayNode list = read.putArray("read");
        aggregates.forEach(aggregate -> list.add(tree(AggregateJson.write(aggregate))));
        ArrayNode requests = root.putArray("reports");
        reports.forEach((id, request) -> writeRequest(requests.addObject().put("id", id), request));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report snapshot could not be written as JSON", e);
        }
    }

    /**
     * A snapshot from its bytes, as {@link #toJson} wrote them.
     *
     * @throws InvalidSnapshotException naming what is missing or malformed
     */
    public static ReportSnapshot fromJson(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new InvalidSnapshotException("a snapshot is a JSON object");
            }
            int format = required(root, "formatVersion").asInt();
            if (format != FORMAT_VERSION) {
                throw new InvalidSnapshotException("snapshot format " + format + " is not " + FORMAT_VERSION);
            }
            JsonNode definitions = required(root, "definitions");
            IndicatorTargets targets = IndicatorTargets.load(new ByteArrayInputStream(
                    required(definitions, "targets").toString().getBytes(StandardCharsets.UTF_8)), "snapshot targets");
            if (!targets.version().equals(text(definitions, "targetsVersion"))) {
                throw new InvalidSnapshotException("the snapshot's targets are version " + targets.version()
                        + " but it names version " + text(definitions, "targetsVersion"));
            }
            JsonNode read = required(root, "aggregates");
            List<DailyAggregate> aggregates = new ArrayList<>();
            for (JsonNode aggregate : required(read, "read")) {
                aggregates.add(AggregateJson.read(aggregate.toString()));
            }
            Map<String, ReportRequest> reports = new LinkedHashMap<>();
            for (JsonNode report : required(root, "reports")) {
                reports.put(text(report, "id"), readRequest(report));
            }
            return new ReportSnapshot(text(root, "generator"), Instant.parse(text(root, "asOf")), targets,
                    text(definitions, "deadlinePolicyVersion"), LocalDate.parse(text(read, "from")),
                    LocalDate.parse(text(read, "to")), aggregates, reports);
        } catch (IOException | AggregateFormatException | InvalidIndicatorTargetsException | DateTimeParseException
                 | IllegalArgumentException e) {
            throw new InvalidSnapshotException("the snapshot does not read: " + e.getMessage(), e);
        }
    }

    private static void writeRequest(ObjectNode node, ReportRequest request) {
        writePeriod(node.putObject("period"), request.period());
        node.put("scope", request.scope().label());
        node.put("asOf", request.asOf().toString());
        node.put("generatedAt", request.generatedAt().toString());
        node.put("trendPeriods", request.trendPeriods());
        ObjectNode names = node.putObject("branchNames");
        new TreeMap<>(request.branchNames()).forEach(names::put);
        ObjectNode namesEn = node.putObject("branchNamesEn");
        new TreeMap<>(request.branchNamesEn()).forEach(namesEn::put);
        request.special().ifPresent(special -> writeSpecial(node.putObject("special"), special));
        ArrayNode samples = node.putArray("samples");
        request.samples().forEach(sample -> writeSample(samples.addObject(), sample));
        ArrayNode behind = node.putArray("recordsBehind");
        request.recordsBehind().forEach(item -> behind.addObject().put("id", item.itemId()).put("reason", item.reason()));
        ArrayNode revisions = node.putArray("revisions");
        for (Revision revision : request.revisions()) {
            ObjectNode r = revisions.addObject();
            writePeriod(r.putObject("period"), revision.period());
            r.put("reportedAt", revision.reportedAt().toString());
            r.put("changedAt", revision.changedAt().toString());
        }
    }

    private static void writePeriod(ObjectNode node, ReportPeriod period) {
        node.put("kind", period.kind().name());
        node.put("start", period.start().toString());
        node.put("end", period.endInclusive().toString());
    }

    private static ReportPeriod readPeriod(JsonNode node) {
        return new ReportPeriod(ReportPeriod.Kind.valueOf(text(node, "kind")), LocalDate.parse(text(node, "start")),
                LocalDate.parse(text(node, "end")));
    }

    private static ReportRequest readRequest(JsonNode node) {
        String scope = text(node, "scope");
        ReportRequest.Builder request = ReportRequest.builder(readPeriod(required(node, "period")),
                        scope.equals("company") ? ReportScope.company() : ReportScope.branch(scope),
                        Instant.parse(text(node, "generatedAt")))
                .asOf(LocalDate.parse(text(node, "asOf")))
                .trendPeriods(required(node, "trendPeriods").asInt());
        Map<String, String> names = new TreeMap<>();
        required(node, "branchNames").properties().forEach(entry -> names.put(entry.getKey(), entry.getValue().asText()));
        Map<String, String> namesEn = new TreeMap<>();
        required(node, "branchNamesEn").properties()
                .forEach(entry -> namesEn.put(entry.getKey(), entry.getValue().asText()));
        request.branchNames(names, namesEn);
        JsonNode special = node.get("special");
        if (special != null) {
            List<ProblemItem> items = new ArrayList<>();
            required(special, "items").forEach(item -> items.add(new ProblemItem(text(item, "id"), text(item, "reason"))));
            List<CorrectiveActionItem> actions = new ArrayList<>();
            required(special, "actions").forEach(action -> actions.add(readAction(action)));
            request.topic(ReportTopic.fromCode(text(special, "topic")), items, actions);
        }
        List<SampleAssurance> samples = new ArrayList<>();
        required(node, "samples").forEach(sample -> samples.add(readSample(sample)));
        List<ProblemItem> behind = new ArrayList<>();
        required(node, "recordsBehind").forEach(item -> behind.add(new ProblemItem(text(item, "id"), text(item, "reason"))));
        List<Revision> revisions = new ArrayList<>();
        required(node, "revisions").forEach(revision -> revisions.add(new Revision(readPeriod(required(revision, "period")),
                Instant.parse(text(revision, "reportedAt")), Instant.parse(text(revision, "changedAt")))));
        return request.samples(samples).recordsBehind(behind).revisions(revisions).build();
    }

    private static void writeSpecial(ObjectNode node, SpecialSection special) {
        node.put("topic", special.topic().code());
        ArrayNode items = node.putArray("items");
        special.items().forEach(item -> items.addObject().put("id", item.itemId()).put("reason", item.reason()));
        ArrayNode actions = node.putArray("actions");
        special.actions().forEach(action -> SectionJson.action(actions, action, action.status().name()));
    }

    private static CorrectiveActionItem readAction(JsonNode a) {
        return new CorrectiveActionItem(text(a, "branch"), text(a, "inspectionId"), text(a, "severity"),
                text(a, "owner"), LocalDate.parse(text(a, "raisedOn")), LocalDate.parse(text(a, "dueOn")),
                ActionStatus.valueOf(text(a, "status")), optionalDate(a, "closedOn"), optionalDate(a, "checkDueOn"));
    }

    private static void writeSample(ObjectNode node, SampleAssurance sample) {
        SectionJson.sample(node, sample, (agreement, team) -> agreement.put("kappa", team.kappa()));
    }

    private static SampleAssurance readSample(JsonNode node) {
        List<SampleAssurance.StratumStatement> strata = new ArrayList<>();
        required(node, "strata").forEach(s -> strata.add(new SampleAssurance.StratumStatement(text(s, "recordType"),
                text(s, "branch"), optionalText(s, "productLine"), required(s, "population").asInt(),
                required(s, "sampled").asInt(), required(s, "inspected").asInt(), required(s, "deviations").asInt(),
                optionalText(s, "statement"))));
        List<SampleAssurance.TeamAgreement> agreement = new ArrayList<>();
        required(node, "agreement").forEach(t -> {
            List<String> disagreements = new ArrayList<>();
            t.path("disagreements").forEach(task -> disagreements.add(task.asText()));
            JsonNode kappa = t.get("kappa");
            agreement.add(new SampleAssurance.TeamAgreement(text(t, "team"), required(t, "pairs").asInt(),
                    required(t, "agreements").asInt(), kappa == null || kappa.isNull() ? null : kappa.asDouble(),
                    disagreements));
        });
        List<SampleAssurance.RepeatViolator> violators = new ArrayList<>();
        required(node, "repeatViolators").forEach(v -> {
            List<String> branches = new ArrayList<>();
            v.path("branches").forEach(branch -> branches.add(branch.asText()));
            violators.add(new SampleAssurance.RepeatViolator(text(v, "staffId"), text(v, "department"), branches,
                    required(v, "violations").asInt()));
        });
        return new SampleAssurance(text(node, "period"), strata, agreement, violators);
    }

    private static LocalDate optionalDate(JsonNode node, String field) {
        String text = optionalText(node, field);
        return text == null ? null : LocalDate.parse(text);
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidSnapshotException("the snapshot lacks '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored form written by this code is not JSON", e);
        }
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = ReportSnapshot.class.getResourceAsStream("generator.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the generator's version", e);
        }
        return properties.getProperty("version", "(version unknown: not built by Maven)");
    }
}
