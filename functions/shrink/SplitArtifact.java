import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Splits a function's shaded jar in two for ProGuard (decision 0025, amended in the tenth session): the classes it
 * shrinks, and the rest, kept whole. ProGuard then reads the kept part as a library, so it neither reads, links nor
 * preverifies those classes again for each artifact, and the build puts the kept part back beside ProGuard's output.
 *
 * <p>ProGuard follows no reference out of a library, so this tool writes, as keep rules, every class and member of
 * the shrunk part the kept classes refer to: their constant pools name each class, field and method their code,
 * signatures, annotations and descriptors use. A member is kept where it is declared, which may be a superclass of
 * the class named. A kept class that extends or implements a shrunk class, directly or through other kept classes,
 * stays in the shrunk part, where the rule that keeps everything outside the shrunk packages keeps it whole: ProGuard
 * links no library class to a program class.
 *
 * <p>Which packages are shrunk is read from {@code shrink.pro}'s rule {@code -keep class !a.b.**,!c.d.** { *; }}, the
 * one place they are listed. The SDK's model bridges are dropped from the shrunk part ({@link DropModelBridges}).
 * {@code META-INF/versions/} is left out: the shaded jar does not declare itself multi-release, so the JVM never
 * loads those classes, and ProGuard does not read them.
 *
 * <p>ProGuard's library of the JDK holds only its API packages ({@code JdkLibraryJar}): a shrunk class that names a
 * JDK class left out of it is refused, as ProGuard could not see which of its methods the JDK calls. The build compiles
 * it once ({@code functions/pom.xml}); by hand:
 * {@code java SplitArtifact.java SHADED.jar shrink.pro SHRUNK-PART.jar KEPT-PART.jar REFERENCES.pro JDK-LIBRARY.jar}.
 */
public final class SplitArtifact {

  private static final String KEEP_ALL_BUT_SHRUNK = "-keep class !";

  private final List<String> shrunkPackages;
  private final Map<String, ClassModel> classes = new LinkedHashMap<>();
  private final Set<String> shrunkPart = new TreeSet<>();
  private final Map<String, Set<String>> keptMembers = new TreeMap<>();

  private SplitArtifact(List<String> shrunkPackages) {
    this.shrunkPackages = shrunkPackages;
  }

  public static void main(String[] args) throws IOException {
    Path shaded = Path.of(args[0]);
    SplitArtifact split = new SplitArtifact(shrunkPackagesOf(Path.of(args[1])));
    try (ZipFile jar = new ZipFile(shaded.toFile())) {
      List<? extends ZipEntry> entries = Collections.list(jar.entries()).stream()
          .filter(entry -> !entry.getName().startsWith("META-INF/versions/")).toList();
      Map<String, byte[]> classFiles = new LinkedHashMap<>();
      for (ZipEntry entry : entries) {
        if (entry.getName().endsWith(".class")) {
          byte[] classFile = jar.getInputStream(entry).readAllBytes();
          ClassModel model = ClassFile.of().parse(classFile);
          split.classes.put(model.thisClass().asInternalName(), model);
          classFiles.put(entry.getName(), classFile);
        }
      }
      split.chooseShrunkPart();
      split.refuseJdkClassesLeftOutOf(classesIn(Path.of(args[5])));
      split.keepWhatKeptClassesReferTo();
      DropModelBridges bridges = new DropModelBridges(split.serviceClasses());
      try (ZipOutputStream shrunk = uncompressed(Path.of(args[2]));
           ZipOutputStream kept = uncompressed(Path.of(args[3]))) {
        for (ZipEntry entry : entries) {
          String name = entry.getName();
          byte[] classFile = classFiles.get(name);
          String className = classFile == null ? null : name.substring(0, name.length() - ".class".length());
          if (className != null && split.shrunkPart.contains(className)) {
            copy(entry, bridges.withoutBridges(split.classes.get(className)).orElse(classFile), shrunk);
          } else {
            copy(entry, classFile != null ? classFile : jar.getInputStream(entry).readAllBytes(), kept);
          }
        }
      }
      Files.writeString(Path.of(args[4]), split.rules());
      System.out.println(bridges.summary());
      System.out.println("Shrinking " + split.shrunkPart.size() + " of " + split.classes.size() + " classes; the "
          + "others, kept whole, refer to " + split.keptMembers.size() + " of them");
    }
  }

  private static Set<String> classesIn(Path library) throws IOException {
    try (ZipFile jar = new ZipFile(library.toFile())) {
      return jar.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class"))
          .map(name -> name.substring(0, name.length() - ".class".length())).collect(Collectors.toSet());
    }
  }

  private static List<String> shrunkPackagesOf(Path rules) throws IOException {
    List<String> lines = Files.readAllLines(rules).stream().filter(line -> line.startsWith(KEEP_ALL_BUT_SHRUNK)).toList();
    if (lines.size() != 1) {
      throw new IllegalArgumentException(rules + " must have one rule \"-keep class !a.b.**,!c.d.** { *; }\" naming"
          + " the shrunk packages; it has " + lines.size());
    }
    String line = lines.getFirst();
    List<String> packages = new ArrayList<>();
    for (String pattern : line.substring("-keep class ".length(), line.indexOf(' ', "-keep class ".length())).split(",")) {
      if (!pattern.startsWith("!") || !pattern.endsWith(".**")) {
        throw new IllegalArgumentException(rules + ": \"" + pattern + "\" in the rule keeping all but the shrunk"
            + " packages is not of the form !a.b.**; name whole packages there");
      }
      packages.add(pattern.substring(1, pattern.length() - 2).replace('.', '/'));
    }
    return packages;
  }

  private boolean inShrunkPackage(String className) {
    return shrunkPackages.stream().anyMatch(className::startsWith);
  }

  private void refuseJdkClassesLeftOutOf(Set<String> jdkLibrary) {
    Set<String> leftOut = new TreeSet<>();
    for (String name : shrunkPart) {
      for (PoolEntry entry : classes.get(name).constantPool()) {
        if (entry instanceof ClassEntry named) {
          String type = named.asInternalName();
          if (!classes.containsKey(type) && !jdkLibrary.contains(type)
              && ClassLoader.getPlatformClassLoader().getResource(type + ".class") != null) {
            leftOut.add(type.replace('/', '.') + " (named by " + name.replace('/', '.') + ")");
          }
        }
      }
    }
    if (!leftOut.isEmpty()) {
      throw new IllegalStateException("the shrunk classes name JDK classes that ProGuard's library of the JDK leaves"
          + " out: " + String.join(", ", leftOut) + ". Add their packages to JdkLibraryJar's API_PACKAGES, or ProGuard"
          + " cannot see which of their methods the JDK calls");
    }
  }

  /** The classes of the shrunk packages, and every other class whose supertypes reach one of them. */
  private void chooseShrunkPart() {
    classes.keySet().stream().filter(this::inShrunkPackage).forEach(shrunkPart::add);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ClassModel model : classes.values()) {
        String name = model.thisClass().asInternalName();
        if (!shrunkPart.contains(name) && supertypesOf(model).stream().anyMatch(shrunkPart::contains)) {
          shrunkPart.add(name);
          grew = true;
        }
      }
    }
  }

  private static List<String> supertypesOf(ClassModel model) {
    List<String> supertypes = new ArrayList<>();
    model.superclass().ifPresent(superclass -> supertypes.add(superclass.asInternalName()));
    model.interfaces().forEach(anInterface -> supertypes.add(anInterface.asInternalName()));
    return supertypes;
  }

  private Map<String, ClassModel> serviceClasses() {
    Map<String, ClassModel> services = new LinkedHashMap<>();
    classes.forEach((name, model) -> {
      if (name.startsWith(DropModelBridges.SERVICES)) {
        services.put(name, model);
      }
    });
    return services;
  }

  private void keepWhatKeptClassesReferTo() {
    for (ClassModel model : classes.values()) {
      if (shrunkPart.contains(model.thisClass().asInternalName())) {
        continue;
      }
      for (PoolEntry entry : model.constantPool()) {
        switch (entry) {
          case Utf8Entry text -> keepClassesNamedIn(text.stringValue());
          case MemberRefEntry member -> keepMember(member);
          default -> { }
        }
      }
    }
  }

  /** A class's name, in a class entry or a string, and each class a descriptor or signature names. */
  private void keepClassesNamedIn(String text) {
    keepClass(text.replace('.', '/'));
    for (int start = text.indexOf('L'); start >= 0; start = text.indexOf('L', start + 1)) {
      int end = start + 1;
      while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != '<') {
        end++;
      }
      if (end < text.length()) {
        keepClass(text.substring(start + 1, end));
      }
    }
  }

  private void keepClass(String className) {
    if (shrunkPart.contains(className) && inShrunkPackage(className)) {
      keptMembers.computeIfAbsent(className, unused -> new TreeSet<>());
    }
  }

  private void keepMember(MemberRefEntry member) {
    ClassEntry owner = member.owner();
    if (!shrunkPart.contains(owner.asInternalName())) {
      return;
    }
    keepClass(owner.asInternalName());
    String name = member.name().stringValue();
    String type = member.type().stringValue();
    String declaring = member instanceof FieldRefEntry
        ? declaringField(owner.asInternalName(), name, type)
        : declaringMethod(owner.asInternalName(), name, type);
    if (declaring != null && shrunkPart.contains(declaring) && inShrunkPackage(declaring)) {
      keptMembers.computeIfAbsent(declaring, unused -> new TreeSet<>())
          .add(member instanceof FieldRefEntry ? fieldRule(name, type) : methodRule(name, type));
    }
  }

  /** Where the JVM finds a field: the class, its interfaces, then its superclass (JVMS 5.4.3.2). */
  private String declaringField(String className, String name, String type) {
    ClassModel model = classes.get(className);
    if (model == null) {
      return null;
    }
    if (model.fields().stream().anyMatch(field -> field.fieldName().equalsString(name)
        && field.fieldType().equalsString(type))) {
      return className;
    }
    for (ClassEntry anInterface : model.interfaces()) {
      String found = declaringField(anInterface.asInternalName(), name, type);
      if (found != null) {
        return found;
      }
    }
    return model.superclass().map(superclass -> declaringField(superclass.asInternalName(), name, type)).orElse(null);
  }

  /** Where the JVM finds a method: the class and its superclasses, then their interfaces (JVMS 5.4.3.3). */
  private String declaringMethod(String className, String name, String type) {
    for (String current = className; current != null; current = superclassOf(current)) {
      if (declares(current, name, type)) {
        return current;
      }
    }
    for (String current = className; current != null; current = superclassOf(current)) {
      String found = declaringInterfaceMethod(classes.get(current), name, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private String declaringInterfaceMethod(ClassModel model, String name, String type) {
    if (model == null) {
      return null;
    }
    for (ClassEntry anInterface : model.interfaces()) {
      String candidate = anInterface.asInternalName();
      if (declares(candidate, name, type)) {
        return candidate;
      }
      String found = declaringInterfaceMethod(classes.get(candidate), name, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private boolean declares(String className, String name, String type) {
    ClassModel model = classes.get(className);
    return model != null && model.methods().stream().anyMatch(method -> method.methodName().equalsString(name)
        && method.methodType().equalsString(type));
  }

  private String superclassOf(String className) {
    ClassModel model = classes.get(className);
    return model == null ? null : model.superclass().map(ClassEntry::asInternalName).orElse(null);
  }

  private static String fieldRule(String name, String descriptor) {
    return javaType(descriptor, new int[] {0}) + " " + name + ";";
  }

  private static String methodRule(String name, String descriptor) {
    int[] at = {1};
    List<String> parameters = new ArrayList<>();
    while (descriptor.charAt(at[0]) != ')') {
      parameters.add(javaType(descriptor, at));
    }
    at[0]++;
    String returned = javaType(descriptor, at);
    return (name.equals("<init>") ? "" : returned + " ") + name + "(" + String.join(",", parameters) + ");";
  }

  /** The type at {@code at[0]} of a descriptor in ProGuard's notation, advancing {@code at[0]} past it. */
  private static String javaType(String descriptor, int[] at) {
    char code = descriptor.charAt(at[0]++);
    return switch (code) {
      case 'B' -> "byte";
      case 'C' -> "char";
      case 'D' -> "double";
      case 'F' -> "float";
      case 'I' -> "int";
      case 'J' -> "long";
      case 'S' -> "short";
      case 'Z' -> "boolean";
      case 'V' -> "void";
      case '[' -> javaType(descriptor, at) + "[]";
      case 'L' -> {
        int end = descriptor.indexOf(';', at[0]);
        String className = descriptor.substring(at[0], end).replace('/', '.');
        at[0] = end + 1;
        yield className;
      }
      default -> throw new IllegalArgumentException("not a type descriptor at " + (at[0] - 1) + ": " + descriptor);
    };
  }

  private String rules() {
    StringBuilder rules = new StringBuilder("# Written by SplitArtifact: what the classes kept whole, which ProGuard"
        + " reads as a library, refer to in the shrunk ones.\n");
    keptMembers.forEach((className, members) -> {
      rules.append("-keep class ").append(className.replace('/', '.'));
      if (!members.isEmpty()) {
        rules.append(" { ").append(String.join(" ", members)).append(" }");
      }
      rules.append('\n');
    });
    return rules.toString();
  }

  private static ZipOutputStream uncompressed(Path jar) throws IOException {
    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
    out.setLevel(Deflater.NO_COMPRESSION);
    return out;
  }

  /** Copies an entry with its time, so that the same shaded jar gives the same parts. */
  private static void copy(ZipEntry entry, byte[] content, ZipOutputStream jar) throws IOException {
    ZipEntry copy = new ZipEntry(entry.getName());
    copy.setTime(entry.getTime());
    jar.putNextEntry(copy);
    jar.write(content);
    jar.closeEntry();
  }
}
