package io.qualityhub.local.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The project's classes a function's artifact can reach from its entry points, and the classes they name that the
 * artifact does not hold: what would end a run in {@code NoClassDefFoundError}.
 *
 * <p>It reads each reachable {@code io.qualityhub} class's constant pool: every class entry and every type in a
 * descriptor or signature, which is more than the JVM resolves (javac also records the owner of an inlined constant),
 * so it can only over-report. Library classes are not followed: libraries ship whole, and their optional
 * dependencies are theirs to load by name.
 *
 * <p>One exception, by design (decision 0019): {@code AwsClients} names a factory method per SDK service, and an
 * artifact ships only the services its function calls. The JVM resolves a method's types when the method runs, and
 * every caller of {@code clients.s3()} names {@code S3Client} in its own constant pool, so a function that reaches
 * a service it does not ship is still found, at the caller.
 */
final class ArtifactClassClosure {

  private static final String PROJECT = "io/qualityhub/";
  private static final String CLIENT_FACTORY = "io/qualityhub/core/aws/AwsClients";
  private static final String SDK_SERVICES = "software/amazon/awssdk/services/";
  private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+)[;<]");
  private static final Pattern PROJECT_CLASS_NAME = Pattern.compile("io\\.qualityhub\\.[\\w.$]+");
  private static final String LOG4J_PLUGINS = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

  private ArtifactClassClosure() {}

  /**
   * Missing class -> the reachable project class that names it, for an artifact entered at {@code entryPoints}
   * (binary names) and at every project class Log4j loads by name from its plugin cache.
   */
  static Map<String, String> missing(Path artifact, List<String> entryPoints) {
    try (ZipFile jar = new ZipFile(artifact.toFile())) {
      Deque<String> toVisit = new ArrayDeque<>();
      entryPoints.forEach(name -> toVisit.add(name.replace('.', '/')));
      toVisit.addAll(log4jPlugins(jar));
      Set<String> visited = new HashSet<>();
      Map<String, String> missing = new TreeMap<>();
      Map<String, Boolean> onPlatform = new HashMap<>();
      while (!toVisit.isEmpty()) {
        String current = toVisit.poll();
        if (!visited.add(current)) {
          continue;
        }
        ZipEntry entry = jar.getEntry(current + ".class");
        if (entry == null) {
          missing.putIfAbsent(current.replace('/', '.'), "an entry point");
          continue;
        }
        for (String named : classesNamedBy(jar, entry)) {
          if (named.startsWith(PROJECT)) {
            toVisit.add(named);
          } else if (jar.getEntry(named + ".class") == null
              && !(current.equals(CLIENT_FACTORY) && named.startsWith(SDK_SERVICES))
              && !onPlatform.computeIfAbsent(named, ArtifactClassClosure::isPlatformClass)) {
            missing.putIfAbsent(named.replace('/', '.'), current.replace('/', '.'));
          }
        }
      }
      return missing;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + artifact, e);
    }
  }

  private static List<String> log4jPlugins(ZipFile jar) throws IOException {
    ZipEntry cache = jar.getEntry(LOG4J_PLUGINS);
    if (cache == null) {
      return List.of();
    }
    try (InputStream in = jar.getInputStream(cache)) {
      // The cache is binary, but its class names are plain modified-UTF-8 strings.
      Matcher names = PROJECT_CLASS_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
      return names.results().map(match -> match.group().replace('.', '/')).toList();
    }
  }

  private static boolean isPlatformClass(String internalName) {
    try {
      Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Every class a class file names in its constant pool: class entries and the types in descriptors and signatures. */
  private static Set<String> classesNamedBy(ZipFile jar, ZipEntry entry) throws IOException {
    try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
      in.skipBytes(8); // magic, minor and major version
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] classNameIndexes = new int[count];
      int classes = 0;
      for (int index = 1; index < count; index++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[index] = in.readUTF();
          case 7 -> classNameIndexes[classes++] = in.readUnsignedShort();
          case 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            index++; // a long or double takes two entries
          }
          default -> throw new IOException(entry.getName() + ": unknown constant pool tag " + tag);
        }
      }
      Set<String> named = new HashSet<>();
      for (int i = 0; i < classes; i++) {
        String name = utf8[classNameIndexes[i]];
        if (name.startsWith("[")) {
          TYPE_IN_DESCRIPTOR.matcher(name).results().forEach(match -> named.add(match.group(1)));
        } else {
          named.add(name);
        }
      }
      for (String text : utf8) {
        if (text != null && text.indexOf(';') > 0) {
          TYPE_IN_DESCRIPTOR.matcher(text).results().forEach(match -> named.add(match.group(1)));
        }
      }
      return named;
    }
  }
}
