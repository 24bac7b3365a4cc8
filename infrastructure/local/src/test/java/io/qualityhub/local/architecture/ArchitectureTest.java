package io.qualityhub.local.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the tree (docs/architecture.md), read from the compiled modules: a Lambda function's module never uses
 * another function's classes, and the domain libraries use no AWS type. Classes share packages across modules, so a
 * class belongs to the module whose {@code target/classes} it was read from.
 */
class ArchitectureTest {

  private static final Path FUNCTIONS = Path.of("..", "..", "functions").toAbsolutePath().normalize();
  /** Plain Java: the upload format and the domains. */
  private static final List<String> DOMAIN_LIBRARIES = List.of("records", "deadlines", "sampling", "reports", "reports-pdf");

  private static List<Path> functionModules;
  private static JavaClasses classes;

  @BeforeAll
  static void importEveryModule() throws IOException {
    try (Stream<Path> modules = Files.list(FUNCTIONS)) {
      functionModules = modules.filter(module -> Files.isRegularFile(module.resolve("pom.xml")))
          .filter(module -> !module.getFileName().toString().equals("lib")).sorted().toList();
    }
    List<Path> compiled;
    try (Stream<Path> libraries = Files.list(FUNCTIONS.resolve("lib"))) {
      compiled = Stream.concat(functionModules.stream(), libraries.sorted())
          .map(module -> module.resolve("target").resolve("classes")).toList();
    }
    for (Path classesDirectory : compiled) {
      assertTrue(Files.isDirectory(classesDirectory), classesDirectory + " is not compiled: build the functions first");
    }
    classes = new ClassFileImporter().importPaths(compiled);
  }

  @Test
  void everyFunctionInTheTemplateHasAModuleOfItsOwn() throws IOException {
    String template = Files.readString(FUNCTIONS.resolveSibling("template.yaml"));
    List<String> codeUris = template.lines().map(String::strip).filter(line -> line.startsWith("CodeUri: functions/"))
        .map(line -> line.substring("CodeUri: functions/".length(), line.indexOf("/target/"))).sorted().toList();

    assertEquals(functionModules.stream().map(module -> module.getFileName().toString()).toList(), codeUris);
  }

  @Test
  void noFunctionUsesAnotherFunctionsClasses() {
    for (Path function : functionModules) {
      String name = function.getFileName().toString();
      noClasses().that(readFrom(function)).should().dependOnClassesThat(readFromAnotherFunctionThan(function))
          .because("a function module holds one function's handler and wiring; shared code belongs in functions/lib"
              + " (" + name + ")")
          .check(classes);
    }
  }

  @Test
  void theDomainLibrariesUseNoAwsType() {
    for (String library : DOMAIN_LIBRARIES) {
      noClasses().that(readFrom(FUNCTIONS.resolve("lib").resolve(library)))
          .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
          .because("domain logic is plain Java, unit-tested without AWS (" + library + ")")
          .check(classes);
    }
  }

  @Test
  void servicesUseNoAwsType() {
    noClasses().that(areServices()).should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
        .because("a service decides on typed values and domain exceptions; the adapters it is given map SDK items and"
            + " SDK exceptions")
        .check(classes);
  }

  @Test
  void theRulesSeeWhichModuleAClassIsReadFrom() {
    // Guards the rules above against passing for want of matches: a function's use of a library is seen as such.
    JavaClass samplingWiring = classes.get("io.qualityhub.sampling.function.SamplingWiring");

    assertTrue(readFrom(FUNCTIONS.resolve("sampling")).test(samplingWiring));
    assertTrue(samplingWiring.getDirectDependenciesFromSelf().stream()
        .anyMatch(dependency -> readFrom(FUNCTIONS.resolve("lib").resolve("sampling-store")).test(dependency.getTargetClass())));
    assertTrue(readFromAnotherFunctionThan(FUNCTIONS.resolve("intake")).test(samplingWiring));
  }

  /** Classes named {@code *Service} in a module of the tree, with the classes nested in them (their lambdas' too). */
  private static DescribedPredicate<JavaClass> areServices() {
    return DescribedPredicate.describe("are services",
        javaClass -> javaClass.getSource().map(source -> source.getUri()).filter(uri -> "file".equals(uri.getScheme()))
            .map(uri -> Path.of(uri).startsWith(FUNCTIONS)).orElse(false)
            && javaClass.getName().replaceAll("\\$.*", "").endsWith("Service"));
  }

  private static DescribedPredicate<JavaClass> readFrom(Path module) {
    Path location = module.resolve("target").resolve("classes");
    return DescribedPredicate.describe("are in " + FUNCTIONS.relativize(module),
        javaClass -> javaClass.getSource().map(source -> source.getUri())
            // Classes a module uses from libraries outside the tree come from jars: none of them is a module's.
            .filter(uri -> "file".equals(uri.getScheme()))
            .map(uri -> Path.of(uri).startsWith(location)).orElse(false));
  }

  private static DescribedPredicate<JavaClass> readFromAnotherFunctionThan(Path function) {
    List<DescribedPredicate<JavaClass>> others = functionModules.stream().filter(module -> !module.equals(function))
        .map(ArchitectureTest::readFrom).toList();
    return DescribedPredicate.describe("are in another function's module",
        javaClass -> others.stream().anyMatch(other -> other.test(javaClass)));
  }
}
