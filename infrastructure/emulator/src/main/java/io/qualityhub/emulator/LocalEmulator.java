package io.qualityhub.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import software.amazon.awssdk.regions.Region;

/**
 * The AWS endpoint local runs and tests talk to: either the one {@code AWS_ENDPOINT_URL} names, or a
 * moto server this object starts on 127.0.0.1 and stops again on {@link #close()}.
 */
public final class LocalEmulator implements AutoCloseable {

    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    static final Region DEFAULT_REGION = Region.US_EAST_1;

    private static final String HOST = "127.0.0.1";
    /**
     * moto answers some 2 s after its start on an idle machine, but importing it alone took 42 s on the shared 2-core
     * machine at load 35, and two test forks start emulators at once. A moto that dies is reported at once, whatever
     * this allows.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The first of {@link #PORTS_PER_BASE} ports this JVM's emulators take, when set (each surefire fork of
     * infrastructure/local sets its own). A port the system hands out is free only until moto binds it, a second or
     * two later: a parallel fork asking meanwhile may be handed the same one, and its readiness probe would then
     * reach the other fork's moto. Forks taking ports from ranges of their own cannot meet.
     */
    static final String PORT_BASE_PROPERTY = "qualityhub.emulator.portBase";
    private static final int PORTS_PER_BASE = 500;
    /** How often moto is started on another port when its own was taken before it bound it. */
    private static final int PORT_ATTEMPTS = 3;
    /** What werkzeug prints when the port it is to listen on is taken. */
    private static final String PORT_TAKEN = "Address already in use";
    private static int nextPortOffset;

    private final URI endpoint;
    private final List<String> command;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private boolean closed;

    private LocalEmulator(URI endpoint, List<String> command, Process process, Path log) {
        this(endpoint, command, process, log, true);
    }

    private LocalEmulator(URI endpoint, List<String> command, Process process, Path log, boolean stopOnExit) {
        this.endpoint = endpoint;
        this.command = List.copyOf(command);
        this.process = process;
        this.log = log;
        if (process == null || !stopOnExit) {
            this.shutdownHook = null;
        } else {
            // An interrupted test run or a Ctrl-C must not leave moto holding a port.
            this.shutdownHook = new Thread(this::stopProcess, "qualityhub-moto-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Uses {@code AWS_ENDPOINT_URL} when it is set, else starts moto 5.2.1 on a free port of
     * 127.0.0.1 (installing it into {@code <projectRoot>/.venv-moto} if it is nowhere to be found).
     */
    public static LocalEmulator startOrConnect(Path projectRoot) {
        return startOrConnect(projectRoot, System.getenv());
    }

    static LocalEmulator startOrConnect(Path projectRoot, Map<String, String> environment) {
        String configured = environment.get(ENDPOINT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new LocalEmulator(parseEndpoint(configured.strip()), List.of(), null, null);
        }
        return start(new MotoCommand(projectRoot, environment), environment);
    }

    /** A moto started to outlive the JVM that started it: where it answers, and its process id to stop it by. */
    public record Detached(URI endpoint, long pid) {}

    /**
     * Starts moto on a free port of 127.0.0.1 and leaves it running after this JVM exits (for
     * {@code qualityhub emulator start}), in a session of its own where {@code setsid} exists so that
     * closing the terminal does not stop it. Its output goes to {@code log}, which is kept.
     */
    public static Detached startDetached(Path projectRoot, Path log) {
        Map<String, String> environment = System.getenv();
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(new MotoCommand(projectRoot, environment).serverCommand(HOST, port));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            cleanEnvironment(builder.environment(), environment);
            process = builder.start();
        } catch (IOException e) {
            throw new EmulatorStartException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        LocalEmulator emulator = new LocalEmulator(URI.create("http://" + HOST + ":" + port), command, process, log, false);
        try {
            emulator.awaitReady();
        } catch (RuntimeException e) {
            emulator.stopProcess();
            throw e;
        }
        return new Detached(emulator.endpoint, process.pid());
    }

    /** The region local runs use: {@code AWS_REGION} when set, else us-east-1 (moto's home region). */
    public static Region region() {
        String configured = System.getenv("AWS_REGION");
        return configured == null || configured.isBlank() ? DEFAULT_REGION : Region.of(configured.strip());
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Whether this object started the emulator (and so will stop it), as opposed to connecting to one. */
    public boolean started() {
        return process != null;
    }

    /** The command line that runs the emulator this object started; empty when it connected to one. */
    public List<String> command() {
        return command;
    }

    /**
     * Empties every service of the moto this object started. An emulator named by
     * {@code AWS_ENDPOINT_URL} is left alone: it may be shared with other runs.
     */
    public void reset() {
        if (!started()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new EmulatorStartException("Resetting the emulator at " + endpoint + " answered HTTP "
                        + response.statusCode() + ". Its log: " + log + "\n" + MotoCommand.tail(log));
            }
        } catch (IOException e) {
            throw new EmulatorStartException("Could not reset the emulator at " + endpoint + ": " + e.getMessage()
                    + ". Its log: " + log + "\n" + MotoCommand.tail(log), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorStartException("Interrupted while resetting the emulator at " + endpoint, e);
        }
    }

    /** Stops the moto this object started, with any child processes, and waits for it to end. */
    @Override
    public synchronized void close() {
        if (closed || process == null) {
            closed = true;
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to run and stops the process itself.
        }
        stopProcess();
        MotoCommand.deleteQuietly(log);
    }

    private static LocalEmulator start(MotoCommand moto, Map<String, String> environment) {
        return start(moto, environment, LocalEmulator::freePort);
    }

    /**
     * Starts moto on a port {@code ports} gives; when another program bound that port between its choice and moto's
     * start (a client's connection may take any free port meanwhile), moto is started again on the next.
     */
    static LocalEmulator start(MotoCommand moto, Map<String, String> environment, IntSupplier ports) {
        for (int attempt = 1; ; attempt++) {
            int port = ports.getAsInt();
            List<String> command = moto.serverCommand(HOST, port);
            Path log = createLog();
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                cleanEnvironment(builder.environment(), environment);
                process = builder.start();
            } catch (IOException e) {
                MotoCommand.deleteQuietly(log);
                throw new EmulatorStartException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
            }
            LocalEmulator emulator = new LocalEmulator(URI.create("http://" + HOST + ":" + port), command, process, log);
            try {
                emulator.awaitReady();
                return emulator;
            } catch (RuntimeException e) {
                emulator.stopProcess();
                Runtime.getRuntime().removeShutdownHook(emulator.shutdownHook);
                if (attempt < PORT_ATTEMPTS && MotoCommand.tail(log).contains(PORT_TAKEN)) {
                    MotoCommand.deleteQuietly(log);
                    continue;
                }
                // Keep the log for the person reading the message; it names the file.
                throw e;
            }
        }
    }

    /**
     * moto reads AWS_* and MOTO_* variables (credentials, default region, behaviour switches); the
     * emulator must behave the same whoever starts it, so those are removed.
     */
    private static void cleanEnvironment(Map<String, String> target, Map<String, String> source) {
        target.clear();
        source.forEach((name, value) -> {
            if (!name.startsWith("AWS_") && !name.startsWith("MOTO_")) {
                target.put(name, value);
            }
        });
        target.put("PYTHONUNBUFFERED", "1");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new EmulatorStartException("The local AWS emulator (" + String.join(" ", command) + ") exited with code "
                        + process.exitValue() + " before answering on " + endpoint + ". Its output (" + log + "):\n"
                        + MotoCommand.tail(log));
            }
            try {
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYetListening) {
                // Expected until moto has bound the port.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmulatorStartException("Interrupted while waiting for the local AWS emulator on " + endpoint, e);
            }
            if (System.nanoTime() > deadline) {
                throw new EmulatorStartException("The local AWS emulator (" + String.join(" ", command) + ") did not answer HTTP on "
                        + endpoint + " within " + START_TIMEOUT.toSeconds() + " s. Its output (" + log + "):\n"
                        + MotoCommand.tail(log));
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmulatorStartException("Interrupted while waiting for the local AWS emulator on " + endpoint, e);
            }
        }
    }

    private void stopProcess() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static URI parseEndpoint(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new EmulatorStartException(ENDPOINT_VARIABLE + "='" + value + "' is not an endpoint URL."
                    + " Set it to something like http://127.0.0.1:5000, or unset it to start a local moto.", e);
        }
    }

    static synchronized int freePort() {
        String base = System.getProperty(PORT_BASE_PROPERTY);
        if (base == null) {
            return anyFreePort();
        }
        int first = Integer.parseInt(base);
        for (int tried = 0; tried < PORTS_PER_BASE; tried++) {
            int port = first + nextPortOffset;
            nextPortOffset = (nextPortOffset + 1) % PORTS_PER_BASE;
            if (isFree(port)) {
                return port;
            }
        }
        throw new EmulatorStartException("No free port on " + HOST + " in " + first + "-" + (first + PORTS_PER_BASE - 1)
                + " (" + PORT_BASE_PROPERTY + ") for the local AWS emulator");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmulatorStartException("Could not find a free port on " + HOST + " for the local AWS emulator: " + e.getMessage(), e);
        }
    }

    private static Path createLog() {
        try {
            return Files.createTempFile("qualityhub-moto", ".log");
        } catch (IOException e) {
            throw new EmulatorStartException("Could not create a temporary log file for the local AWS emulator: " + e.getMessage(), e);
        }
    }
}
