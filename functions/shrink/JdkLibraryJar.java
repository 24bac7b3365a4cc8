import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the running JDK's API classes into one jar, the library ProGuard shrinks a function's artifact against
 * (decision 0025). ProGuard needs the JDK's class hierarchy to know which methods override the JDK's, but the JDK
 * ships no jmods since 24 and ProGuard 7.6 reads class files up to Java 23; the functions target Java 21, so each
 * class is written with the class-file version of Java 21 (ProGuard reads a library class's signatures, never its
 * code).
 *
 * <p>Only the packages a function's classes name are written, those of {@link #API_PACKAGES}, with every supertype
 * of theirs wherever it lies, so the hierarchy ProGuard sees of each is whole: a third of the JDK's classes, which
 * takes ProGuard a seventh less time on each artifact. {@code SplitArtifact} refuses an artifact whose shrunk classes
 * name a JDK class left out. The build compiles it once ({@code functions/pom.xml}); by hand:
 * {@code java JdkLibraryJar.java TARGET.jar}.
 */
public final class JdkLibraryJar {

  private static final int JAVA_21_MAJOR_VERSION = 65;
  private static final List<String> API_PACKAGES = List.of("java/", "javax/", "org/");

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
    Map<String, Path> classFiles = classFilesByName();
    Deque<String> toWrite = new ArrayDeque<>(
        classFiles.keySet().stream().filter(name -> API_PACKAGES.stream().anyMatch(name::startsWith)).sorted().toList());
    Set<String> written = new HashSet<>();
    try (ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(partial))) {
      jar.setLevel(Deflater.BEST_SPEED);
      while (!toWrite.isEmpty()) {
        String name = toWrite.poll();
        Path file = classFiles.get(name);
        if (file == null || !written.add(name)) {
          continue;
        }
        byte[] classFile = Files.readAllBytes(file);
        ClassModel model = ClassFile.of().parse(classFile);
        model.superclass().ifPresent(superclass -> toWrite.add(superclass.asInternalName()));
        model.interfaces().forEach(superinterface -> toWrite.add(superinterface.asInternalName()));
        jar.putNextEntry(new ZipEntry(name + ".class"));
        writeAsJava21(classFile, jar);
        jar.closeEntry();
      }
    }
    // Built modules in parallel may both write it; each moves a whole jar into place.
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every class of every module of the running JDK, by its internal name. */
  private static Map<String, Path> classFilesByName() throws IOException {
    Map<String, Path> classFiles = new HashMap<>();
    Path modules = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules");
    try (Stream<Path> listed = Files.list(modules)) {
      for (Path module : listed.toList()) {
        try (Stream<Path> files = Files.walk(module)) {
          files.filter(file -> file.toString().endsWith(".class") && !file.endsWith("module-info.class"))
              .forEach(file -> {
                String entry = module.relativize(file).toString();
                classFiles.put(entry.substring(0, entry.length() - ".class".length()), file);
              });
        }
      }
    }
    return classFiles;
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
