package io.qualityhub.sampling.domain;

import java.util.ArrayDeque;
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
 * fewest tasks so far, tasks with the fewest eligible inspectors first, so the flexible ones fill in around them;
 * second inspectors are chosen the same way, after every first one. A rebalancing pass then shifts tasks along
 * chains of eligible inspectors until no inspector has two tasks more than one with capacity left that could take
 * work from it: loads differ by at most one task wherever independence and capacity allow. Ties in order and choice are
 * broken by numbers keyed with the period secret, so the assignment is unpredictable to branches and reproducible by
 * {@code sample verify}.
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
        return assign(tasks, roster, doubleScoringShare, Map.of());
    }

    /**
     * Assigns tasks added to a period that already has some (an ad-hoc order): each inspector starts with the tasks
     * they already hold as load, and that much less capacity, so the same balance holds across old and new tasks.
     * Only the new tasks move.
     *
     * @param alreadyAssigned tasks each inspector already holds in the period, first and second places together
     */
    public List<InspectionTask> assign(List<InspectionTask> tasks, Roster roster, double doubleScoringShare,
                                       Map<String, Integer> alreadyAssigned) {
        if (!(doubleScoringShare >= 0 && doubleScoringShare <= 1)) {
            throw new IllegalArgumentException("double-scoring share " + doubleScoringShare + " must be from 0 to 1");
        }
        Map<String, Integer> remaining = new HashMap<>();
        Map<String, Integer> loads = new HashMap<>();
        roster.inspectors().forEach(inspector -> {
            int held = alreadyAssigned.getOrDefault(inspector.inspectorId(), 0);
            remaining.put(inspector.inspectorId(), Math.max(0, inspector.capacity() - held));
            loads.put(inspector.inspectorId(), held);
        });
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
            String chosen = choose(task, eligible.get(task.taskId()), remaining, loads, null);
            if (chosen != null) {
                first.put(task.taskId(), chosen);
            }
        }
        Set<String> doubleScored = doubleScored(tasks, doubleScoringShare);
        Map<String, String> second = new HashMap<>();
        for (InspectionTask task : order) {
            String firstInspector = first.get(task.taskId());
            if (firstInspector != null && doubleScored.contains(task.taskId())) {
                String chosen = choose(task, eligible.get(task.taskId()), remaining, loads, firstInspector);
                if (chosen != null) {
                    second.put(task.taskId(), chosen);
                }
            }
        }
        new Rebalancing(order, eligible, remaining, loads, first, second).run();
        return tasks.stream().map(task -> task.withAssignment(first.containsKey(task.taskId())
                ? new Assignment(first.get(task.taskId()), second.get(task.taskId()))
                : Assignment.UNASSIGNED)).toList();
    }

    /**
     * Evens out what the greedy pass left uneven: while some inspector has at least two tasks fewer than another,
     * and capacity left, and a chain of tasks can pass from the busier one to them (each task to an inspector who
     * may take it), shift one task along the chain. Every shift makes the sum of squared loads strictly smaller, so
     * this ends; when it does, no such chain exists, which is as even as independence and capacity allow.
     */
    private record Rebalancing(List<InspectionTask> order, Map<String, List<Inspector>> eligible,
                               Map<String, Integer> remaining, Map<String, Integer> loads, Map<String, String> first,
                               Map<String, String> second) {

        /** One of a task's two places: the first inspector's, or the second one's. */
        private record Slot(String taskId, boolean secondPlace) {
        }

        /** How a search reached an inspector: by taking {@code slot} over from {@code from}. */
        private record Step(Slot slot, String from) {
        }

        void run() {
            boolean shifted = true;
            while (shifted) {
                shifted = false;
                List<String> fullestFirst = loads.keySet().stream().sorted(Comparator
                        .<String>comparingInt(loads::get).reversed().thenComparing(Comparator.naturalOrder())).toList();
                for (String fullest : fullestFirst) {
                    if (shiftFrom(fullest)) {
                        shifted = true;
                        break;
                    }
                }
            }
        }

        /** Breadth-first search for a chain from {@code start} to an inspector with two more tasks' room. */
        private boolean shiftFrom(String start) {
            Map<String, List<Slot>> held = new HashMap<>();
            for (InspectionTask task : order) {
                String id = task.taskId();
                if (first.containsKey(id)) {
                    held.computeIfAbsent(first.get(id), k -> new ArrayList<>()).add(new Slot(id, false));
                }
                if (second.containsKey(id)) {
                    held.computeIfAbsent(second.get(id), k -> new ArrayList<>()).add(new Slot(id, true));
                }
            }
            Map<String, Step> reachedBy = new HashMap<>();
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
            Set<String> seen = new HashSet<>(List.of(start));
            while (!queue.isEmpty()) {
                String holder = queue.poll();
                for (Slot slot : held.getOrDefault(holder, List.of())) {
                    String other = slot.secondPlace() ? first.get(slot.taskId()) : second.get(slot.taskId());
                    for (Inspector candidate : eligible.get(slot.taskId())) {
                        String id = candidate.inspectorId();
                        if (seen.contains(id) || id.equals(other)) {
                            continue;
                        }
                        seen.add(id);
                        reachedBy.put(id, new Step(slot, holder));
                        if (loads.get(id) <= loads.get(start) - 2 && remaining.get(id) > 0
                                && apply(start, id, reachedBy)) {
                            return true;
                        }
                        queue.add(id);
                    }
                }
            }
            return false;
        }

        /** Moves each slot of the chain to the next inspector; false (nothing moved) if the chain reuses a task. */
        private boolean apply(String start, String end, Map<String, Step> reachedBy) {
            List<Map.Entry<String, Step>> chain = new ArrayList<>();
            Set<String> tasksOnChain = new HashSet<>();
            for (String at = end; !at.equals(start); at = reachedBy.get(at).from()) {
                Step step = reachedBy.get(at);
                if (!tasksOnChain.add(step.slot().taskId())) {
                    return false;
                }
                chain.add(Map.entry(at, step));
            }
            for (Map.Entry<String, Step> link : chain) {
                Slot slot = link.getValue().slot();
                (slot.secondPlace() ? second : first).put(slot.taskId(), link.getKey());
            }
            remaining.merge(start, 1, Integer::sum);
            remaining.merge(end, -1, Integer::sum);
            loads.merge(start, -1, Integer::sum);
            loads.merge(end, 1, Integer::sum);
            return true;
        }
    }

    private Set<String> doubleScored(List<InspectionTask> tasks, double share) {
        long count = Math.round(share * tasks.size());
        return tasks.stream().map(InspectionTask::taskId)
                .sorted(Comparator.<String>comparingDouble(id -> random.uniform("double-score", id))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(count).collect(Collectors.toCollection(HashSet::new));
    }

    /**
     * The eligible inspector with the fewest tasks so far and capacity left, other than {@code excluded}; null when
     * none has capacity left.
     */
    private String choose(InspectionTask task, List<Inspector> candidates, Map<String, Integer> remaining,
                          Map<String, Integer> loads, String excluded) {
        Inspector best = null;
        double bestTie = 0;
        for (Inspector candidate : candidates) {
            String id = candidate.inspectorId();
            if (remaining.get(id) <= 0 || Objects.equals(id, excluded)) {
                continue;
            }
            int load = loads.get(id);
            double tie = random.uniform("assign", task.taskId(), id);
            int bestLoad = best == null ? 0 : loads.get(best.inspectorId());
            if (best == null || load < bestLoad || (load == bestLoad && tie < bestTie)) {
                best = candidate;
                bestTie = tie;
            }
        }
        if (best == null) {
            return null;
        }
        remaining.merge(best.inspectorId(), -1, Integer::sum);
        loads.merge(best.inspectorId(), 1, Integer::sum);
        return best.inspectorId();
    }
}
