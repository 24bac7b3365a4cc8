import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes out the bridge methods javac writes into the AWS SDK's model builder interfaces (decision 0025, amended
 * 2026-12-06). Each request's {@code Builder} interface redeclares {@code overrideConfiguration} with its own return
 * type, so javac adds a default bridge method returning {@code AwsRequest.Builder}. The SDK's core calls that method,
 * and ProGuard then keeps every default method that implements it, in every interface, whether or not the interface is
 * used; the bridge names its own interface, whose InnerClasses entry names the request, so every request class of
 * every service stayed, with all it reaches.
 *
 * <p>The bridge is never run: the only class implementing a builder interface is the builder's implementation, and
 * javac wrote the same bridge into that class, which the JVM selects before an interface's default method. An
 * interface keeps its bridges unless every concrete class of the service modules implementing it declares each of them
 * or inherits it from a superclass of the service modules.
 */
final class DropModelBridges {

  static final String SERVICES = "software/amazon/awssdk/services/";

  private final Map<String, ClassModel> services;
  private final Set<String> leftAsTheyAre = new HashSet<>();
  private final Map<String, Set<String>> interfaces = new HashMap<>();
  private final Map<String, Set<String>> concreteMethods = new HashMap<>();
  private Map<String, List<ClassModel>> implementations;
  private int dropped;

  /** @param services the classes of the service modules by internal name */
  DropModelBridges(Map<String, ClassModel> services) {
    this.services = services;
  }

  /** The class file without its bridges when it is a model interface whose bridges no implementation relies on. */
  Optional<byte[]> withoutBridges(ClassModel model) {
    String name = model.thisClass().asInternalName();
    if (!name.startsWith(SERVICES) || !name.contains("/model/") || !model.flags().has(AccessFlag.INTERFACE)
        || !hasBridge(model) || !implementationsDeclareBridges(model)) {
      return Optional.empty();
    }
    dropped++;
    return Optional.of(ClassFile.of().transformClass(model, ClassTransform.dropping(element ->
        element instanceof MethodModel method && isBridge(method))));
  }

  String summary() {
    return "Dropped the bridge methods of " + dropped + " SDK model interfaces; kept those of " + leftAsTheyAre.size()
        + " an implementation may rely on";
  }

  private static boolean hasBridge(ClassModel model) {
    return model.methods().stream().anyMatch(DropModelBridges::isBridge);
  }

  private static boolean isBridge(MethodModel method) {
    return method.flags().has(AccessFlag.BRIDGE) && !method.flags().has(AccessFlag.ABSTRACT);
  }

  private boolean implementationsDeclareBridges(ClassModel anInterface) {
    String name = anInterface.thisClass().asInternalName();
    List<String> bridges = anInterface.methods().stream().filter(DropModelBridges::isBridge)
        .map(DropModelBridges::signature).toList();
    for (ClassModel model : implementations().getOrDefault(name, List.of())) {
      Set<String> declared = concreteMethodsOf(model);
      for (String bridge : bridges) {
        if (!declared.contains(bridge)) {
          leftAsTheyAre.add(name);
          return false;
        }
      }
    }
    return true;
  }

  /** The concrete classes of the service modules by each interface they implement. */
  private Map<String, List<ClassModel>> implementations() {
    if (implementations == null) {
      implementations = new HashMap<>();
      for (ClassModel model : services.values()) {
        if (!model.flags().has(AccessFlag.INTERFACE) && !model.flags().has(AccessFlag.ABSTRACT)) {
          interfacesOf(model).forEach(anInterface ->
              implementations.computeIfAbsent(anInterface, unused -> new ArrayList<>()).add(model));
        }
      }
    }
    return implementations;
  }

  private static String signature(MethodModel method) {
    return method.methodName().stringValue() + method.methodType().stringValue();
  }

  /** The interfaces a class implements, directly, through its superclasses or through other interfaces. */
  private Set<String> interfacesOf(ClassModel model) {
    String name = model.thisClass().asInternalName();
    Set<String> known = interfaces.get(name);
    if (known != null) {
      return known;
    }
    Set<String> found = new HashSet<>();
    for (var direct : model.interfaces()) {
      found.add(direct.asInternalName());
      ClassModel parent = services.get(direct.asInternalName());
      if (parent != null) {
        found.addAll(interfacesOf(parent));
      }
    }
    model.superclass().map(superclass -> services.get(superclass.asInternalName()))
        .ifPresent(superclass -> found.addAll(interfacesOf(superclass)));
    interfaces.put(name, found);
    return found;
  }

  /** The methods with code a class declares or inherits from its superclasses in the service modules. */
  private Set<String> concreteMethodsOf(ClassModel model) {
    String name = model.thisClass().asInternalName();
    Set<String> known = concreteMethods.get(name);
    if (known != null) {
      return known;
    }
    Set<String> methods = new HashSet<>();
    model.methods().stream().filter(method -> !method.flags().has(AccessFlag.ABSTRACT))
        .forEach(method -> methods.add(signature(method)));
    model.superclass().map(superclass -> services.get(superclass.asInternalName()))
        .ifPresent(superclass -> methods.addAll(concreteMethodsOf(superclass)));
    concreteMethods.put(name, methods);
    return methods;
  }
}
