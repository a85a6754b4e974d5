package io.firebreak.classification.model.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** {@code dependent} depends on {@code dependency}. */
@Entity
@Table(name = "service_dependency")
@IdClass(ServiceDependency.Key.class)
public class ServiceDependency {

    @Id
    public String dependent;

    @Id
    public String dependency;

    @Enumerated(EnumType.STRING)
    public DependencyKind kind;

    /** Composite key. */
    public static class Key implements Serializable {
        public String dependent;
        public String dependency;

        public Key() {
        }

        public Key(String dependent, String dependency) {
            this.dependent = dependent;
            this.dependency = dependency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(dependent, k.dependent) && Objects.equals(dependency, k.dependency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dependent, dependency);
        }
    }
}
