import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the running JDK's classes into one jar, the library ProGuard shrinks a function's artifact against
 * (decision 0025). ProGuard needs the JDK's class hierarchy to know which methods override the JDK's, but the JDK
 * ships no jmods since 24 and ProGuard 7.6 reads class files up to Java 23; the functions target Java 21, so each
 * class is written with the class-file version of Java 21 (ProGuard reads a library class's signatures, never its
 * code). The build compiles it once ({@code functions/pom.xml}); by hand: {@code java JdkLibraryJar.java TARGET.jar}.
 */
public final class JdkLibraryJar {

  private static final int JAVA_21_MAJOR_VERSION = 65;

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
    Path modules = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules");
    try (ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(partial));
         Stream<Path> listed = Files.list(modules)) {
      jar.setLevel(Deflater.BEST_SPEED);
      for (Path module : listed.toList()) {
        for (Path file : classesOf(module)) {
          jar.putNextEntry(new ZipEntry(module.relativize(file).toString()));
          writeAsJava21(Files.readAllBytes(file), jar);
          jar.closeEntry();
        }
      }
    }
    // Built modules in parallel may both write it; each moves a whole jar into place.
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<Path> classesOf(Path module) throws IOException {
    try (Stream<Path> files = Files.walk(module)) {
      return files.filter(file -> file.toString().endsWith(".class") && !file.endsWith("module-info.class")).toList();
    }
  }

  private static void writeAsJava21(byte[] classFile, OutputStream jar) throws IOException {
    int major = (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    if (major > JAVA_21_MAJOR_VERSION) {
      classFile[4] = 0;
      classFile[5] = 0;
      classFile[6] = 0;
      classFile[7] = JAVA_21_MAJOR_VERSION;
    }
    jar.write(classFile);
  }
}
