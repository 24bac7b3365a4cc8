import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a function's shaded jar, leaving out the bridge methods javac writes into the AWS SDK's model builder
 * interfaces (decision 0025, amended 2026-12-06). Each request's {@code Builder} interface redeclares
 * {@code overrideConfiguration} with its own return type, so javac adds a default bridge method returning
 * {@code AwsRequest.Builder}. The SDK's core calls that method, and ProGuard then keeps every default method that
 * implements it, in every interface, whether or not the interface is used; the bridge names its own interface, whose
 * InnerClasses entry names the request, so every request class of every service stayed, with all it reaches.
 *
 * <p>The bridge is never run: the only class implementing a builder interface is the builder's implementation, and
 * javac wrote the same bridge into that class, which the JVM selects before an interface's default method. This tool
 * checks that for every bridge it drops and fails otherwise. Run with the single-file launcher:
 * {@code java DropModelBridges.java IN.jar OUT.jar}.
 */
public final class DropModelBridges {

  private static final String MODELS = "software/amazon/awssdk/services/";

  public static void main(String[] args) throws IOException {
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]).toAbsolutePath();
    ClassFile classFiles = ClassFile.of();
    try (ZipFile jar = new ZipFile(source.toFile())) {
      Map<String, ClassModel> models = readModels(jar, classFiles);
      Set<String> dropped = new HashSet<>();
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
        Enumeration<? extends ZipEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          out.putNextEntry(new ZipEntry(entry.getName()));
          ClassModel model = models.get(entry.getName());
          if (model != null && entry.getName().contains("/model/") && model.flags().has(AccessFlag.INTERFACE)
              && hasBridge(model) && implementationsDeclareBridges(model, models)) {
            out.write(classFiles.transformClass(model, ClassTransform.dropping(element ->
                element instanceof MethodModel method && isBridge(method))));
            dropped.add(entry.getName());
          } else {
            try (InputStream in = jar.getInputStream(entry)) {
              in.transferTo(out);
            }
          }
          out.closeEntry();
        }
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("Dropped the bridge methods of " + dropped.size() + " SDK model interfaces; kept those of "
          + LEFT_AS_THEY_ARE.size() + " an implementation may rely on");
    }
  }

  private static Map<String, ClassModel> readModels(ZipFile jar, ClassFile classFiles) throws IOException {
    Map<String, ClassModel> models = new HashMap<>();
    Enumeration<? extends ZipEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      if (entry.getName().startsWith(MODELS) && entry.getName().endsWith(".class")) {
        try (InputStream in = jar.getInputStream(entry)) {
          models.put(entry.getName(), classFiles.parse(in.readAllBytes()));
        }
      }
    }
    return models;
  }

  private static boolean hasBridge(ClassModel model) {
    return model.methods().stream().anyMatch(DropModelBridges::isBridge);
  }

  private static boolean isBridge(MethodModel method) {
    return method.flags().has(AccessFlag.BRIDGE) && !method.flags().has(AccessFlag.ABSTRACT);
  }

  /**
   * Whether every concrete class of the service modules that implements the interface declares each of its bridges
   * itself or inherits it from a superclass of the service modules. If not, the interface is left as it is.
   */
  private static boolean implementationsDeclareBridges(ClassModel anInterface, Map<String, ClassModel> models) {
    String name = anInterface.thisClass().asInternalName();
    List<String> bridges = anInterface.methods().stream().filter(DropModelBridges::isBridge)
        .map(DropModelBridges::signature).toList();
    for (ClassModel model : models.values()) {
      if (model.flags().has(AccessFlag.INTERFACE) || model.flags().has(AccessFlag.ABSTRACT)
          || !interfacesOf(model, models).contains(name)) {
        continue;
      }
      Set<String> declared = concreteMethodsOf(model, models);
      for (String bridge : bridges) {
        if (!declared.contains(bridge)) {
          LEFT_AS_THEY_ARE.add(name);
          return false;
        }
      }
    }
    return true;
  }

  private static String signature(MethodModel method) {
    return method.methodName().stringValue() + method.methodType().stringValue();
  }

  private static final Set<String> LEFT_AS_THEY_ARE = new HashSet<>();
  private static final Map<String, Set<String>> INTERFACES = new HashMap<>();
  private static final Map<String, Set<String>> CONCRETE_METHODS = new HashMap<>();

  /** The interfaces a class implements, directly, through its superclasses or through other interfaces. */
  private static Set<String> interfacesOf(ClassModel model, Map<String, ClassModel> models) {
    String name = model.thisClass().asInternalName();
    Set<String> known = INTERFACES.get(name);
    if (known != null) {
      return known;
    }
    Set<String> interfaces = new HashSet<>();
    for (var direct : model.interfaces()) {
      interfaces.add(direct.asInternalName());
      ClassModel parent = models.get(direct.asInternalName() + ".class");
      if (parent != null) {
        interfaces.addAll(interfacesOf(parent, models));
      }
    }
    model.superclass().map(superclass -> models.get(superclass.asInternalName() + ".class"))
        .ifPresent(superclass -> interfaces.addAll(interfacesOf(superclass, models)));
    INTERFACES.put(name, interfaces);
    return interfaces;
  }

  /** The methods with code a class declares or inherits from its superclasses in the service modules. */
  private static Set<String> concreteMethodsOf(ClassModel model, Map<String, ClassModel> models) {
    String name = model.thisClass().asInternalName();
    Set<String> known = CONCRETE_METHODS.get(name);
    if (known != null) {
      return known;
    }
    Set<String> methods = new HashSet<>();
    model.methods().stream().filter(method -> !method.flags().has(AccessFlag.ABSTRACT))
        .forEach(method -> methods.add(signature(method)));
    model.superclass().map(superclass -> models.get(superclass.asInternalName() + ".class"))
        .ifPresent(superclass -> methods.addAll(concreteMethodsOf(superclass, models)));
    CONCRETE_METHODS.put(name, methods);
    return methods;
  }
}
