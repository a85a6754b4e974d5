package io.firebreak.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactorTaxonomyTest {

    @Test
    void aFactorNamesACategoryAndOneOfItsSubcategories() {
        assertThat(FactorTaxonomy.refusal("TOOLING", "MONITORING_GAP")).isNull();
        assertThat(FactorTaxonomy.refusal("TOOLING", "CAPACITY")).startsWith("subcategory of TOOLING must be one of");
        assertThat(FactorTaxonomy.refusal("LUCK", null)).isEqualTo("category must be one of PROCESS, TOOLING, KNOWLEDGE, DESIGN");
    }
}
