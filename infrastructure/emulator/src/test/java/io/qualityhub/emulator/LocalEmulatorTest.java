package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEmulatorTest {

    private static LocalEmulator emulator;
    private static EmulatorClients clients;

    @BeforeAll
    static void start() {
        Map<String, String> environment = OwnEmulatorEnvironment.of();
        emulator = LocalEmulator.startOrConnect(Path.of("."), environment);
        clients = EmulatorClients.of(emulator);
    }

    @AfterAll
    static void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void startsMotoOnTheLoopbackInterface() {
        assertTrue(emulator.started());
        assertEquals("http", emulator.endpoint().getScheme());
        assertEquals("127.0.0.1", emulator.endpoint().getHost());
        String url = clients.sqs().createQueue(b -> b.queueName("started")).queueUrl();
        assertEquals(List.of(url), clients.sqs().listQueues().queueUrls());
    }

    @Test
    void resetEmptiesEveryService() {
        clients.sqs().createQueue(b -> b.queueName("before-reset"));
        clients.s3().createBucket(b -> b.bucket("before-reset"));

        emulator.reset();

        assertEquals(List.of(), clients.sqs().listQueues().queueUrls());
        assertEquals(List.of(), clients.s3().listBuckets().buckets());
    }

    @Test
    void closeStopsTheServerItStarted() throws IOException {
        Map<String, String> environment = OwnEmulatorEnvironment.of();
        LocalEmulator second = LocalEmulator.startOrConnect(Path.of("."), environment);
        URI endpoint = second.endpoint();
        new Socket(endpoint.getHost(), endpoint.getPort()).close();

        second.close();

        assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close());
    }

    @Test
    void runsMotosServerThroughTheLauncherUnderAPython3ThatHasMoto(@TempDir Path bin) throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import sys, moto.server; print(sys.executable)").start();
        String python = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(probe.waitFor() == 0, "this machine's python3 cannot import moto");
        Files.createSymbolicLink(bin.resolve("python3"), Path.of(python));

        try (LocalEmulator viaPython = LocalEmulator.startOrConnect(bin, Map.of("PATH", bin.toString()));
                EmulatorClients viaPythonClients = EmulatorClients.of(viaPython)) {
            assertEquals(List.of(bin.resolve("python3").toString(), TunedServer.script().toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(viaPython.endpoint().getPort())), viaPython.command());
            assertTrue(TunedServer.script().getFileName().toString().startsWith("qualityhub-moto-server"));
            String url = viaPythonClients.sqs().createQueue(b -> b.queueName("python-started")).queueUrl();
            assertEquals(List.of(url), viaPythonClients.sqs().listQueues().queueUrls());
        }
    }

    @Test
    void takesPortsFromItsOwnRangeWhenAPortBaseIsSetSkippingTakenOnes() throws IOException {
        int base = 24_000;
        try (java.net.ServerSocket taken = new java.net.ServerSocket(base, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            System.setProperty(LocalEmulator.PORT_BASE_PROPERTY, String.valueOf(base));
            int first = LocalEmulator.freePort();
            int second = LocalEmulator.freePort();
            assertTrue(first > base && first < base + 500, "in 24001-24499, past the taken 24000: " + first);
            assertTrue(second > base && second < base + 500 && second != first, "another port of the range: " + second);
        } finally {
            System.clearProperty(LocalEmulator.PORT_BASE_PROPERTY);
        }
    }

    @Test
    void startsMotoOnAnotherPortWhenItsOwnWasTakenBeforeItBoundIt() throws IOException {
        Map<String, String> environment = OwnEmulatorEnvironment.of();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            java.util.PrimitiveIterator.OfInt ports = java.util.stream.IntStream.of(taken.getLocalPort(), LocalEmulator.freePort())
                    .iterator();
            try (LocalEmulator started = LocalEmulator.start(new MotoCommand(Path.of("."), environment), environment, ports::nextInt);
                 EmulatorClients startedClients = EmulatorClients.of(started)) {
                assertTrue(started.endpoint().getPort() != taken.getLocalPort(), "moved from the taken port: " + started.endpoint());
                assertEquals(List.of(), startedClients.sqs().listQueues().queueUrls());
            }
        }
    }

    @Test
    void usesTheEndpointTheEnvironmentNamesAndStartsNothing() {
        LocalEmulator connected = LocalEmulator.startOrConnect(Path.of("."),
                Map.of(LocalEmulator.ENDPOINT_VARIABLE, "http://127.0.0.1:4566", "PATH", ""));

        assertFalse(connected.started());
        assertEquals(List.of(), connected.command());
        assertEquals(URI.create("http://127.0.0.1:4566"), connected.endpoint());
        connected.reset();
        connected.close();
    }

    @Test
    void rejectsAnEndpointThatIsNotAUrl() {
        EmulatorStartException error = assertThrows(EmulatorStartException.class, () -> LocalEmulator.startOrConnect(Path.of("."),
                Map.of(LocalEmulator.ENDPOINT_VARIABLE, "localhost 4566")));
        assertEquals("AWS_ENDPOINT_URL='localhost 4566' is not an endpoint URL."
                + " Set it to something like http://127.0.0.1:5000, or unset it to start a local moto.", error.getMessage());
    }

    @Test
    void explainsWhatToDoWhenNeitherMotoNorPythonIsInstalled(@TempDir Path emptyDirectory) {
        EmulatorStartException error = assertThrows(EmulatorStartException.class,
                () -> LocalEmulator.startOrConnect(emptyDirectory, Map.of("PATH", emptyDirectory.toString())));
        assertEquals("Cannot start the local AWS emulator: neither moto_server nor python3 is on PATH."
                + " Install Python 3 and moto (pip install 'moto[server]==5.2.1'),"
                + " or set AWS_ENDPOINT_URL to an emulator that is already running.", error.getMessage());
    }

    @Test
    void reportsTheOutputOfAServerThatDiesOnStart(@TempDir Path bin) throws IOException {
        Path fake = bin.resolve("moto_server");
        Files.writeString(fake, "#!/bin/sh\necho \"moto: cannot bind $2\" >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        EmulatorStartException error = assertThrows(EmulatorStartException.class,
                () -> LocalEmulator.startOrConnect(bin, Map.of("PATH", bin.toString())));

        assertTrue(error.getMessage().startsWith("The local AWS emulator (" + fake + " -H 127.0.0.1 -p "), error.getMessage());
        assertTrue(error.getMessage().contains(") exited with code 3 before answering on http://127.0.0.1:"), error.getMessage());
        assertTrue(error.getMessage().endsWith("\nmoto: cannot bind 127.0.0.1"), error.getMessage());
        Matcher log = Pattern.compile("Its output \\((.+\\.log)\\)").matcher(error.getMessage());
        assertTrue(log.find(), "the message names the log it kept: " + error.getMessage());
        Files.delete(Path.of(log.group(1)));
    }
}
