package io.qualityhub.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line options {@code --name value} and {@code --flag}, plus positional arguments. */
final class Options {

  private final Map<String, String> values = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  /**
   * @param valued options that take a value
   * @param flags options that take none
   */
  static Options parse(List<String> args, Set<String> valued, Set<String> flags, String usage) {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (valued.contains(arg)) {
        if (i + 1 >= args.size()) {
          throw new UsageException(arg + " needs a value\n" + usage);
        }
        options.values.put(arg, args.get(++i));
      } else if (flags.contains(arg)) {
        options.values.put(arg, "true");
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option " + arg + "\n" + usage);
      } else {
        options.positional.add(arg);
      }
    }
    return options;
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Optional<Path> path(String name) {
    return value(name).map(Path::of);
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  List<String> positional() {
    return List.copyOf(positional);
  }
}
