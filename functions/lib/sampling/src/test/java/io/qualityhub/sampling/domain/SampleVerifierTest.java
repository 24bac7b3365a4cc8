package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static io.qualityhub.sampling.domain.Fixtures.claim;
import static io.qualityhub.sampling.domain.Fixtures.claims;
import static io.qualityhub.sampling.domain.Fixtures.claimsPlan;
import static io.qualityhub.sampling.domain.Fixtures.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleVerifierTest {

    private static final SamplingPlan PLAN = claimsPlan(0.02, 5, 12);
    private static final byte[] SECRET = secret("november");
    private static final List<SamplingUnit> POPULATION = claims("TPE-01", 100, 10);
    private static final Sample STORED = new Sampler(PLAN).draw(NOVEMBER, SECRET, POPULATION, PriorIncidents.NONE);
    private static final SampleVerifier VERIFIER = new SampleVerifier(PLAN);

    @Test
    void untouchedSampleVerifies() {
        assertEquals(List.of(), VERIFIER.verify(STORED, SECRET, POPULATION, PriorIncidents.NONE));
    }

    @Test
    void anInspectorChangedAfterTheDrawIsReportedAndTheMethodsAssignmentVerifies() {
        Roster roster = new Roster(java.time.LocalDate.of(2026, 11, 30), List.of(
                new Inspector("QA-A", "KHH-01", "claims", 50, true),
                new Inspector("QA-B", "TCH-01", "claims", 50, true),
                new Inspector("QA-C", "TPE-01", "claims", 50, true)));
        List<InspectionTask> assigned = new InspectorAssigner(SECRET).assign(InspectionTasks.fromSample(STORED, PLAN),
                roster, 0.1);
        assertEquals(List.of(), VERIFIER.verify(STORED, assigned, roster, SECRET, POPULATION, PriorIncidents.NONE));

        List<InspectionTask> edited = new ArrayList<>(assigned);
        InspectionTask task = edited.get(1);
        String other = task.assignment().inspectorId().equals("QA-A") ? "QA-B" : "QA-A";
        edited.set(1, task.withAssignment(new Assignment(other, null)));
        assertEquals(List.of(new SampleDifference.AssignmentDiffers(task.record(), new Assignment(other, null),
                        task.assignment())),
                VERIFIER.verify(STORED, edited, roster, SECRET, POPULATION, PriorIncidents.NONE));
        // QA-C is from the records' own branch: the method never picks it
        assertTrue(assigned.stream().noneMatch(t -> t.assignment().accepts("QA-C")));
    }

    @Test
    void taskRemovedByHandIsReported() {
        List<SelectedUnit> selected = new ArrayList<>(STORED.selected());
        SelectedUnit removed = selected.remove(2);
        assertEquals(List.of(new SampleDifference.MissingFromStored(removed.record(), removed.inclusionProbability())),
                VERIFIER.verify(withSelected(selected), SECRET, POPULATION, PriorIncidents.NONE));
    }

    @Test
    void taskAddedByHandIsReported() {
        RecordKey notPicked = POPULATION.stream().map(SamplingUnit::key)
                .filter(key -> STORED.selected().stream().noneMatch(unit -> unit.record().equals(key)))
                .findFirst().orElseThrow();
        List<SelectedUnit> selected = new ArrayList<>(STORED.selected());
        selected.add(new SelectedUnit(notPicked, "health", 0.9, List.of()));
        assertEquals(List.of(new SampleDifference.NotDrawn(notPicked, 0.9)),
                VERIFIER.verify(withSelected(selected), SECRET, POPULATION, PriorIncidents.NONE));
    }

    @Test
    void editedProbabilityAndReasonsAreReported() {
        List<SelectedUnit> selected = new ArrayList<>(STORED.selected());
        SelectedUnit original = selected.get(0);
        selected.set(0, new SelectedUnit(original.record(), original.productLine(), 0.5, List.of("made_up")));
        assertEquals(List.of(
                        new SampleDifference.ProbabilityDiffers(original.record(), 0.5, original.inclusionProbability()),
                        new SampleDifference.ReasonsDiffer(original.record(), List.of("made_up"), original.reasons())),
                VERIFIER.verify(withSelected(selected), SECRET, POPULATION, PriorIncidents.NONE));
    }

    @Test
    void changedPopulationIsToldApartFromAnEditedSample() {
        List<SamplingUnit> grown = new ArrayList<>(POPULATION);
        grown.add(claim("TPE-01", "LATE-1", false));
        List<SampleDifference> differences = VERIFIER.verify(STORED, SECRET, grown, PriorIncidents.NONE);
        assertEquals(new SampleDifference.PopulationDiffers(STORED.populationFingerprint(),
                new Sampler(PLAN).draw(NOVEMBER, SECRET, grown, PriorIncidents.NONE).populationFingerprint()),
                differences.get(0));
    }

    @Test
    void wrongSecretFailsVerification() {
        List<SampleDifference> differences = VERIFIER.verify(STORED, secret("guess"), POPULATION, PriorIncidents.NONE);
        assertTrue(differences.stream().anyMatch(d -> d instanceof SampleDifference.NotDrawn), differences.toString());
        assertTrue(differences.stream().anyMatch(d -> d instanceof SampleDifference.MissingFromStored), differences.toString());
    }

    @Test
    void storedTasksVerifyAgainstTheirSample() {
        List<SelectedUnit> fromTasks = InspectionTasks.fromSample(STORED, PLAN).stream()
                .map(InspectionTask::toSelectedUnit).toList();
        assertEquals(List.of(), VERIFIER.verify(withSelected(fromTasks), SECRET, POPULATION, PriorIncidents.NONE));
        SampleDifference version = new SampleVerifier(claimsPlan(0.02, 5, 12)).verify(
                new Sample(NOVEMBER, "old-7", STORED.populationFingerprint(), STORED.strata(), fromTasks),
                SECRET, POPULATION, PriorIncidents.NONE).get(0);
        assertInstanceOf(SampleDifference.PlanVersionDiffers.class, version);
        assertEquals("the sample was drawn under plan old-7 but is being verified against plan test-1; verify with"
                + " the plan version the sample names", version.describe());
    }

    private static Sample withSelected(List<SelectedUnit> selected) {
        return new Sample(STORED.period(), STORED.planVersion(), STORED.populationFingerprint(), STORED.strata(), selected);
    }
}
