package io.plumbline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.plumbline.engine.Assignment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package table of ARCHITECTURE.md true: who may depend on whom. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.plumbline");
    }

    @Test
    void modelDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.plumbline.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.plumbline.model..", "java..")
                .check(main);
    }

    @Test
    void sourceDependsOnModelAndJGit() {
        // Jackson and javax.crypto: webhook payloads are JSON, signed with HMAC-SHA256;
        // Bouncy Castle: OpenPGP commit signatures
        classes().that().resideInAPackage("io.plumbline.source..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.plumbline.source..",
                        "io.plumbline.model..", "org.eclipse.jgit..", "org.slf4j..", "com.fasterxml.jackson..",
                        "javax.crypto..", "org.bouncycastle..", "java..")
                .check(main);
    }

    @Test
    void loadDependsOnModelYamlAndSchemaValidation() {
        classes().that().resideInAPackage("io.plumbline.load..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.plumbline.load..",
                        "io.plumbline.model..", "org.yaml.snakeyaml..", "com.networknt.schema..",
                        "com.fasterxml.jackson..", "org.slf4j..", "java..")
                .check(main);
    }

    @Test
    void renderAndDiffArePureFunctionsOfTheModel() {
        classes().that().resideInAnyPackage("io.plumbline.render..", "io.plumbline.diff..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.plumbline.render..",
                        "io.plumbline.diff..", "io.plumbline.model..", "io.fabric8.kubernetes.api.model..",
                        "com.fasterxml.jackson..", "java..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void secretsAreResolvedOutsideTheEngineAndTheProviders() {
        // the resolver reads AWS and decrypts SOPS files; the engine sees it only as the provider contract's
        // SecretResolver, and no provider reads a secret's source itself
        classes().that().resideInAPackage("io.plumbline.secrets..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.plumbline.secrets..",
                        "io.plumbline.model..", "io.plumbline.load..", "io.plumbline.provider",
                        "software.amazon.awssdk..", "com.exceptionfactory.jagged..", "com.fasterxml.jackson..",
                        "javax.crypto..", "java..")
                .check(main);
        noClasses().that().resideInAnyPackage("io.plumbline.engine..", "io.plumbline.provider..",
                        "io.plumbline.render..", "io.plumbline.report..")
                .should().dependOnClassesThat().resideInAPackage("io.plumbline.secrets..")
                .check(main);
    }

    @Test
    void providersNeverDependOnEachOtherOrOnTheEngine() {
        for (String provider : new String[] {"kubernetes", "aws", "haproxy"}) {
            noClasses().that().resideInAPackage("io.plumbline.provider." + provider + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbiddenFor(provider))
                    .allowEmptyShould(true)
                    .check(main);
        }
    }

    @Test
    void theEngineKnowsProvidersOnlyThroughTheirContract() {
        noClasses().that().resideInAPackage("io.plumbline.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.plumbline.provider.kubernetes..",
                        "io.plumbline.provider.aws..", "io.plumbline.provider.haproxy..", "io.plumbline.render..",
                        "io.fabric8..", "software.amazon..")
                .check(main);
    }

    @Test
    void reportAndMetricsStayApartFromTheEngine() {
        noClasses().that().resideInAnyPackage("io.plumbline.report..", "io.plumbline.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.plumbline.engine..",
                        "io.plumbline.provider..", "io.plumbline.load..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void onlyTheCommandLineAndTheServiceComposeProviders() {
        noClasses().that().resideOutsideOfPackages("io.plumbline.cli..", "io.plumbline.http..", "io.plumbline.app..")
                .should().dependOnClassesThat().resideInAPackage("io.plumbline.app..")
                .check(main);
    }

    @Test
    void theFleetKnowsTheEngineOnlyThroughItsAssignment() {
        // Of the engine only its Assignment contract: the engine never learns of Leases, nor the fleet of reconciles.
        classes().that().resideInAPackage("io.plumbline.cluster..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.plumbline.cluster..",
                        "io.plumbline.metrics..", "io.fabric8.kubernetes..", "org.slf4j..", "java..")
                        .or(JavaClass.Predicates.belongToAnyOf(Assignment.class, Assignment.Replica.class)))
                .check(main);
    }

    @Test
    void onlyTheCompositionRootWiresTheFleet() {
        noClasses().that().resideOutsideOfPackages("io.plumbline.cluster..", "io.plumbline.app..")
                .should().dependOnClassesThat().resideInAPackage("io.plumbline.cluster..")
                .check(main);
    }

    @Test
    void reportDependsOnModelJsonLogsAndJGitOnly() {
        classes().that().resideInAPackage("io.plumbline.report..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.plumbline.report..",
                        "io.plumbline.model..", "com.fasterxml.jackson..", "org.slf4j..", "org.eclipse.jgit..",
                        "java..")
                .check(main);
    }

    @Test
    void nothingDependsOnTheCommandLineOrTheHttpFace() {
        noClasses().that().resideOutsideOfPackages("io.plumbline.cli..", "io.plumbline.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.plumbline.cli..", "io.plumbline.http..")
                .check(main);
    }

    private static String[] forbiddenFor(String provider) {
        java.util.List<String> packages = new java.util.ArrayList<>();
        for (String p : new String[] {"kubernetes", "aws", "haproxy"}) {
            if (!p.equals(provider)) {
                packages.add("io.plumbline.provider." + p + "..");
                packages.add("io.plumbline.render." + p + "..");
            }
        }
        packages.add("io.plumbline.engine..");
        packages.add("io.plumbline.cli..");
        packages.add("io.plumbline.http..");
        return packages.toArray(String[]::new);
    }
}
