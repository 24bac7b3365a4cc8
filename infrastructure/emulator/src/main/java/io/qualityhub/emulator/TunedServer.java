package io.qualityhub.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * moto's server with costs taken out that change nothing it answers ({@code moto_server.py} beside this class
 * says which, and docs/testing.md what they saved): the script is written out once per JVM, since Python runs files.
 */
final class TunedServer {

    private static final String RESOURCE = "moto_server.py";

    private TunedServer() {}

    /** The script's file, written on first use and removed when the JVM exits. */
    static Path script() {
        return Written.SCRIPT;
    }

    private static final class Written {
        private static final Path SCRIPT = write();

        private static Path write() {
            try (InputStream in = TunedServer.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing beside " + TunedServer.class.getName()
                            + "; rebuild the emulator module");
                }
                Path script = Files.createTempFile("qualityhub-moto-server", ".py");
                script.toFile().deleteOnExit();
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                return script;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write moto's server script to a temporary file", e);
            }
        }
    }
}
