package io.qualityhub.local;

import io.qualityhub.emulator.EmulatorStartException;
import io.qualityhub.emulator.LocalEmulator;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * template.yaml deployed on the local emulator for a test class, which registers it in a static field:
 * {@code @RegisterExtension static final TestDeployment deployment = TestDeployment.perClass();}. The classes that use
 * it share the test JVM's one moto, emptied ({@code /moto-api/reset}) before each deployment, so a class (or, with
 * {@link #perTest}, a test) still starts from an empty emulator without a moto start of its own: importing moto alone
 * costs 1.6 s of CPU (docs/testing.md, "Run time"). {@link SharedDemo} keeps a moto of its own, which stays deployed
 * for the whole JVM.
 */
final class TestDeployment implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  /** The JVM's moto, started by the first class that deploys; its shutdown hook stops it. */
  private static LocalEmulator emulator;

  private final boolean perTest;
  private LocalDeployment local;

  private TestDeployment(boolean perTest) {
    this.perTest = perTest;
  }

  /** One deployment for all the class's tests. */
  static TestDeployment perClass() {
    return new TestDeployment(false);
  }

  /** An empty emulator and a fresh deployment before each test. */
  static TestDeployment perTest() {
    return new TestDeployment(true);
  }

  /** The deployment the running class (or test) uses. */
  LocalDeployment local() {
    if (local == null) {
      throw new IllegalStateException("the deployment exists only while the class's tests run");
    }
    return local;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      deploy();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perTest) {
      deploy();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      undeploy();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!perTest) {
      undeploy();
    }
  }

  private void deploy() {
    local = LocalDeployment.open(ROOT, Optional.of(emptiedEmulator().endpoint()));
  }

  private void undeploy() {
    if (local != null) {
      local.close();
      local = null;
    }
  }

  /** The JVM's moto, emptied; a moto that no longer answers (it died with an earlier class) is replaced once. */
  private static synchronized LocalEmulator emptiedEmulator() {
    if (emulator != null) {
      try {
        emulator.reset();
        return emulator;
      } catch (EmulatorStartException unanswered) {
        emulator.close();
      }
    }
    emulator = LocalEmulator.startOrConnect(ROOT);
    return emulator;
  }
}
