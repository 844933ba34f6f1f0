package dev.docket.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.docket.app.architecture.fixture.UsesJdbcByFullName;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's boundaries, checked on the compiled classes of every module (app sees them all on
 * its test classpath). Bytecode records every type a class uses, however it is named in the source:
 * a fully qualified {@code java.sql.Connection} is caught as surely as an imported one.
 */
class ArchitectureTest {
  /** Main classes only: tests may use what they like to set up a store. */
  private static JavaClasses docket;

  /** The JDK's own packages a core module may use; {@code java.sql} is a driver API, not these. */
  private static final String[] JDK = {"java..", "javax.crypto.."};

  private static final String[] DRIVERS = {
    "java.sql..", "javax.sql..", "org.jooq..", "com.zaxxer..", "org.flywaydb.."
  };

  @BeforeAll
  static void importClasses() {
    docket =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.docket");
  }

  @Test
  void domainUsesTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("dev.docket.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(with(JDK, "dev.docket.domain.."))
        .andShould(notUse(DRIVERS))
        .check(docket);
  }

  @Test
  void portsUseOnlyTheDomainAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.docket.ports..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            with(JDK, "dev.docket.domain..", "dev.docket.ports..", "dev.docket.worker.."))
        .andShould(notUse(DRIVERS))
        .check(docket);
  }

  /** The worker runtime's handler API is shared by the in-process and HTTP transports. */
  @Test
  void workerUsesTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("dev.docket.worker..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(with(JDK, "dev.docket.worker.."))
        .andShould(notUse(DRIVERS))
        .check(docket);
  }

  @Test
  void adaptersNeverSeeEachOtherOrTheApp() {
    List<String> adapters = List.of("sqlite", "postgres", "http");
    for (String adapter : adapters) {
      String[] others =
          Stream.concat(
                  adapters.stream()
                      .filter(a -> !a.equals(adapter))
                      .map(a -> "dev.docket.adapter." + a + ".."),
                  Stream.of("dev.docket.app.."))
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.docket.adapter." + adapter + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(docket);
    }
  }

  @Test
  void appUsesNoJdbcOrJooq() {
    appUsesNoJdbcOrJooq.check(docket);
  }

  @Test
  void storeEntryPointsExposeNoDriverTypes() {
    classes()
        .that()
        .haveFullyQualifiedName("dev.docket.adapter.sqlite.SqliteStore")
        .or()
        .haveFullyQualifiedName("dev.docket.adapter.postgres.PostgresStore")
        .should(exposeNoDriverTypesInPublicMethods())
        .check(docket);
  }

  @Test
  void aFullyQualifiedNameCannotSlipPast() {
    // The fixture names java.sql.Connection in full, without an import line.
    JavaClasses fixture = new ClassFileImporter().importClasses(UsesJdbcByFullName.class);
    EvaluationResult result = appUsesNoJdbcOrJooq.evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("java.sql.Connection"));
  }

  @Test
  void theRulesSeeEveryModule() {
    // Guards the rules above against passing because they read nothing.
    for (String module :
        List.of(
            "dev.docket.domain",
            "dev.docket.ports",
            "dev.docket.worker",
            "dev.docket.adapter.sqlite",
            "dev.docket.adapter.postgres",
            "dev.docket.adapter.http",
            "dev.docket.app")) {
      assertThat(docket.stream().filter(c -> c.getPackageName().startsWith(module)))
          .as(module)
          .isNotEmpty();
    }
    assertThat(docket.stream().filter(c -> c.getPackageName().startsWith("dev.docket.domain")))
        .hasSizeGreaterThan(10);
    assertThat(
            docket.stream()
                .filter(c -> c.getPackageName().startsWith("dev.docket.adapter.sqlite"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .filter(d -> d.getTargetClass().getPackageName().startsWith("org.jooq")))
        .isNotEmpty();
  }

  private static final ArchRule appUsesNoJdbcOrJooq =
      noClasses()
          .that()
          .resideInAPackage("dev.docket.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..");

  private static ArchCondition<JavaClass> notUse(String... packages) {
    return new ArchCondition<>("use no driver API " + String.join(", ", packages)) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        item.getDirectDependenciesFromSelf().stream()
            .filter(d -> matchesAny(d.getTargetClass().getPackageName(), packages))
            .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoDriverTypesInPublicMethods() {
    return new ArchCondition<>("expose no jOOQ, JDBC or Hikari type in a public method") {
      @Override
      public void check(JavaClass store, ConditionEvents events) {
        for (JavaMethod m : store.getAllMethods()) {
          if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
            continue;
          }
          Stream.concat(
                  Stream.concat(Stream.of(m.getRawReturnType()), m.getRawParameterTypes().stream()),
                  m.getThrowsClause().getTypes().stream())
              .filter(t -> matchesAny(t.getPackageName(), DRIVERS))
              .forEach(
                  t ->
                      events.add(
                          SimpleConditionEvent.violated(
                              m, m.getFullName() + " exposes " + t.getName())));
        }
      }
    };
  }

  /** ArchUnit's "a.b.." package syntax, for the few conditions written by hand. */
  private static boolean matchesAny(String pkg, String... patterns) {
    for (String p : patterns) {
      String prefix = p.substring(0, p.length() - 2);
      if (pkg.equals(prefix) || pkg.startsWith(prefix + ".")) {
        return true;
      }
    }
    return false;
  }

  private static String[] with(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }
}
