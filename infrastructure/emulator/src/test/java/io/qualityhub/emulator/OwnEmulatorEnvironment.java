package io.qualityhub.emulator;

import java.util.HashMap;
import java.util.Map;

/** This JVM's environment without {@code AWS_ENDPOINT_URL}: a test given it starts an emulator of its own. */
final class OwnEmulatorEnvironment {

    private OwnEmulatorEnvironment() {}

    /** A copy the test may add to (e.g. {@code PYTHONPATH}). */
    static Map<String, String> of() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove(LocalEmulator.ENDPOINT_VARIABLE);
        return environment;
    }
}
