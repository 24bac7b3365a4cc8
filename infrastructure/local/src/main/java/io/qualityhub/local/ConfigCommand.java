package io.qualityhub.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.ConfigDocument;
import io.qualityhub.core.config.ConfigStore;
import io.qualityhub.reports.audit.AccessRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./qualityhub config get|put|diff NAME [FILE]}: the versioned configuration store. A document
 * is validated by the loader the functions use before it is stored; every version is kept; each
 * change goes on the audit trail. Exit 0 done (diff: no difference), 1 refused as invalid (diff:
 * differences), 2 usage or nothing stored, 3 internal error.
 */
final class ConfigCommand {

  static final String USAGE = String.join("\n",
      "usage: qualityhub config list [--endpoint URL]",
      "       qualityhub config get NAME [--document-version N] [--endpoint URL]   prints the document in force (or version N)",
      "       qualityhub config put NAME FILE [--endpoint URL]            validates FILE and stores it as the next version",
      "       qualityhub config diff NAME [FILE] [--endpoint URL]         FILE against the version in force; without FILE,",
      "                                                                   the version in force against the one before",
      "NAME is one of: " + ConfigDocumentTypes.names());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path projectRoot;
  private final PrintStream out;
  private final PrintStream err;

  ConfigCommand(Path projectRoot, PrintStream out, PrintStream err) {
    this.projectRoot = projectRoot;
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, Set.of("--endpoint", "--document-version"), Set.of(), USAGE);
    List<String> positional = options.positional();
    if (positional.isEmpty()) {
      throw new UsageException("say what to do\n" + USAGE);
    }
    String verb = positional.get(0);
    if (verb.equals("list")) {
      return list(options);
    }
    if (!Set.of("get", "put", "diff").contains(verb)) {
      throw new UsageException("unknown config action '" + verb + "'\n" + USAGE);
    }
    if (positional.size() < 2) {
      throw new UsageException("name the document\n" + USAGE);
    }
    ConfigDocumentType type = ConfigDocumentTypes.named(positional.get(1)).orElseThrow(() -> new UsageException(
        "no configuration document '" + positional.get(1) + "'; one of: " + ConfigDocumentTypes.names()));
    Optional<Path> file = positional.size() > 2 ? Optional.of(Path.of(positional.get(2))) : Optional.empty();
    if (positional.size() > 3 || (verb.equals("get") && file.isPresent()) || (verb.equals("put") && file.isEmpty())) {
      throw new UsageException("wrong arguments for config " + verb + "\n" + USAGE);
    }
    // Read and validate before touching the store: an invalid document opens nothing.
    Optional<String> given = file.map(ConfigCommand::read);
    if (verb.equals("put")) {
      List<String> problems = type.validator().problems(given.get());
      if (!problems.isEmpty()) {
        err.println("config put " + type.name() + ": " + file.get() + " is refused, nothing stored ("
            + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "; fix them and run it again):");
        problems.forEach(problem -> err.println("  " + problem));
        return 1;
      }
    }
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, err)) {
      ConfigStore store = new ConfigStore(local.clients().dynamoDb(), local.physicalId("RecordsTable"));
      return switch (verb) {
        case "get" -> get(store, type, options);
        case "put" -> put(local, store, type, given.get());
        default -> diff(store, type, given);
      };
    }
  }

  private int list(Options options) {
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, err)) {
      ConfigStore store = new ConfigStore(local.clients().dynamoDb(), local.physicalId("RecordsTable"));
      for (ConfigDocumentType type : ConfigDocumentTypes.ALL) {
        String inForce = store.current(type.name())
            .map(document -> "version " + document.version() + ", " + document.changedAt() + " by " + document.changedBy())
            .orElse("none stored: the functions use " + type.variable() + " or their packaged default");
        out.printf("%-18s %s%n    %s%n", type.name(), inForce, type.describes());
      }
      return 0;
    }
  }

  private int get(ConfigStore store, ConfigDocumentType type, Options options) {
    Optional<ConfigDocument> document = options.value("--document-version")
        .map(version -> store.version(type.name(), version(version)))
        .orElseGet(() -> store.current(type.name()));
    if (document.isEmpty()) {
      err.println("config get " + type.name() + ": " + options.value("--document-version").map(v -> "no version " + v)
          .orElse("nothing stored; the functions use " + type.variable() + " or their packaged default"));
      return 2;
    }
    err.println(type.name() + " version " + document.get().version() + " (" + document.get().changedAt() + " by "
        + document.get().changedBy() + ", sha256 " + document.get().sha256() + ")");
    out.print(document.get().body());
    if (!document.get().body().endsWith("\n")) {
      out.println();
    }
    return 0;
  }

  /**
   * Validates and stores a document on a deployment already open, as {@code config put} does: the demo's data set
   * brings its upload calendar this way.
   */
  void put(LocalDeployment local, String name, String body) {
    ConfigDocumentType type = ConfigDocumentTypes.named(name).orElseThrow();
    List<String> problems = type.validator().problems(body);
    if (!problems.isEmpty()) {
      throw new UsageException(name + " is refused, nothing stored:\n  " + String.join("\n  ", problems));
    }
    put(local, new ConfigStore(local.clients().dynamoDb(), local.physicalId("RecordsTable")), type, body);
  }

  private int put(LocalDeployment local, ConfigStore store, ConfigDocumentType type, String body) {
    Optional<ConfigDocument> current = store.current(type.name());
    if (current.isPresent() && current.get().body().equals(body)) {
      out.println(type.name() + ": unchanged, version " + current.get().version() + " holds the same document; nothing stored");
      return 0;
    }
    CliAudit.Principal principal = CliAudit.principal(local);
    ConfigDocument stored = store.put(type.name(), type.variable(), body, principal.who(), Instant.now());
    CliAudit.append(local, AccessRecord.CONFIG, "configuration " + stored.label() + " sha256 " + stored.sha256(), 1);
    out.println(type.name() + ": version " + stored.version() + " stored (sha256 " + stored.sha256()
        + "); functions use it from their next start, and log it as configVersions");
    return 0;
  }

  private int diff(ConfigStore store, ConfigDocumentType type, Optional<String> given) {
    Optional<ConfigDocument> current = store.current(type.name());
    String before;
    String after;
    if (given.isPresent()) {
      before = current.map(ConfigDocument::body).orElse("{}");
      after = given.get();
      out.println("--- " + current.map(ConfigDocument::label).orElse(type.name() + " (nothing stored)"));
      out.println("+++ file");
    } else {
      if (current.isEmpty()) {
        err.println("config diff " + type.name() + ": nothing stored yet");
        return 2;
      }
      int previous = current.get().version() - 1;
      before = previous == 0 ? "{}" : store.version(type.name(), previous).orElseThrow().body();
      after = current.get().body();
      out.println("--- " + (previous == 0 ? "(nothing stored)" : type.name() + "@" + previous));
      out.println("+++ " + current.get().label());
    }
    List<String> lines = JsonDiff.lines(tree(before, "the stored document"), tree(after, "the file"));
    lines.forEach(out::println);
    return lines.isEmpty() ? 0 : 1;
  }

  private static JsonNode tree(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageException(what + " is not JSON: line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
  }

  private static int version(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--document-version takes a whole number, not '" + text + "'");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("no file " + file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
