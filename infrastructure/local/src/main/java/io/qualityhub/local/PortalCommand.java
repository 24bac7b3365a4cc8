package io.qualityhub.local;

import io.qualityhub.local.portal.PortalServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./qualityhub portal [--port N] [--endpoint URL]}: the portal page and its functions on
 * 127.0.0.1 over the local emulator's data, with a sign-in page standing in for Cognito. Runs until
 * stopped (Ctrl-C).
 */
final class PortalCommand {

  static final String USAGE = "usage: qualityhub portal [--port N] [--endpoint URL]   (--port 0 takes a free port; default 8080)";
  private static final int DEFAULT_PORT = 8080;

  private final Path projectRoot;
  private final PrintStream out;

  PortalCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) throws IOException, InterruptedException {
    Options options = Options.parse(args, Set.of("--port", "--endpoint"), Set.of(), USAGE);
    if (!options.positional().isEmpty()) {
      throw new UsageException("unexpected arguments " + options.positional() + "\n" + USAGE);
    }
    int port = options.value("--port").map(PortalCommand::port).orElse(DEFAULT_PORT);
    LocalDeployment local = LocalRecords.open(projectRoot, options, out);
    PortalServer portal = PortalServer.start(local, projectRoot.resolve("portal"), port, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      portal.close();
      local.close();
      stopped.countDown();
    }, "portal-stop"));
    out.println("portal: " + portal.uri());
    out.println("Sign in as one of: " + String.join(", ", portal.userNames()) + ". Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Said below, with what to give instead.
    }
    throw new UsageException("--port takes 0-65535 (0: a free port), not '" + text + "'\n" + USAGE);
  }
}
