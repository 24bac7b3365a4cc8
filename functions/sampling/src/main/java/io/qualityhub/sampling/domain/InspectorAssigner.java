package io.qualityhub.sampling.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every task of a period an inspector, and a keyed-random share of them a second one (double scoring).
 *
 * <p>An inspector may take a task when active, on the team for its record type and not from its branch
 * ({@link Inspector#mayInspect}), with capacity left this period. Each task goes to the eligible inspector with the
 * most capacity left, so with equal capacities loads differ by at most one task wherever independence allows. Tasks
 * with the fewest eligible inspectors go first, so the flexible ones fill in around them; ties in order and choice
 * are broken by numbers keyed with the period secret, so the assignment is unpredictable to branches and
 * reproducible by {@code sample verify}. Second inspectors are chosen the same way, after every first one.
 */
public final class InspectorAssigner {

    private final KeyedRandom random;

    /** @param periodSecret the period's secret, as for the draw; only read, never kept or printed */
    public InspectorAssigner(byte[] periodSecret) {
        this.random = new KeyedRandom(periodSecret);
    }

    /**
     * @param doubleScoringShare share of tasks, 0 to 1, that get a second inspector: the round(share x n) tasks with
     *                           the smallest keyed numbers, so the share is met to within half a task
     * @return the tasks in their given order, each with its assignment
     */
    public List<InspectionTask> assign(List<InspectionTask> tasks, Roster roster, double doubleScoringShare) {
        if (!(doubleScoringShare >= 0 && doubleScoringShare <= 1)) {
            throw new IllegalArgumentException("double-scoring share " + doubleScoringShare + " must be from 0 to 1");
        }
        Map<String, Integer> remaining = new HashMap<>();
        roster.inspectors().forEach(inspector -> remaining.put(inspector.inspectorId(), inspector.capacity()));
        Map<String, List<Inspector>> eligible = new HashMap<>();
        for (InspectionTask task : tasks) {
            eligible.put(task.taskId(), roster.inspectors().stream().filter(inspector -> inspector.mayInspect(task.record()))
                    .sorted(Comparator.comparing(Inspector::inspectorId)).toList());
        }
        List<InspectionTask> order = new ArrayList<>(tasks);
        order.sort(Comparator.<InspectionTask>comparingInt(task -> eligible.get(task.taskId()).size())
                .thenComparingDouble(task -> random.uniform("assign-order", task.taskId()))
                .thenComparing(InspectionTask::taskId));

        Map<String, String> first = new LinkedHashMap<>();
        for (InspectionTask task : order) {
            String chosen = choose(task, eligible.get(task.taskId()), remaining, null);
            if (chosen != null) {
                first.put(task.taskId(), chosen);
            }
        }
        Set<String> doubleScored = doubleScored(tasks, doubleScoringShare);
        Map<String, String> second = new HashMap<>();
        for (InspectionTask task : order) {
            String firstInspector = first.get(task.taskId());
            if (firstInspector != null && doubleScored.contains(task.taskId())) {
                String chosen = choose(task, eligible.get(task.taskId()), remaining, firstInspector);
                if (chosen != null) {
                    second.put(task.taskId(), chosen);
                }
            }
        }
        return tasks.stream().map(task -> task.withAssignment(first.containsKey(task.taskId())
                ? new Assignment(first.get(task.taskId()), second.get(task.taskId()))
                : Assignment.UNASSIGNED)).toList();
    }

    private Set<String> doubleScored(List<InspectionTask> tasks, double share) {
        long count = Math.round(share * tasks.size());
        return tasks.stream().map(InspectionTask::taskId)
                .sorted(Comparator.<String>comparingDouble(id -> random.uniform("double-score", id))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(count).collect(Collectors.toCollection(HashSet::new));
    }

    /** The eligible inspector with the most capacity left, other than {@code excluded}; null when none has any. */
    private String choose(InspectionTask task, List<Inspector> candidates, Map<String, Integer> remaining,
                          String excluded) {
        Inspector best = null;
        double bestTie = 0;
        for (Inspector candidate : candidates) {
            String id = candidate.inspectorId();
            int left = remaining.get(id);
            if (left <= 0 || Objects.equals(id, excluded)) {
                continue;
            }
            double tie = random.uniform("assign", task.taskId(), id);
            int bestLeft = best == null ? 0 : remaining.get(best.inspectorId());
            if (best == null || left > bestLeft || (left == bestLeft && tie < bestTie)) {
                best = candidate;
                bestTie = tie;
            }
        }
        if (best == null) {
            return null;
        }
        remaining.merge(best.inspectorId(), -1, Integer::sum);
        return best.inspectorId();
    }
}
