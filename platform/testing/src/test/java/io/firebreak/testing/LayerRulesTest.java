package io.firebreak.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class LayerRulesTest {

    /** The fixtures are test classes, which the services' check leaves out; import them directly. */
    private static void check(String root) {
        LayerRules.check(root, new ClassFileImporter().importPackages(root));
    }

    @Test
    void aServiceLayeredApiDomainPersistenceModelPasses() {
        assertThatCode(() -> check("io.firebreak.testing.layers.good")).doesNotThrowAnyException();
    }

    @Test
    void aRepositoryThatUsesTheDomainIsNamedAsTheViolation() {
        assertThatThrownBy(() -> check("io.firebreak.testing.layers.bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.firebreak.testing.layers.bad.persistence.ThingRepository")
                .hasMessageContaining("io.firebreak.testing.layers.bad.domain.ThingService");
    }

    @Test
    void aPackageWithoutClassesIsAFailureNotAPass() {
        assertThatThrownBy(() -> check("io.firebreak.testing.layers.none"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no classes");
    }
}
