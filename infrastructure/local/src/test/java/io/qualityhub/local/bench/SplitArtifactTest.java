package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step that splits a function's shaded jar before ProGuard (decision 0025, amended in the tenth session),
 * run as the build runs it, on classes shaped like the SDK's: what ProGuard shrinks, what it reads as its library, the
 * rules that keep what the library refers to, and the bridge methods of the SDK's model interfaces.
 */
class SplitArtifactTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Path TOOLS = ROOT.resolve("functions/shrink");
  private static final String SERVICE = "software.amazon.awssdk.services.probe.";
  private static final String MODEL = SERVICE + "model.";
  private static final String SHRUNK_PACKAGES = "-keep class !software.amazon.awssdk.services.**,!org.probe.** { *; }\n";

  @TempDir
  static Path shared;

  /** The shrinking tools, compiled once as the build compiles them (functions/pom.xml). */
  private static Path tools;
  /** ProGuard's library of the JDK, as the build writes it. */
  private static Path jdkLibrary;

  @TempDir
  Path work;

  @BeforeAll
  static void compileTheToolsAndWriteTheJdkLibrary() throws Exception {
    tools = Files.createDirectories(shared.resolve("tools"));
    try (Stream<Path> sources = Files.list(TOOLS)) {
      String[] arguments = Stream.concat(Stream.of("-d", tools.toString()),
          sources.filter(source -> source.toString().endsWith(".java")).map(Path::toString)).toArray(String[]::new);
      assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments));
    }
    jdkLibrary = shared.resolve("jdk.jar");
    Process tool = tool("JdkLibraryJar", jdkLibrary.toString());
    String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, tool.waitFor(), said);
  }

  /** A shrinking tool run as the build runs it: its compiled class, on the build's JVM options. */
  private static Process tool(String name, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", tools.toString(), name));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void theJdkLibraryHoldsTheApiPackagesWithTheirSupertypesAndLeavesTheRestOut() throws IOException {
    Set<String> library = Set.copyOf(namesIn(jdkLibrary));

    assertTrue(library.containsAll(List.of("java/lang/Object.class", "javax/crypto/Cipher.class",
        "org/w3c/dom/Document.class", "java/nio/DirectByteBuffer.class")), "the API packages");
    assertTrue(library.contains("sun/nio/ch/DirectBuffer.class"), "java.nio.DirectByteBuffer's interface");
    assertFalse(library.contains("com/sun/net/httpserver/HttpHandler.class"));
    assertFalse(library.contains("jdk/internal/misc/Unsafe.class"));
  }

  @Test
  void refusesAShrunkClassThatNamesAJdkClassTheLibraryLeavesOut() throws Exception {
    Path classes = compile("classes", Map.of(
        SERVICE + "Handler", """
            public class Handler implements com.sun.net.httpserver.HttpHandler {
              public void handle(com.sun.net.httpserver.HttpExchange exchange) {}
            }"""));
    Files.writeString(work.resolve("shrink.pro"), SHRUNK_PACKAGES);

    Process tool = run(jar(Map.of(SERVICE.replace('.', '/') + "Handler.class", classes)));
    String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(1, tool.waitFor(), said);
    assertTrue(said.contains("the shrunk classes name JDK classes that ProGuard's library of the JDK leaves out:"
        + " com.sun.net.httpserver.HttpHandler (named by software.amazon.awssdk.services.probe.Handler). Add their"
        + " packages to JdkLibraryJar's API_PACKAGES"), said);
  }

  @Test
  void keepsWhereItIsDeclaredEachMemberTheKeptClassesReferToAndNothingElse() throws Exception {
    Path classes = compile("classes", Map.of(
        SERVICE + "Base", "public class Base { public int count; public void used() {} public void unused() {} }",
        SERVICE + "Client", "public class Client extends Base { public static Client create() { return null; } }",
        SERVICE + "Named", "public class Named {}",
        SERVICE + "Unreferenced", "public class Unreferenced {}",
        "org.probe.Util", "public class Util { public static String[][] names(long at, software.amazon.awssdk.services.probe.Named named) { return null; } }",
        "io.kept.Caller", """
            public class Caller {
              public Object run(software.amazon.awssdk.services.probe.Client client) {
                client.used();
                client.count++;
                org.probe.Util.names(0L, null);
                return software.amazon.awssdk.services.probe.Client.create();
              }
            }""",
        "io.kept.Extends", "public class Extends extends software.amazon.awssdk.services.probe.Base {}",
        "io.kept.ExtendsInTurn", "public class ExtendsInTurn extends Extends {}"));
    Map<String, Path> entries = new LinkedHashMap<>();
    for (String type : List.of(SERVICE + "Base", SERVICE + "Client", SERVICE + "Named", SERVICE + "Unreferenced",
        "org.probe.Util", "io.kept.Caller", "io.kept.Extends", "io.kept.ExtendsInTurn")) {
      entries.put(type.replace('.', '/') + ".class", classes);
    }
    entries.put("META-INF/services/io.kept.Caller", null);
    entries.put("META-INF/versions/17/io/kept/Caller.class", classes);

    Split split = split(jar(entries));

    assertEquals(List.of(
        "# Written by SplitArtifact: what the classes kept whole, which ProGuard reads as a library, refer to in the"
            + " shrunk ones.",
        "-keep class org.probe.Util { java.lang.String[][] names(long,software.amazon.awssdk.services.probe.Named); }",
        "-keep class software.amazon.awssdk.services.probe.Base { int count; void used(); }",
        "-keep class software.amazon.awssdk.services.probe.Client { software.amazon.awssdk.services.probe.Client"
            + " create(); }",
        "-keep class software.amazon.awssdk.services.probe.Named"), Files.readAllLines(split.rules()));
    assertEquals(List.of("software/amazon/awssdk/services/probe/Base.class",
        "software/amazon/awssdk/services/probe/Client.class", "software/amazon/awssdk/services/probe/Named.class",
        "software/amazon/awssdk/services/probe/Unreferenced.class", "org/probe/Util.class", "io/kept/Extends.class",
        "io/kept/ExtendsInTurn.class"), namesIn(split.toShrink()));
    assertEquals(List.of("io/kept/Caller.class", "META-INF/services/io.kept.Caller"), namesIn(split.keptWhole()));
  }

  @Test
  void dropsABridgeTheImplementationCarriesAndKeepsOneAnImplementationNeeds() throws Exception {
    // "Lacks" was compiled against a Base without self(), so javac gave it no bridge: the interface's default
    // bridge is what runs when Base.self() is called on it.
    Path before = compile("before", Map.of(
        MODEL + "Base", "public interface Base {}",
        MODEL + "Relied", "public interface Relied extends Base { Relied self(); }",
        MODEL + "Lacks", "public class Lacks implements Relied { public Relied self() { return this; } }"));
    Path after = compile("after", Map.of(
        MODEL + "Base", "public interface Base { Base self(); }",
        MODEL + "Relied", "public interface Relied extends Base { Relied self(); }",
        MODEL + "Covered", "public interface Covered extends Base { Covered self(); }",
        MODEL + "Has", "public class Has implements Covered { public Covered self() { return this; } }"));
    Map<String, Path> entries = new LinkedHashMap<>();
    Map.of("Base", after, "Relied", after, "Covered", after, "Has", after, "Lacks", before).forEach((type, where) ->
        entries.put(MODEL.replace('.', '/') + type + ".class", where));

    Split split = split(jar(entries));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {split.toShrink().toUri().toURL()}, null)) {
      assertEquals(List.of(), bridgesOf(loader.loadClass(MODEL + "Covered")));
      assertEquals(List.of("self"), bridgesOf(loader.loadClass(MODEL + "Relied")));
      Method self = loader.loadClass(MODEL + "Base").getMethod("self");
      for (String implementation : List.of("Has", "Lacks")) {
        Object instance = loader.loadClass(MODEL + implementation).getConstructor().newInstance();
        assertSame(instance, self.invoke(instance), implementation);
      }
    }
  }

  @Test
  void refusesRulesThatDoNotNameTheShrunkPackagesAsWholePackages() throws Exception {
    Path input = jar(Map.of());
    Files.writeString(work.resolve("shrink.pro"), "-keep class !software.amazon.awssdk.services.S3Client { *; }\n");

    Process tool = run(input);
    String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(1, tool.waitFor(), said);
    assertTrue(said.contains("\"!software.amazon.awssdk.services.S3Client\" in the rule keeping all but the shrunk"
        + " packages is not of the form !a.b.**; name whole packages there"), said);
  }

  private record Split(Path toShrink, Path keptWhole, Path rules) {}

  private Split split(Path input) throws Exception {
    Files.writeString(work.resolve("shrink.pro"), SHRUNK_PACKAGES);
    Process tool = run(input);
    String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, tool.waitFor(), said);
    return new Split(work.resolve("to-shrink.jar"), work.resolve("kept-whole.jar"), work.resolve("refers-to.pro"));
  }

  private Process run(Path input) throws IOException {
    return tool("SplitArtifact", input.toString(), work.resolve("shrink.pro").toString(),
        work.resolve("to-shrink.jar").toString(), work.resolve("kept-whole.jar").toString(),
        work.resolve("refers-to.pro").toString(), jdkLibrary.toString());
  }

  private static List<String> namesIn(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
  }

  private static List<String> bridgesOf(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).filter(Method::isBridge).map(Method::getName).toList();
  }

  /** Compiles each source, named by its class's fully qualified name, into a folder of its own. */
  private Path compile(String name, Map<String, String> types) throws IOException {
    Path sources = Files.createDirectories(work.resolve(name + "-src"));
    Path classes = Files.createDirectories(work.resolve(name + "-classes"));
    for (Map.Entry<String, String> type : types.entrySet()) {
      String qualified = type.getKey();
      Path source = sources.resolve(qualified.replace('.', '/') + ".java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, "package " + qualified.substring(0, qualified.lastIndexOf('.')) + ";\n" + type.getValue());
    }
    try (Stream<Path> files = Files.walk(sources)) {
      String[] arguments = Stream.concat(Stream.of("-d", classes.toString()),
              files.filter(Files::isRegularFile).map(Path::toString))
          .toArray(String[]::new);
      assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments));
    }
    return classes;
  }

  /** A jar of the entries in order: a class file from the folder it was compiled into, or an empty resource. */
  private Path jar(Map<String, Path> entriesAndWhereCompiled) throws IOException {
    Path jar = work.resolve("shaded.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, Path> entry : entriesAndWhereCompiled.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        if (entry.getValue() != null) {
          Files.copy(entry.getValue().resolve(entry.getKey().replaceFirst("^META-INF/versions/\\d+/", "")), out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }
}
