package org.cuestudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enforces the module table of DESIGN.md section 2: what each module may import. */
class ModuleDependencyRulesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cuestudio");
    }

    @Test
    void everyModuleIsOnTheTestClassPath() {
        for (String pkg : new String[] {"org.cuestudio.core", "org.cuestudio.format", "org.cuestudio.inference",
                "org.cuestudio.app"}) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg))).as(pkg).isTrue();
        }
    }

    @Test
    void coreUsesOnlyTheJdk() {
        classes().that().resideInAPackage("org.cuestudio.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.cuestudio.core..", "org.jspecify..")
                .because("studio-core is the pure heart of the studio: no UI, engine, JSON, database or codec types, "
                        + "so it stays testable and every other module can build on it")
                .check(classes);
    }

    @Test
    void projectFormatUsesOnlyCoreJsonAndSqlite() {
        classes().that().resideInAPackage("org.cuestudio.format..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.cuestudio.core..",
                        "org.cuestudio.format..", "com.fasterxml.jackson..", "org.sqlite..", "org.jspecify..")
                .because("the file format and cache must not depend on the UI or on the render engine")
                .check(classes);
    }

    @Test
    void inferenceDependsOnCoreOnly() {
        noClasses().that().resideInAPackage("org.cuestudio.inference..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cuestudio.format..", "org.cuestudio.app..",
                        "javafx..")
                .because("render backends and codecs plug into studio-core's ports and know nothing of files or UI")
                .check(classes);
    }

    @Test
    void appReachesInferenceOnlyThroughServiceLoader() {
        noClasses().that().resideInAPackage("org.cuestudio.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cuestudio.inference..", "ai.djl..",
                        "org.bytedeco..")
                .because("the studio finds render backends and codecs at run time through ServiceLoader, so a backend "
                        + "can be added or swapped without touching the app")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheApp() {
        noClasses().that().resideOutsideOfPackage("org.cuestudio.app..")
                .should().dependOnClassesThat().resideInAPackage("org.cuestudio.app..")
                .because("studio-app is the composition root at the top of the dependency graph")
                .check(classes);
    }
}
