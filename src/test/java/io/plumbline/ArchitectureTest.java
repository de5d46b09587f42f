package io.plumbline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.plumbline.engine.loop.Assignment;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.ResourceKey;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps the package table of docs/architecture.md true, row by row: who may depend on whom. */
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
    void theImportWriterDependsOnTheJdkOnly() {
        // the providers read live state into its neutral trees; it writes them, knowing no provider or SDK
        classes().that().resideInAPackage("io.plumbline.importer..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.plumbline.importer..", "java..")
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
                        "io.plumbline.model.spec.aws..", "io.plumbline.model.spec.kubernetes..",
                        "io.plumbline.model.spec.haproxy..", "io.fabric8..", "software.amazon..")
                .check(main);
    }

    /**
     * The engine's rooms, each above the ones it uses: a sub-package depends only on those listed for it, and none
     * on the top ({@code Engine}, {@code EngineSettings} in {@code engine} itself), so the rooms form no cycle.
     */
    @Test
    void theEnginesRoomsDependOnlyDownward() {
        Map<String, List<String>> below = new LinkedHashMap<>();
        below.put("plan", List.of());
        below.put("schedule", List.of());
        below.put("drift", List.of("plan"));
        below.put("history", List.of("schedule"));
        below.put("loop", List.of("plan", "schedule", "drift", "history"));
        below.put("review", List.of("plan", "history", "loop"));
        for (Map.Entry<String, List<String>> room : below.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : below.keySet()) {
                if (!other.equals(room.getKey()) && !room.getValue().contains(other)) {
                    forbidden.add("io.plumbline.engine." + other + "..");
                }
            }
            forbidden.add("io.plumbline.engine");
            noClasses().that().resideInAPackage("io.plumbline.engine." + room.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .check(main);
        }
        classes().that().resideInAPackage("io.plumbline.engine..")
                .should().resideInAnyPackage(below.keySet().stream().map(r -> "io.plumbline.engine." + r)
                        .toArray(String[]::new))
                .orShould().resideInAPackage("io.plumbline.engine")
                .check(main);
    }

    /** The floors of the table, and the engine's rooms, form no cycle (the model's records may nest both ways). */
    @Test
    void noCyclesBetweenFloorsOrRooms() {
        slices().matching("io.plumbline.(*)..").should().beFreeOfCycles().check(main);
        slices().matching("io.plumbline.engine.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyProvidersAndTheCompositionRootUseRender() {
        noClasses().that().resideOutsideOfPackages("io.plumbline.render..", "io.plumbline.provider..",
                        "io.plumbline.app..")
                .should().dependOnClassesThat().resideInAPackage("io.plumbline.render..")
                .check(main);
    }

    /**
     * A provider's words (its notes, its kinds, its field names) are its own: the engine reads what a change is from
     * the typed facts the provider sets on it, never by matching text. A class of the engine that reads a change's
     * note, an object's kind or a field's path (a call or a method reference) may not also match strings.
     */
    @Test
    void theEngineNeverMatchesAProvidersWords() {
        classes().that().resideInAPackage("io.plumbline.engine..")
                .should(new ArchCondition<JavaClass>("not match the text of a change's note, kind or field path") {
                    @Override
                    public void check(JavaClass engineClass, ConditionEvents events) {
                        Set<JavaAccess<?>> words = new java.util.HashSet<>();
                        Set<JavaAccess<?>> matching = new java.util.HashSet<>();
                        engineClass.getCodeUnits().forEach(unit -> {
                            unit.getMethodCallsFromSelf().forEach(call -> sort(call, words, matching));
                            unit.getMethodReferencesFromSelf().forEach(ref -> sort(ref, words, matching));
                        });
                        if (!words.isEmpty() && !matching.isEmpty()) {
                            events.add(SimpleConditionEvent.violated(engineClass, engineClass.getName() + " reads "
                                    + words.iterator().next().getDescription() + " and matches text: "
                                    + matching.iterator().next().getDescription()));
                        }
                    }
                })
                .check(main);
    }

    private static final Set<String> TEXT_MATCHING = Set.of("startsWith", "endsWith", "contains", "matches", "equals",
            "equalsIgnoreCase", "indexOf", "lastIndexOf", "regionMatches", "replaceAll", "replaceFirst", "split",
            "toLowerCase", "toUpperCase");

    private static void sort(JavaAccess<?> access, Set<JavaAccess<?>> words, Set<JavaAccess<?>> matching) {
        String owner = access.getTargetOwner().getName();
        String name = access.getName();
        if (owner.equals(Change.class.getName()) && name.equals("note")
                || owner.equals(ResourceKey.class.getName()) && name.equals("kind")
                || owner.equals(FieldChange.class.getName()) && name.equals("path")) {
            words.add(access);
        } else if (owner.equals(String.class.getName()) && TEXT_MATCHING.contains(name)
                || owner.startsWith("java.util.regex.")) {
            matching.add(access);
        }
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
