import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A build step of the store module (its pom.xml, after compiling): writes into its classes the one Log4j plugin cache
 * the functions' artifacts carry, holding only the plugins its {@code log4j2.xml} uses. Log4j 2 loads the class of
 * every plugin its caches list when it starts, used or not: 255 in a function's artifact (JDBC, Kafka, SMTP, rolling
 * files, every pattern converter...), of which the configuration uses 61. The functions' shade configuration leaves
 * the libraries' own caches out of the artifacts (functions/pom.xml), so this one stands for them all (decision 0026).
 *
 * <p>Kept, from every cache on the class path: the plugin of every element {@code log4j2.xml} names and of every lookup
 * it uses ({@code ${env:...}}), and what the configuration uses without naming it, listed in the kept file
 * ({@code category:key}, or {@code category:*} for a whole category; {@code #} starts a comment). The build fails when
 * log4j2.xml or the kept file names a plugin no library provides. A plugin missing from the cache would make Log4j
 * drop that element of the configuration with a status message only (the masking layout, say), so each built
 * artifact's logging is checked by {@code FunctionArtifactsLoggingTest}.
 *
 * <p>Usage, with the module's compile class path (its classes first) as the class path:
 * {@code java -cp CLASSPATH Log4jPluginCacheSubset.java CLASSES_DIRECTORY KEPT_FILE}
 */
public final class Log4jPluginCacheSubset {

  private static final String CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";
  private static final Pattern LOOKUP = Pattern.compile("\\$\\{([A-Za-z0-9_]+):");

  private Log4jPluginCacheSubset() {}

  public static void main(String[] args) throws Exception {
    Path classes = Path.of(args[0]);
    Set<String> kept = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String entry = line.replaceFirst("#.*", "").strip();
      if (!entry.isEmpty()) {
        kept.add(entry.toLowerCase(Locale.ROOT));
      }
    }
    ClassLoader classPath = Log4jPluginCacheSubset.class.getClassLoader();
    List<URL> caches = Collections.list(classPath.getResources(CACHE));
    PluginCache cache = new PluginCache();
    cache.loadCacheFiles(Collections.enumeration(caches));
    int before = count(cache);
    String configuration = Files.readString(classes.resolve("log4j2.xml"), StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    for (String element : elementsBelowTheRoot(configuration)) {
      require(cache, "core", element, "log4j2.xml names <" + element + ">", problems);
      kept.add("core:" + element.toLowerCase(Locale.ROOT));
    }
    Matcher lookups = LOOKUP.matcher(configuration);
    while (lookups.find()) {
      require(cache, "lookup", lookups.group(1), "log4j2.xml uses ${" + lookups.group(1) + ":...}", problems);
      kept.add("lookup:" + lookups.group(1).toLowerCase(Locale.ROOT));
    }
    for (String entry : kept) {
      String[] categoryAndKey = entry.split(":", 2);
      if (!categoryAndKey[1].equals("*")) {
        require(cache, categoryAndKey[0], categoryAndKey[1], args[1] + " keeps " + entry, problems);
      } else if (!cache.getAllCategories().containsKey(categoryAndKey[0])) {
        problems.add(args[1] + " keeps the category " + categoryAndKey[0] + ", which no plugin on the class path is in");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
    for (Map.Entry<String, Map<String, PluginEntry>> category : cache.getAllCategories().entrySet()) {
      if (!kept.contains(category.getKey() + ":*")) {
        category.getValue().keySet().removeIf(key -> !kept.contains(category.getKey() + ":" + key));
      }
    }
    cache.getAllCategories().values().removeIf(Map::isEmpty);
    ByteArrayOutputStream subset = new ByteArrayOutputStream();
    cache.writeCache(subset);
    Path written = classes.resolve(CACHE);
    Files.createDirectories(written.getParent());
    Files.write(written, subset.toByteArray());
    System.out.println("Log4j plugin cache for the functions' artifacts: " + count(cache) + " of the " + before
        + " plugins in " + caches.size() + " caches on the class path");
  }

  /** Every element name of the configuration but its root, {@code <Configuration>}, which is no plugin. */
  private static Set<String> elementsBelowTheRoot(String configuration) throws Exception {
    NodeList elements = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(configuration)))
        .getDocumentElement().getElementsByTagName("*");
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < elements.getLength(); i++) {
      names.add(((Element) elements.item(i)).getTagName());
    }
    return names;
  }

  private static void require(PluginCache cache, String category, String key, String where, List<String> problems) {
    Map<String, PluginEntry> plugins = cache.getAllCategories().get(category);
    if (plugins == null || !plugins.containsKey(key.toLowerCase(Locale.ROOT))) {
      problems.add(where + ", but no library on the class path has that plugin (" + category + ":" + key + ")");
    }
  }

  private static int count(PluginCache cache) {
    return cache.getAllCategories().values().stream().mapToInt(Map::size).sum();
  }
}
