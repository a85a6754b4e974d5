package io.firebreak.response.api.oncall;

import io.firebreak.response.domain.oncall.Gap;
import io.firebreak.response.domain.oncall.OnCallQueries;
import io.firebreak.response.domain.oncall.Shift;
import io.firebreak.response.model.oncall.BusinessServiceView;
import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.OverrideEntry;
import io.firebreak.response.model.oncall.Qualification;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.model.oncall.Team;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the on-call API answers. */
public final class OnCallViews {

    private OnCallViews() {
    }

    public record TeamView(String id, String name, String manager, List<String> members, int version, Instant updatedAt) {
        static TeamView of(Team t) {
            return new TeamView(t.id, t.name, t.manager, List.of(t.members), t.version, t.updatedAt);
        }
    }

    public record ServiceView(String name, String owningTeam, String onCallTeam, int tier, boolean customerFacing) {
        static ServiceView of(BusinessServiceView s) {
            return new ServiceView(s.name, s.owningTeam, s.onCallTeam, s.tier, s.customerFacing);
        }
    }

    public record QualificationView(UUID id, String person, ResponseRole role, LocalDate trainedOn, Instant validFrom, Instant validUntil,
                                    String evidence, String recordedBy, Instant recordedAt) {
        static QualificationView of(Qualification q) {
            return new QualificationView(q.id, q.person, q.role, q.trainedOn, q.validFrom, q.validUntil, q.evidence, q.recordedBy, q.recordedAt);
        }
    }

    public record ScheduleView(UUID id, String teamId, ResponseRole role, String name, String timeZone, List<Layer> layers,
                               List<String> succession, int version, String updatedBy, Instant updatedAt) {
        static ScheduleView of(Schedule s) {
            return new ScheduleView(s.id, s.teamId, s.role, s.name, s.timeZone, s.layers, List.of(s.succession), s.version,
                    s.updatedBy, s.updatedAt);
        }
    }

    public record OverrideView(UUID id, UUID scheduleId, String person, String replaces, Instant start, Instant end, String reason,
                               String createdBy, Instant createdAt) {
        static OverrideView of(OverrideEntry o) {
            return new OverrideView(o.id, o.scheduleId, o.person, o.replaces, o.startsAt, o.endsAt, o.reason, o.createdBy, o.createdAt);
        }
    }

    public record ShiftView(String person, Instant start, Instant end, String source) {
        static ShiftView of(Shift s) {
            return new ShiftView(s.person(), s.start(), s.end(), s.source());
        }
    }

    public record GapView(Gap.Kind kind, Instant start, Instant end, String person, String detail) {
        static GapView of(Gap g) {
            return new GapView(g.kind(), g.start(), g.end(), g.person(), g.detail());
        }
    }

    /** One role holder now: {@code person} null when nobody is on call for the schedule at that moment. */
    public record HolderView(UUID scheduleId, String scheduleName, String teamId, ResponseRole role, String person, String source,
                             List<String> succession) {
        static HolderView of(OnCallQueries.Holder h) {
            Shift s = h.shift();
            return new HolderView(h.schedule().id, h.schedule().name, h.schedule().teamId, h.schedule().role,
                    s == null ? null : s.person(), s == null ? null : s.source(), h.succession());
        }
    }

    public record OnCallView(Instant at, List<HolderView> holders) {
    }

    public record TeamRequest(String id, String name, String manager, List<String> members) {
    }
}
