package io.firebreak.platform.sql;

import java.util.regex.Pattern;

/** Schema names come from configuration, never from requests; still, only plain identifiers pass. */
public final class SqlIdentifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SqlIdentifiers() {
    }

    public static String schema(String name) {
        if (name == null || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }
}
