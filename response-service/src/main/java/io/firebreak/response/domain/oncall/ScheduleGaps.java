package io.firebreak.response.domain.oncall;

import io.firebreak.response.model.oncall.ResponseRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finds unfilled time and shifts held without a valid qualification in a final schedule. */
public final class ScheduleGaps {

    private ScheduleGaps() {
    }

    public static List<Gap> find(List<Shift> finalSchedule, Interval range, ResponseRole role,
                                 Map<String, List<QualifiedPeriod>> qualifications) {
        List<Gap> gaps = new ArrayList<>();
        for (Interval unfilled : Interval.uncovered(range, finalSchedule.stream().map(Shift::interval).toList())) {
            gaps.add(new Gap(Gap.Kind.UNFILLED, unfilled.start(), unfilled.end(), null, "nobody is on call"));
        }
        if (role.qualificationRequired()) {
            for (Shift shift : finalSchedule) {
                List<Interval> valid = new ArrayList<>();
                for (QualifiedPeriod q : qualifications.getOrDefault(shift.person(), List.of())) {
                    if (q.role() == role) {
                        Interval part = q.within(shift.interval());
                        if (part != null) {
                            valid.add(part);
                        }
                    }
                }
                for (Interval bad : Interval.uncovered(shift.interval(), valid)) {
                    gaps.add(new Gap(Gap.Kind.UNQUALIFIED, bad.start(), bad.end(), shift.person(),
                            detail(shift.person(), role, bad.start(), qualifications)));
                }
            }
        }
        gaps.sort(Comparator.comparing(Gap::start));
        return gaps;
    }

    private static String detail(String person, ResponseRole role, Instant from, Map<String, List<QualifiedPeriod>> qualifications) {
        Instant lapsed = null;
        for (QualifiedPeriod q : qualifications.getOrDefault(person, List.of())) {
            if (q.role() == role && q.validUntil() != null && !q.validUntil().isAfter(from)
                    && (lapsed == null || q.validUntil().isAfter(lapsed))) {
                lapsed = q.validUntil();
            }
        }
        return lapsed != null
                ? person + "'s " + role + " qualification lapses at " + lapsed
                : person + " holds no valid " + role + " qualification";
    }
}
