package io.firebreak.testing;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps, checked on its compiled main classes: calls flow one way,
 * {@code api → domain → persistence}, with {@code messaging} at the edge beside {@code api} and
 * {@code model} (entities and the values they store) underneath all of them.
 *
 * <ul>
 *   <li>{@code api} and {@code messaging} are entry points: nothing in the service depends on them;</li>
 *   <li>{@code domain} is reached only from the entry points; it owns the rules and transactions and
 *       names what it needs from Kafka as interfaces that {@code messaging} implements;</li>
 *   <li>{@code persistence} (repositories, queries) is reached only from {@code domain} — a resource that
 *       reads a repository skips the object-level checks the domain makes;</li>
 *   <li>{@code model} depends on no other layer, so {@code domain} and {@code persistence} never import
 *       each other both ways;</li>
 *   <li>and no two layers depend on each other in a cycle (packages inside one layer may).</li>
 * </ul>
 */
public final class LayerRules {

    private LayerRules() {
    }

    /** Fails with every offending dependency when the classes under {@code rootPackage} break the layering. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        check(rootPackage, classes);
    }

    static void check(String rootPackage, JavaClasses classes) {
        if (classes.isEmpty()) {
            throw new AssertionError("no classes under " + rootPackage);
        }
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy(rootPackage + ".api..")
                .layer("messaging").definedBy(rootPackage + ".messaging..")
                .layer("domain").definedBy(rootPackage + ".domain..")
                .layer("persistence").definedBy(rootPackage + ".persistence..")
                .layer("model").definedBy(rootPackage + ".model..")
                .layer("config").definedBy(rootPackage + ".config..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "messaging")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("domain")
                .whereLayer("model").mayOnlyAccessLayers("config")
                .whereLayer("config").mayOnlyAccessLayers("model")
                .check(classes);
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }
}
