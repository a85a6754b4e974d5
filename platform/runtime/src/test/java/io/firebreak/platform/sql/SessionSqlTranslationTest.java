package io.firebreak.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSqlTranslationTest {

    @Test
    void namedParametersBecomeNumberedMarkersAndARepeatedNameKeepsItsNumber() {
        SessionSql.Translation t = SessionSql.Translation.of(
                "update d set fired_at = :now, ended_at = :now where id = cast(:id as uuid) and due <= :now");

        assertThat(t.sql()).isEqualTo("update d set fired_at = $1, ended_at = $1 where id = cast($2 as uuid) and due <= $1");
        assertThat(t.names()).containsExactly("now", "id");
        assertThat(t.positions()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("now", 0, "id", 1));
    }

    @Test
    void castsQuotedTextAndQuotedIdentifiersAreLeftAlone() {
        SessionSql.Translation t = SessionSql.Translation.of(
                "select content::text, ':not' || \"odd:name\" from a where b = :b and c = 'x::y :z'");

        assertThat(t.sql()).isEqualTo("select content::text, ':not' || \"odd:name\" from a where b = $1 and c = 'x::y :z'");
        assertThat(t.names()).containsExactly("b");
    }

    @Test
    void aStatementWithoutParametersIsUnchanged() {
        String sql = "select count(*) from platform_test.widget";

        assertThat(SessionSql.Translation.of(sql)).isEqualTo(new SessionSql.Translation(sql, List.of()));
    }

    @Test
    void instantsGoToTheDriverAsUtcOffsetTimesAndEnumsByName() {
        Instant at = Instant.parse("2026-03-29T01:30:00Z");

        assertThat(SessionSql.toDriver(at)).isEqualTo(OffsetDateTime.of(2026, 3, 29, 1, 30, 0, 0, ZoneOffset.UTC));
        assertThat(SessionSql.toDriver(java.time.DayOfWeek.MONDAY)).isEqualTo("MONDAY");
        assertThat(SessionSql.toDriver(42L)).isEqualTo(42L);
    }
}
