package io.qualityhub.intake;

import io.qualityhub.core.events.FileCurrentEvent;

/** Where intake announces that a file generation became current. */
@FunctionalInterface
public interface FileEvents {

  /** For deployments and runs with no consumer of file events. */
  FileEvents NONE = event -> { };

  void published(FileCurrentEvent event);
}
