package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step that drops the bridge methods of the SDK's model interfaces before ProGuard (decision 0025, amended
 * 2026-12-06), run as the build runs it, on classes shaped like the SDK's: an interface's bridge goes when its
 * implementation carries the same bridge, and stays when an implementation relies on it.
 */
class DropModelBridgesTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Path TOOL = ROOT.resolve("functions/shrink/DropModelBridges.java");
  private static final String MODEL = "software.amazon.awssdk.services.probe.model.";

  @TempDir
  Path work;

  @Test
  void dropsABridgeTheImplementationCarriesAndKeepsOneAnImplementationNeeds() throws Exception {
    // "Lacks" was compiled against a Base without self(), so javac gave it no bridge: the interface's default
    // bridge is what runs when Base.self() is called on it.
    Path before = compile("before", Map.of(
        "Base", "public interface Base {}",
        "Relied", "public interface Relied extends Base { Relied self(); }",
        "Lacks", "public class Lacks implements Relied { public Relied self() { return this; } }"));
    Path after = compile("after", Map.of(
        "Base", "public interface Base { Base self(); }",
        "Relied", "public interface Relied extends Base { Relied self(); }",
        "Covered", "public interface Covered extends Base { Covered self(); }",
        "Has", "public class Has implements Covered { public Covered self() { return this; } }"));
    Path input = jar(Map.of("Base", after, "Relied", after, "Covered", after, "Has", after, "Lacks", before));
    Path output = work.resolve("bridgeless.jar");

    Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        TOOL.toString(), input.toString(), output.toString()).redirectErrorStream(true).start();
    String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, tool.waitFor(), said);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, null)) {
      assertEquals(List.of(), bridgesOf(loader.loadClass(MODEL + "Covered")));
      assertEquals(List.of("self"), bridgesOf(loader.loadClass(MODEL + "Relied")));
      Method self = loader.loadClass(MODEL + "Base").getMethod("self");
      for (String implementation : List.of("Has", "Lacks")) {
        Object instance = loader.loadClass(MODEL + implementation).getConstructor().newInstance();
        assertSame(instance, self.invoke(instance), implementation);
      }
    }
  }

  private static List<String> bridgesOf(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).filter(Method::isBridge).map(Method::getName).toList();
  }

  private Path compile(String name, Map<String, String> types) throws IOException {
    Path sources = Files.createDirectories(work.resolve(name + "-src"));
    Path classes = Files.createDirectories(work.resolve(name + "-classes"));
    String pkg = MODEL.substring(0, MODEL.length() - 1);
    for (Map.Entry<String, String> type : types.entrySet()) {
      Files.writeString(sources.resolve(type.getKey() + ".java"), "package " + pkg + ";\n" + type.getValue());
    }
    try (Stream<Path> files = Files.list(sources)) {
      String[] arguments = Stream.concat(Stream.of("-d", classes.toString()), files.map(Path::toString))
          .toArray(String[]::new);
      assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments));
    }
    return classes;
  }

  private Path jar(Map<String, Path> typesAndWhereCompiled) throws IOException {
    Path jar = work.resolve("shaded.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, Path> type : typesAndWhereCompiled.entrySet()) {
        String entry = MODEL.replace('.', '/') + type.getKey() + ".class";
        out.putNextEntry(new JarEntry(entry));
        Files.copy(type.getValue().resolve(entry), out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
