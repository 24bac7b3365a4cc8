package io.qualityhub.local;

import io.qualityhub.core.format.UploadKey;
import io.qualityhub.deadlines.InvalidUploadCalendarException;
import io.qualityhub.deadlines.UploadCalendar;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.deadlines.DeadlinePolicyLoader;
import io.qualityhub.deadlines.InvalidBranchDirectoryException;
import io.qualityhub.deadlines.InvalidDeadlinePolicyException;
import io.qualityhub.deadlines.InvalidRecipientsDirectoryException;
import io.qualityhub.deadlines.RecipientsDirectory;
import io.qualityhub.reports.function.ReportHandler;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.indicator.InvalidIndicatorTargetsException;
import io.qualityhub.sampling.domain.PlanProblem;
import io.qualityhub.sampling.domain.SamplingPlanException;
import io.qualityhub.sampling.function.PlanSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every document the configuration store takes. Adding a kind of document is one entry here: its
 * name, the setting it replaces in the functions, and its loader; the store, {@code config
 * get|put|diff}, the audit trail and the functions' loading need nothing more.
 */
final class ConfigDocumentTypes {

  static final List<ConfigDocumentType> ALL = List.of(
      new ConfigDocumentType("recipients", "ALERT_RECIPIENTS",
          "recipients directory of the deadline alerts (docs/deadlines.md)",
          json -> problems(() -> RecipientsDirectory.load(stream(json)), InvalidRecipientsDirectoryException.class,
              InvalidRecipientsDirectoryException::problems)),
      new ConfigDocumentType("deadline-policy", "DEADLINE_POLICY_OVERRIDE",
          "deadline policy override, with its own version (docs/deadlines.md)",
          json -> problems(() -> DeadlinePolicyLoader.load(stream(json)), InvalidDeadlinePolicyException.class,
              InvalidDeadlinePolicyException::problems)),
      new ConfigDocumentType("sampling-plan", PlanSource.OVERRIDE_VARIABLE,
          "sampling plan override: a JSON merge patch over the packaged plan, with its own version (docs/sampling.md)",
          json -> problems(() -> new PlanSource(json).current(), SamplingPlanException.class,
              e -> e.problems().stream().map(PlanProblem::toString).toList())),
      new ConfigDocumentType("indicator-targets", ReportHandler.TARGETS_VARIABLE,
          "indicator targets override: a JSON merge patch over the packaged targets, with its own version (docs/reports.md)",
          json -> problems(() -> IndicatorTargets.withOverride(stream(json), "indicator-targets"),
              InvalidIndicatorTargetsException.class, InvalidIndicatorTargetsException::problems)),
      new ConfigDocumentType("upload-calendar", MonitorHandler.UPLOAD_CALENDAR_VARIABLE,
          "which files each configured branch sends on which business days, and the cutoff (docs/uploads.md)",
          json -> problems(() -> UploadCalendar.load(stream(json), UploadKey.branchTypes(), "upload-calendar"),
              InvalidUploadCalendarException.class, InvalidUploadCalendarException::problems)),
      new ConfigDocumentType("branch-directory", BranchDirectory.VARIABLE,
          "each branch's name in Traditional Chinese and English, shown beside its code in digests, reports and the portal (docs/configuration.md)",
          json -> problems(() -> BranchDirectory.load(stream(json)), InvalidBranchDirectoryException.class,
              InvalidBranchDirectoryException::problems)));

  private ConfigDocumentTypes() {}

  static Optional<ConfigDocumentType> named(String name) {
    return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
  }

  static String names() {
    return ALL.stream().map(ConfigDocumentType::name).collect(Collectors.joining(", "));
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  private static <E extends RuntimeException> List<String> problems(Runnable load, Class<E> invalid,
      java.util.function.Function<E, List<String>> problemsOf) {
    try {
      load.run();
      return List.of();
    } catch (RuntimeException e) {
      if (invalid.isInstance(e)) {
        return problemsOf.apply(invalid.cast(e));
      }
      throw e;
    }
  }
}
