package io.firebreak.platform.sql;

import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;

/** {@code numeric} column values as the query path hands them back (Hibernate: BigDecimal; the Vert.x client: Numeric). */
public final class SqlNumbers {

    private SqlNumbers() {
    }

    /** A {@code numeric} value as a BigDecimal; null stays null. */
    public static BigDecimal decimal(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Numeric n) {
            return n.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }
}
