package io.firebreak.response.domain.oncall;

import io.firebreak.response.model.oncall.Restriction;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.RotationLength;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What callers send to create or change on-call configuration; checked by the domain, field by field. */
public final class Drafts {

    private Drafts() {
    }

    public record TeamDraft(String name, String manager, List<String> members) {
    }

    public record QualificationDraft(ResponseRole role, LocalDate trainedOn, Instant validFrom, Instant validUntil, String evidence) {
    }

    public record LayerDraft(String name, LocalDateTime start, LocalDateTime end, RotationLength length, List<String> participants,
                             List<Restriction> restrictions) {
    }

    public record ScheduleDraft(String name, ResponseRole role, String timeZone, List<LayerDraft> layers, List<String> succession) {
    }

    public record OverrideDraft(String person, String replaces, Instant start, Instant end, String reason) {
    }
}
