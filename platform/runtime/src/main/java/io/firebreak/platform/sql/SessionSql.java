package io.firebreak.platform.sql;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Runs one SQL statement on the connection, and so in the transaction, of a Hibernate Reactive session, without
 * Hibernate's native-query machinery.
 *
 * <p>Why not {@code session.createNativeQuery(...)} for selects: Hibernate Reactive 3.2 wraps every native query's
 * result mapping in a {@code ReactiveResultSetMapping} that has no {@code equals}, so a native select never finds its
 * plan again. Each execution added a plan to the bounded plan cache, all with the hash of their SQL, and every lookup
 * walked that bin (docs/performance.md, "native select plans"). Statements here skip the plan cache, the parameter
 * binding maps and the result mapping; the session is flushed first, as Hibernate's AUTO flush would for a native
 * query, so the statement sees what the transaction wrote through entities.
 *
 * <p>Parameters are named as in Hibernate ({@code :name}; {@code ::type} casts and quoted text are left alone) and
 * translated to PostgreSQL's {@code $n} once per SQL text. Values go to the Vert.x client as they are, except an
 * {@link Instant} (sent as a UTC {@link OffsetDateTime}) and an enum (its name). Rows come back with the Vert.x
 * client's types: {@code timestamptz} as {@link OffsetDateTime} (read with {@link SqlTimes#instant}), {@code uuid} as
 * {@link java.util.UUID}, {@code bigint} as {@link Long}, {@code integer} as {@link Integer}.
 */
public final class SessionSql {

    /** Translations of constant SQL texts; dynamic texts beyond this many are translated each time instead. */
    private static final int TRANSLATIONS_KEPT = 2_000;
    private static final Map<String, Translation> TRANSLATIONS = new ConcurrentHashMap<>();

    private final Mutiny.Session session;
    private final Translation translation;
    private final Object[] values;
    private final boolean[] bound;

    private SessionSql(Mutiny.Session session, Translation translation) {
        this.session = session;
        this.translation = translation;
        this.values = new Object[translation.names().size()];
        this.bound = new boolean[values.length];
    }

    public static SessionSql on(Mutiny.Session session, String sql) {
        return new SessionSql(session, translate(sql));
    }

    public SessionSql bind(String name, Object value) {
        Integer position = translation.positions().get(name);
        if (position == null) {
            throw new IllegalArgumentException("no parameter :" + name + " in " + translation.sql());
        }
        values[position] = toDriver(value);
        bound[position] = true;
        return this;
    }

    /** Every row, each as its column values in select order. */
    public Uni<List<Object[]>> rows() {
        return run(connection -> connection.select(translation.sql(), values.clone())).map(result -> {
            List<Object[]> rows = new ArrayList<>(result.size());
            result.forEachRemaining(rows::add);
            return rows;
        });
    }

    /** The first column of every row. */
    public Uni<List<Object>> column() {
        return rows().map(rows -> {
            List<Object> column = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                column.add(row[0]);
            }
            return column;
        });
    }

    /**
     * The entities whose ids the statement selects (its first column), in the statement's order, loaded by the session
     * ({@code find} by ids: no query plan at all). An id whose row is gone by then is left out.
     */
    public <T> Uni<List<T>> entities(Class<T> type) {
        return column().chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<T>of())
                : session.find(type, ids.toArray()).map(found -> found.stream().filter(java.util.Objects::nonNull).toList()));
    }

    /** The first row, if any. */
    public Uni<Optional<Object[]>> firstRow() {
        return rows().map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    /** The first column of the one row the statement must return (a count, a sequence value, a lock result). */
    public Uni<Object> value() {
        return rows().map(rows -> {
            if (rows.size() != 1) {
                throw new IllegalStateException("expected exactly one row, got " + rows.size() + ": " + translation.sql());
            }
            return rows.get(0)[0];
        });
    }

    /** The count of a {@code select count(*)} or any one-row integral value, as a long. */
    public Uni<Long> count() {
        return value().map(v -> ((Number) v).longValue());
    }

    /** An insert, update or delete; the number of rows it changed. */
    public Uni<Integer> update() {
        return run(connection -> connection.update(translation.sql(), values.clone()));
    }

    private <T> Uni<T> run(java.util.function.Function<ReactiveConnection, java.util.concurrent.CompletionStage<T>> statement) {
        for (int i = 0; i < bound.length; i++) {
            if (!bound[i]) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "parameter :" + translation.names().get(i) + " not bound in " + translation.sql()));
            }
        }
        Uni<Void> flushed = session.getFlushMode() == FlushMode.MANUAL ? Uni.createFrom().voidItem() : session.flush();
        return flushed.chain(() -> Uni.createFrom().completionStage(() -> statement.apply(connection())));
    }

    private ReactiveConnection connection() {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive Mutiny session: " + session.getClass().getName());
    }

    static Object toDriver(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    static Translation translate(String sql) {
        Translation known = TRANSLATIONS.get(sql);
        if (known != null) {
            return known;
        }
        Translation translation = Translation.of(sql);
        if (TRANSLATIONS.size() < TRANSLATIONS_KEPT) {
            TRANSLATIONS.putIfAbsent(sql, translation);
        }
        return translation;
    }

    /** SQL with {@code $n} markers, the parameter name each {@code n} stands for, and each name's index ({@code n - 1}). */
    record Translation(String sql, List<String> names, Map<String, Integer> positions) {

        Translation(String sql, List<String> names) {
            this(sql, names, positionsOf(names));
        }

        private static Map<String, Integer> positionsOf(List<String> names) {
            Map<String, Integer> positions = new HashMap<>(names.size() * 2);
            for (int i = 0; i < names.size(); i++) {
                positions.put(names.get(i), i);
            }
            return Map.copyOf(positions);
        }

        static Translation of(String named) {
            StringBuilder out = new StringBuilder(named.length());
            List<String> names = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int i = 0;
            int n = named.length();
            while (i < n) {
                char c = named.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = named.indexOf(c, i + 1);
                    end = end < 0 ? n : end + 1;
                    out.append(named, i, end);
                    i = end;
                } else if (c == ':' && i + 1 < n && named.charAt(i + 1) == ':') {
                    out.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < n && Character.isJavaIdentifierPart(named.charAt(end))) {
                        end++;
                    }
                    String name = named.substring(i + 1, end);
                    Integer index = seen.get(name);
                    if (index == null) {
                        names.add(name);
                        index = names.size() - 1;
                        seen.put(name, index);
                    }
                    out.append('$').append(index + 1);
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new Translation(out.toString(), List.copyOf(names));
        }
    }
}
