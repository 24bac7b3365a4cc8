package io.qualityhub.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.emulator.LocalEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The moto that {@code qualityhub emulator start} leaves running, so that what a demo stored can
 * still be looked up, erased or re-keyed afterwards. Its endpoint and process id are kept in
 * {@code .qualityhub/emulator.json} under the project root (ignored by git).
 */
final class BackgroundEmulator {

  /** A recorded emulator: where it answers, its process, and where its output goes. */
  record Running(URI endpoint, long pid, Path log) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Path stateDirectory;

  BackgroundEmulator(Path projectRoot) {
    this.stateDirectory = projectRoot.resolve(".qualityhub");
  }

  Path stateFile() {
    return stateDirectory.resolve("emulator.json");
  }

  /** The recorded emulator when it is still alive and answering; a stale record is removed. */
  Optional<Running> running() {
    Optional<Running> recorded = recorded();
    if (recorded.isPresent() && !(isOurProcess(recorded.get().pid()) && answers(recorded.get().endpoint()))) {
      forget();
      return Optional.empty();
    }
    return recorded;
  }

  /** Starts one unless one is running already; returns the running one either way. */
  Running start(Path projectRoot) {
    Optional<Running> existing = running();
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      Files.createDirectories(stateDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + stateDirectory, e);
    }
    Path log = stateDirectory.resolve("emulator.log");
    LocalEmulator.Detached started = LocalEmulator.startDetached(projectRoot, log);
    Running running = new Running(started.endpoint(), started.pid(), log);
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(stateFile().toFile(), JSON.createObjectNode()
          .put("endpoint", running.endpoint().toString())
          .put("pid", running.pid())
          .put("log", log.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the emulator in " + stateFile(), e);
    }
    return running;
  }

  /** Stops the recorded emulator (and its child processes); returns it, or empty when none was running. */
  Optional<Running> stop() {
    Optional<Running> recorded = recorded();
    recorded.filter(running -> isOurProcess(running.pid()))
        .flatMap(running -> ProcessHandle.of(running.pid()))
        .ifPresent(BackgroundEmulator::terminate);
    forget();
    return recorded;
  }

  private static void terminate(ProcessHandle process) {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not wait for the emulator process " + process.pid() + " to end", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private Optional<Running> recorded() {
    if (!Files.isRegularFile(stateFile())) {
      return Optional.empty();
    }
    try {
      JsonNode state = JSON.readTree(stateFile().toFile());
      return Optional.of(new Running(URI.create(state.path("endpoint").asText()), state.path("pid").asLong(),
          Path.of(state.path("log").asText())));
    } catch (IOException | IllegalArgumentException e) {
      forget(); // unreadable: treat as no emulator, and start afresh next time
      return Optional.empty();
    }
  }

  private void forget() {
    try {
      Files.deleteIfExists(stateFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + stateFile(), e);
    }
  }

  /** The process id still names a moto: a recycled id of some other program is never signalled. */
  private static boolean isOurProcess(long pid) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(process -> process.info().commandLine())
        .filter(commandLine -> commandLine.contains("moto"))
        .isPresent();
  }

  private static boolean answers(URI endpoint) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
