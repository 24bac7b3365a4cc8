package io.qualityhub.sampling.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A period's population exactly as it was drawn from, kept so the draw can be repeated whatever arrives later: every
 * record's key, product line and the plain (non-(S)) columns the plan's rules read, the stratum it was drawn in and
 * its risk weight there, and the staff with prior incidents. {@link SamplingUnit} refuses sensitive columns, so no
 * customer data can be written here.
 *
 * <p>Stored as gzip'd JSON in a fixed field order (gzip without a timestamp), so the same population always gives
 * the same bytes and the sample can name their SHA-256. The strata and weights are there for the auditor to read; a
 * redraw recomputes them from the records.
 *
 * @param incidents the prior incidents as given to the draw (before the plan decides whether repeat violators weigh)
 */
public record FrozenPopulation(Period period, String planVersion, String populationFingerprint,
                               List<SamplingUnit> units, PriorIncidents incidents) {

    static final String FORMAT = "qualityhub-frozen-population/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public FrozenPopulation {
        units = List.copyOf(units);
    }

    /** The stored form of a population the plan {@code planVersion} drew with the given fingerprint. */
    public static byte[] encode(Period period, String planVersion, String populationFingerprint,
                                List<Sampler.WeighedUnit> units, PriorIncidents incidents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes);
             JsonGenerator json = JSON.getFactory().createGenerator(gzip)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("period", period.toString());
            json.writeStringField("planVersion", planVersion);
            json.writeStringField("populationFingerprint", populationFingerprint);
            writeStrings(json, "priorIncidentStaff", incidents.staffIds());
            writeStrings(json, "repeatViolators", incidents.repeatViolators());
            json.writeArrayFieldStart("units");
            for (Sampler.WeighedUnit weighed : units) {
                SamplingUnit unit = weighed.unit();
                json.writeStartObject();
                json.writeStringField("recordType", unit.recordType());
                json.writeStringField("branch", unit.branch());
                json.writeStringField("recordId", unit.recordId());
                json.writeStringField("productLine", unit.productLine());
                json.writeStringField("stratum", weighed.stratum().toString());
                json.writeNumberField("weight", weighed.weight());
                json.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> attribute : new TreeMap<>(unit.attributes()).entrySet()) {
                    json.writeStringField(attribute.getKey(), attribute.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a frozen population to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws FrozenPopulationException when the bytes are not a frozen population this version wrote
     */
    public static FrozenPopulation decode(byte[] stored) {
        JsonNode root;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            root = JSON.readTree(gzip);
        } catch (IOException e) {
            throw new FrozenPopulationException("it is not gzip'd JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new FrozenPopulationException("its format is not " + FORMAT, null);
        }
        try {
            List<SamplingUnit> units = new ArrayList<>();
            for (JsonNode unit : root.get("units")) {
                Map<String, String> attributes = new TreeMap<>();
                unit.get("attributes").fields().forEachRemaining(field -> attributes.put(field.getKey(),
                        field.getValue().asText()));
                JsonNode productLine = unit.get("productLine");
                units.add(new SamplingUnit(unit.get("recordType").asText(), unit.get("branch").asText(),
                        unit.get("recordId").asText(), productLine == null || productLine.isNull() ? null
                        : productLine.asText(), attributes));
            }
            return new FrozenPopulation(Period.parse(root.get("period").asText()), root.get("planVersion").asText(),
                    root.get("populationFingerprint").asText(), units,
                    new PriorIncidents(strings(root, "priorIncidentStaff"), strings(root, "repeatViolators")));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new FrozenPopulationException("a field is missing or malformed", e);
        }
    }

    /** Lower-case hex SHA-256 of the stored bytes, as the sample header records it. */
    public static String sha256(byte[] stored) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256, which every Java platform must provide", e);
        }
    }

    private static void writeStrings(JsonGenerator json, String field, Set<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : new TreeSet<>(values)) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static Set<String> strings(JsonNode root, String field) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : root.path(field)) {
            values.add(value.asText());
        }
        return values;
    }

    /** Stored bytes that cannot be read back as a frozen population. */
    public static final class FrozenPopulationException extends RuntimeException {
        FrozenPopulationException(String why, Throwable cause) {
            super("the frozen population cannot be read: " + why, cause);
        }
    }
}
