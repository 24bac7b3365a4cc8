package io.qualityhub.sampling.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns an ad-hoc order into assigned inspection tasks. Records named by id are taken as named; {@code --count N}
 * takes the N records of the branch's candidates with the smallest numbers keyed by the period secret and the order
 * id ({@code adhoc-pick#} inputs, which no record identity or assignment input produces), so a branch cannot tell
 * which records an order will pick, and anyone with the secret picks them again. Tasks then go to inspectors by the
 * draw's own rules ({@link InspectorAssigner}): independent of the branch, on the team, balanced with the tasks
 * inspectors already hold in the period, and the plan's share double scored.
 *
 * <p>An ad-hoc task is certain to be inspected (inclusion probability 1), carries the order id as its reason and its
 * {@link AdhocRequest}, and is due the plan's {@code inspectionDueDays} after the order. Its id digests the order and
 * the record, so it never coincides with the record's drawn task, nor with another order's.
 */
public final class AdhocInspections {

    private final SamplingPlan plan;

    public AdhocInspections(SamplingPlan plan) {
        this.plan = plan;
    }

    /**
     * @param candidates      the records the order may take: for {@code --count}, the branch's records of the type in
     *                        the order's period; for {@code --ids}, at least the branch's records of that type
     * @param periodSecret    the order's period's secret; only read, never kept or printed
     * @param alreadyAssigned tasks each inspector already holds in the period
     * @throws InvalidAdhocOrderException when the plan does not inspect the type at the period's frequency, a named
     *                                    record is not among the candidates, or there is nothing to pick from
     */
    public List<InspectionTask> tasks(AdhocOrder order, Collection<SamplingUnit> candidates, byte[] periodSecret,
                                      Roster roster, Map<String, Integer> alreadyAssigned) {
        RecordTypePlan typePlan = plan.forType(order.recordType()).orElseThrow(() -> new InvalidAdhocOrderException(
                List.of("--type: plan " + plan.version() + " inspects no " + order.recordType() + " records; give one of "
                        + plan.recordTypes().keySet())));
        if (typePlan.period() != order.period().type()) {
            throw new InvalidAdhocOrderException(List.of("--period: " + order.recordType() + " is inspected "
                    + typePlan.period().planName() + ", so " + order.period() + " is not one of its periods"));
        }
        Map<String, SamplingUnit> byId = new TreeMap<>();
        candidates.stream().filter(unit -> unit.recordType().equals(order.recordType())
                && unit.branch().equals(order.branch())).forEach(unit -> byId.put(unit.recordId(), unit));
        List<SamplingUnit> picked = order.count() > 0 ? pick(order, byId, periodSecret) : named(order, byId);
        AdhocRequest request = order.request();
        List<InspectionTask> tasks = picked.stream().map(unit -> new InspectionTask(
                taskIdFor(order.period(), request.orderId(), unit.key()), order.period(), unit.key(),
                unit.productLine(), typePlan.team(), List.of(request.orderId()), 1.0,
                order.requestedOn().plusDays(typePlan.inspectionDueDays()), Assignment.UNASSIGNED, request)).toList();
        return new InspectorAssigner(periodSecret).assign(tasks, roster, plan.doubleScoringShare(), alreadyAssigned);
    }

    /** {@code INS-<period>-<16 hex digits of SHA-256("adhoc|<orderId>|<type>|<branch>|<id>")>}. */
    public static String taskIdFor(Period period, String orderId, RecordKey record) {
        String identity = "adhoc|" + orderId + "|" + record.recordType() + "|" + record.branch() + "|"
                + record.recordId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "INS-" + period + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256, which every Java platform must provide", e);
        }
    }

    private static List<SamplingUnit> pick(AdhocOrder order, Map<String, SamplingUnit> byId, byte[] periodSecret) {
        if (byId.isEmpty()) {
            throw new InvalidAdhocOrderException(List.of("branch " + order.branch() + " has no " + order.recordType()
                    + " records in " + order.period() + " to pick from; name records with --ids, or give another"
                    + " --period"));
        }
        KeyedRandom random = new KeyedRandom(periodSecret);
        String orderId = order.orderId();
        return byId.values().stream()
                .sorted(Comparator.<SamplingUnit>comparingDouble(unit -> random.uniform("adhoc-pick", orderId,
                        unit.recordId())).thenComparing(SamplingUnit::recordId))
                .limit(order.count()).sorted(Comparator.comparing(SamplingUnit::recordId)).toList();
    }

    private static List<SamplingUnit> named(AdhocOrder order, Map<String, SamplingUnit> byId) {
        List<String> unknown = order.recordIds().stream().filter(id -> !byId.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidAdhocOrderException(List.of("--ids: " + unknown.size() + " of the records named ("
                    + unknown.stream().limit(10).collect(Collectors.joining(", ")) + (unknown.size() > 10 ? ", ..." : "")
                    + ") are not " + order.recordType() + " records of branch " + order.branch()
                    + " on record; check the ids against the branch's uploads"));
        }
        List<SamplingUnit> named = new ArrayList<>();
        order.recordIds().stream().sorted().forEach(id -> named.add(byId.get(id)));
        return named;
    }
}
