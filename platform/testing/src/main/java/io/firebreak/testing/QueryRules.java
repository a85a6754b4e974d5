package io.firebreak.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * No select goes through Hibernate Reactive's native queries with a result type: each execution of one adds a plan to
 * Hibernate's bounded plan cache (Hibernate Reactive 3.2's native result mapping has no {@code equals}), which evicts
 * the HQL plans and makes that SQL's lookups walk every copy (docs/performance.md, "native select plans"). Selects in
 * SQL use {@code io.firebreak.platform.sql.SessionSql}; entities come from HQL or {@code session.find}.
 * {@code createNativeQuery(sql)} without a result type stays allowed for inserts, updates and deletes, whose plans are
 * found again.
 */
public final class QueryRules {

    /** {@code createNativeQuery(sql, resultType or mapping[, affected])} on a Mutiny session or stateless session. */
    private static final DescribedPredicate<JavaMethodCall> TYPED_NATIVE_QUERY = DescribedPredicate.describe(
            "createNativeQuery with a result type or mapping", call -> {
                var target = call.getTarget();
                var parameters = target.getRawParameterTypes();
                return target.getName().equals("createNativeQuery")
                        && target.getOwner().getName().startsWith("org.hibernate.reactive.mutiny.Mutiny$")
                        && parameters.size() >= 2
                        && !parameters.get(1).getName().equals("org.hibernate.reactive.common.AffectedEntities");
            });

    private QueryRules() {
    }

    /** Fails naming every call of a typed native query in the main classes under {@code rootPackage}. */
    public static void check(String rootPackage) {
        check(rootPackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage));
    }

    static void check(String rootPackage, JavaClasses classes) {
        if (classes.isEmpty()) {
            throw new AssertionError("no classes under " + rootPackage);
        }
        noClasses().should().callMethodWhere(TYPED_NATIVE_QUERY)
                .because("a typed native select never finds its plan again in Hibernate Reactive 3.2; use SessionSql")
                .check(classes);
    }
}
