package io.firebreak.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class QueryRulesTest {

    private static void check(String root) {
        QueryRules.check(root, new ClassFileImporter().importPackages(root));
    }

    @Test
    void untypedNativeUpdatesAndHqlSelectsPass() {
        assertThatCode(() -> check("io.firebreak.testing.queries.good")).doesNotThrowAnyException();
    }

    @Test
    void aTypedNativeSelectIsNamedAsTheViolation() {
        assertThatThrownBy(() -> check("io.firebreak.testing.queries.bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.firebreak.testing.queries.bad.TypedNativeSelect.counts")
                .hasMessageContaining("createNativeQuery");
    }
}
