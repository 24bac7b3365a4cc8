import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;

/**
 * Lever measurement only (docs/benchmarks.md, "Cold start against B0"): Log4j 2 loads the class of every plugin its
 * merged plugin cache lists (248 in a function's artifact) when it starts, used or not. This writes a cache that lists
 * only the plugins named in KEPT ({@code category:key}, or {@code category:*} for a whole category), to price a
 * function artifact whose cache holds only what its log4j2.xml uses. Run with the artifact on the class path:
 * {@code java -cp ARTIFACT PluginCacheSubset.java CACHE_IN CACHE_OUT KEPT}.
 */
public final class PluginCacheSubset {

  public static void main(String[] args) throws IOException {
    PluginCache cache = new PluginCache();
    cache.loadCacheFiles(Collections.enumeration(List.of(new File(args[0]).toURI().toURL())));
    Set<String> kept = new HashSet<>(Files.readAllLines(Path.of(args[2])));
    for (Map.Entry<String, Map<String, org.apache.logging.log4j.core.config.plugins.processor.PluginEntry>> category
        : cache.getAllCategories().entrySet()) {
      if (!kept.contains(category.getKey() + ":*")) {
        category.getValue().keySet().removeIf(key -> !kept.contains(category.getKey() + ":" + key));
      }
    }
    cache.getAllCategories().values().removeIf(Map::isEmpty);
    try (FileOutputStream out = new FileOutputStream(args[1])) {
      cache.writeCache(out);
    }
  }
}
