package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.Complexity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of a {@link DailyAggregate}: compact JSON with sorted keys, so equal aggregates
 * serialise to equal text. A dimensioned counter is written as {@code NAME|dimension}; a histogram
 * as its non-zero buckets.
 */
public final class AggregateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DIMENSION_SEPARATOR = "|";

    private AggregateJson() {
    }

    public static String write(DailyAggregate aggregate) {
        ObjectNode root = MAPPER.createObjectNode();
        AggregateKey key = aggregate.key();
        root.put("branch", key.branch());
        root.put("businessDate", key.businessDate().toString());
        root.put("recordType", key.recordType().name());
        root.put("generation", key.generation());
        ObjectNode branches = root.putObject("byBranch");
        new TreeMap<>(aggregate.byBranch()).forEach((branch, tallies) -> writeTallies(branches.putObject(branch), tallies));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an aggregate tree could not be written as JSON", e);
        }
    }

    public static DailyAggregate read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            AggregateKey key = new AggregateKey(text(root, "branch"), LocalDate.parse(text(root, "businessDate")),
                    AggregateOrigin.valueOf(text(root, "recordType")), required(root, "generation").asLong());
            Map<String, BranchTallies> byBranch = new HashMap<>();
            required(root, "byBranch").properties()
                    .forEach(entry -> byBranch.put(entry.getKey(), readTallies(entry.getValue())));
            return new DailyAggregate(key, byBranch);
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            throw new AggregateFormatException("a stored aggregate is not in the expected form: " + e.getMessage()
                    + ". Rebuild it by re-running intake for that file.", e);
        }
    }

    private static void writeTallies(ObjectNode node, BranchTallies tallies) {
        ObjectNode counters = node.putObject("counters");
        new TreeMap<>(tallies.counters()).forEach((key, value) -> counters.put(counterName(key), value));
        ObjectNode cycleTimes = node.putObject("claimCycleTimes");
        new TreeMap<>(tallies.claimCycleTimes()).forEach((complexity, histogram) -> {
            ObjectNode buckets = cycleTimes.putObject(complexity.name());
            histogram.nonZeroBuckets().forEach((bucket, count) -> buckets.put(bucket.toString(), count));
        });
        ObjectNode gauges = node.putObject("gauges");
        new TreeMap<>(tallies.gauges()).forEach((gauge, reading) -> {
            ObjectNode value = gauges.putObject(gauge.name());
            value.put("asOf", reading.asOf().toString());
            value.put("value", reading.value());
        });
    }

    private static BranchTallies readTallies(JsonNode node) {
        Map<CounterKey, Long> counters = new HashMap<>();
        required(node, "counters").properties()
                .forEach(entry -> counters.put(counterKey(entry.getKey()), entry.getValue().asLong()));
        Map<Complexity, DurationHistogram> cycleTimes = new EnumMap<>(Complexity.class);
        required(node, "claimCycleTimes").properties().forEach(entry -> {
            Map<Integer, Long> buckets = new HashMap<>();
            entry.getValue().properties()
                    .forEach(bucket -> buckets.put(Integer.parseInt(bucket.getKey()), bucket.getValue().asLong()));
            cycleTimes.put(Complexity.valueOf(entry.getKey()), DurationHistogram.fromBuckets(buckets));
        });
        Map<Gauge, GaugeReading> gauges = new EnumMap<>(Gauge.class);
        required(node, "gauges").properties().forEach(entry -> gauges.put(Gauge.valueOf(entry.getKey()),
                new GaugeReading(LocalDate.parse(text(entry.getValue(), "asOf")),
                        required(entry.getValue(), "value").asLong())));
        return new BranchTallies(counters, cycleTimes, gauges);
    }

    private static String counterName(CounterKey key) {
        return key.dimension().isEmpty() ? key.counter().name()
                : key.counter().name() + DIMENSION_SEPARATOR + key.dimension();
    }

    private static CounterKey counterKey(String name) {
        int separator = name.indexOf(DIMENSION_SEPARATOR);
        return separator < 0 ? CounterKey.of(Counter.valueOf(name))
                : CounterKey.of(Counter.valueOf(name.substring(0, separator)), name.substring(separator + 1));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
