package io.qualityhub.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which AWS endpoint a local command talks to, first that applies: {@code --endpoint};
 * {@code AWS_ENDPOINT_URL} (left to {@link io.qualityhub.emulator.LocalEmulator}, which honours it);
 * the emulator {@code qualityhub emulator start} left running; else none, and a fresh moto is
 * started for the run and stopped after it.
 */
final class EmulatorEndpoint {

  private EmulatorEndpoint() {}

  static Optional<URI> choose(Optional<String> option, Map<String, String> environment, Path projectRoot) {
    if (option.isPresent()) {
      return option.map(URI::create);
    }
    String configured = environment.get("AWS_ENDPOINT_URL");
    if (configured != null && !configured.isBlank()) {
      return Optional.empty();
    }
    return new BackgroundEmulator(projectRoot).running().map(BackgroundEmulator.Running::endpoint);
  }
}
