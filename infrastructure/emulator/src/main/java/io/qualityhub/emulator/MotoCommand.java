package io.qualityhub.emulator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds a way to run moto's server on this machine, installing it into a project-local virtualenv
 * as a last resort, and returns the command line that starts it: {@link TunedServer}'s script under a
 * Python that has moto, or else {@code moto_server} as installed.
 */
final class MotoCommand {

    static final String MOTO_REQUIREMENT = "moto[server]==5.2.1";
    static final String VENV_DIRECTORY = ".venv-moto";

    private static final long PROBE_TIMEOUT_SECONDS = 60;
    private static final long INSTALL_TIMEOUT_SECONDS = 600;
    private static final Map<Path, Boolean> IMPORTS_MOTO = new ConcurrentHashMap<>();

    private final Path projectRoot;
    private final Map<String, String> environment;

    MotoCommand(Path projectRoot, Map<String, String> environment) {
        this.projectRoot = projectRoot;
        this.environment = environment;
    }

    /** The command that runs moto's server bound to {@code host}:{@code port}. */
    List<String> serverCommand(String host, int port) {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of("-H", host, "-p", Integer.toString(port)));
        return command;
    }

    private List<String> launcher() {
        Path python = findOnPath("python3");
        if (python != null && importsMoto(python)) {
            return List.of(python.toString(), TunedServer.script().toString());
        }
        Path onPath = findOnPath("moto_server");
        if (onPath != null) {
            return List.of(onPath.toString());
        }
        Path venvPython = venv().resolve("bin").resolve("python3");
        if (Files.isExecutable(venvPython)) {
            return List.of(venvPython.toString(), TunedServer.script().toString());
        }
        if (python == null) {
            throw new EmulatorStartException("Cannot start the local AWS emulator: neither moto_server nor python3 is on PATH."
                    + " Install Python 3 and moto (pip install '" + MOTO_REQUIREMENT + "'),"
                    + " or set AWS_ENDPOINT_URL to an emulator that is already running.");
        }
        installIntoVenv(python);
        return List.of(venvPython.toString(), TunedServer.script().toString());
    }

    /** Whether {@code python} imports moto's server; asked once per Python for the life of the JVM. */
    private boolean importsMoto(Path python) {
        return IMPORTS_MOTO.computeIfAbsent(python, p -> succeeds(List.of(p.toString(), "-c", "import moto.server")));
    }

    private Path venv() {
        return projectRoot.toAbsolutePath().resolve(VENV_DIRECTORY);
    }

    private void installIntoVenv(Path python) {
        Path venv = venv();
        run(List.of(python.toString(), "-m", "venv", venv.toString()),
                "creating the virtualenv " + venv,
                "Check that python3's venv module is installed (Debian: apt-get install python3-venv).");
        run(List.of(venv.resolve("bin").resolve("pip").toString(), "install", "--disable-pip-version-check", MOTO_REQUIREMENT),
                "installing " + MOTO_REQUIREMENT + " into " + venv,
                "pip needs to reach PyPI. If it cannot, install moto where PyPI is reachable"
                        + " (pip install '" + MOTO_REQUIREMENT + "') so that moto_server is on PATH,"
                        + " or set AWS_ENDPOINT_URL to an emulator that is already running, then run again."
                        + " Delete " + venv + " before retrying.");
    }

    private void run(List<String> command, String what, String advice) {
        Path log = null;
        try {
            log = Files.createTempFile("qualityhub-moto-install", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new EmulatorStartException("Timed out after " + INSTALL_TIMEOUT_SECONDS + " s " + what + ". "
                        + advice + "\nLast output:\n" + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new EmulatorStartException("Failed " + what + " (exit code " + process.exitValue() + "). "
                        + advice + "\nLast output:\n" + tail(log));
            }
        } catch (IOException e) {
            throw new EmulatorStartException("Failed " + what + ": " + e.getMessage() + ". " + advice, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorStartException("Interrupted while " + what, e);
        } finally {
            deleteQuietly(log);
        }
    }

    private boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorStartException("Interrupted while checking whether python3 can import moto", e);
        }
    }

    private Path findOnPath(String executable) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static String tail(Path log) {
        if (log == null || !Files.exists(log)) {
            return "(no output captured)";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp log is harmless; failing the caller over it would not be.
        }
    }
}
