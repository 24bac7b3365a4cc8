package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step that puts a function's artifact back together after ProGuard (decision 0025, amended in the
 * fourteenth session), run as the build runs it: the shaded jar's entries the split kept whole, then ProGuard's output,
 * each copied compressed as it is.
 */
class JoinArtifactTest {

  private static final Path TOOL = Path.of("..", "..", "functions", "shrink", "JoinArtifact.java").toAbsolutePath();

  @TempDir
  static Path tools;

  @TempDir
  Path work;

  @BeforeAll
  static void compileTheTool() {
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", tools.toString(), TOOL.toString()));
  }

  @Test
  void joinsTheKeptEntriesOfTheShadedJarThenTheShrunkPartEachAsItIsCompressed() throws Exception {
    // The shaded jar as the shade plugin writes it: a manifest first, deflated entries with data descriptors.
    Path shaded = work.resolve("shaded.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(shaded), manifest)) {
      put(out, "kept/Kept.class", "kept class ".repeat(50));
      stored(out, "kept/stored.txt", "stored, not deflated");
      put(out, "shrunk/Shrunk.class", "the shrunk class before ProGuard ".repeat(50));
      put(out, "kept/resource.properties", "a=b\n".repeat(40));
    }
    Path keptPart = jar("kept-part.jar", List.of("META-INF/MANIFEST.MF", "kept/Kept.class", "kept/stored.txt",
        "kept/resource.properties"));
    Path shrunk = work.resolve("shrunk.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(shrunk))) {
      put(out, "shrunk/Shrunk.class", "the shrunk class after ProGuard ".repeat(50));
      put(out, "shrunk/Other.class", "another shrunk class");
    }

    Path artifact = work.resolve("artifact.jar");
    Run run = join(artifact, shaded, keptPart, shrunk);

    assertEquals(0, run.exitCode(), run.output());
    assertEquals(List.of("META-INF/MANIFEST.MF", "kept/Kept.class", "kept/stored.txt", "kept/resource.properties",
        "shrunk/Shrunk.class", "shrunk/Other.class"), namesIn(artifact));
    Map<String, String> contents = contentsOf(artifact);
    assertEquals("kept class ".repeat(50), contents.get("kept/Kept.class"));
    assertEquals("stored, not deflated", contents.get("kept/stored.txt"));
    assertEquals("the shrunk class after ProGuard ".repeat(50), contents.get("shrunk/Shrunk.class"));
    assertEquals("another shrunk class", contents.get("shrunk/Other.class"));
    assertEquals(compressedSizes(shaded).get("kept/Kept.class"), compressedSizes(artifact).get("kept/Kept.class"));
    assertEquals(ZipEntry.STORED, methods(artifact).get("kept/stored.txt"));
    try (JarInputStream read = new JarInputStream(Files.newInputStream(artifact))) {
      assertEquals("1.0", read.getManifest().getMainAttributes().getValue("Manifest-Version"));
    }
  }

  @Test
  void refusesAnEntryBothPartsHold() throws Exception {
    Path shaded = jarWith("shaded.jar", Map.of("a/A.class", "a"));
    Path keptPart = jar("kept-part.jar", List.of("a/A.class"));
    Path shrunk = jarWith("shrunk.jar", Map.of("a/A.class", "a, shrunk"));

    Run run = join(work.resolve("artifact.jar"), shaded, keptPart, shrunk);

    assertNotEquals(0, run.exitCode());
    assertTrue(run.output().contains("a/A.class is in both the kept part and"), run.output());
  }

  @Test
  void refusesAKeptEntryTheShadedJarLacks() throws Exception {
    Path shaded = jarWith("shaded.jar", Map.of("a/A.class", "a"));
    Path keptPart = jar("kept-part.jar", List.of("a/A.class", "b/B.class"));
    Path shrunk = jarWith("shrunk.jar", Map.of("c/C.class", "c"));

    Run run = join(work.resolve("artifact.jar"), shaded, keptPart, shrunk);

    assertNotEquals(0, run.exitCode());
    assertTrue(run.output().contains("lacks entries the kept part names: [b/B.class]"), run.output());
  }

  private record Run(int exitCode, String output) {}

  private static Run join(Path artifact, Path shaded, Path keptPart, Path shrunk) throws IOException, InterruptedException {
    Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", tools.toString(), "JoinArtifact",
        artifact.toString(), shaded.toString(), keptPart.toString(), shrunk.toString()).redirectErrorStream(true).start();
    String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(tool.waitFor(), output);
  }

  private static void put(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  private static void stored(ZipOutputStream out, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    out.write(bytes);
    out.closeEntry();
  }

  /** A jar of empty entries: the kept part, whose names are all the join reads of it. */
  private Path jar(String name, List<String> entries) throws IOException {
    Map<String, String> empty = new LinkedHashMap<>();
    entries.forEach(entry -> empty.put(entry, ""));
    return jarWith(name, empty);
  }

  private Path jarWith(String name, Map<String, String> entries) throws IOException {
    Path jar = work.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        put(out, entry.getKey(), entry.getValue());
      }
    }
    return jar;
  }

  private static List<String> namesIn(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
  }

  private static Map<String, String> contentsOf(Path jar) throws IOException {
    Map<String, String> contents = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        contents.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return contents;
  }

  private static Map<String, Long> compressedSizes(Path jar) throws IOException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Collections.list(zip.entries()).forEach(entry -> sizes.put(entry.getName(), entry.getCompressedSize()));
    }
    return sizes;
  }

  private static Map<String, Integer> methods(Path jar) throws IOException {
    Map<String, Integer> methods = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Collections.list(zip.entries()).forEach(entry -> methods.put(entry.getName(), entry.getMethod()));
    }
    return methods;
  }
}
