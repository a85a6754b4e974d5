package io.firebreak.response.domain.oncall;

import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.Restriction;
import io.firebreak.response.model.oncall.RotationLength;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Schedule arithmetic: who is on call when, from layers, restrictions and overrides. Pure and
 * deterministic; every turn boundary is computed in the schedule's zone in wall-clock time and then
 * placed on the timeline (a local time skipped by a DST change moves forward by the gap, a repeated
 * one takes its first occurrence), so hand-offs stay at their local hour across DST changes.
 */
public final class Rotations {

    private Rotations() {
    }

    /** The shifts of one layer inside [from, to), restrictions applied. */
    public static List<Shift> layerShifts(Layer layer, ZoneId zone, Instant from, Instant to) {
        List<Shift> shifts = new ArrayList<>();
        Instant end = to;
        if (layer.end() != null && at(layer.end(), zone).isBefore(end)) {
            end = at(layer.end(), zone);
        }
        if (!end.isAfter(from)) {
            return shifts;
        }
        Interval range = new Interval(from, end);
        int n = layer.participants().size();
        long k = Math.max(0, firstTurnAtOrBefore(layer, LocalDateTime.ofInstant(range.start(), zone)));
        while (true) {
            Instant turnStart = at(turnStart(layer, k), zone);
            if (!turnStart.isBefore(range.end())) {
                break;
            }
            Instant turnEnd = at(turnStart(layer, k + 1), zone);
            Interval turn = turnEnd.isAfter(turnStart) ? new Interval(turnStart, turnEnd).intersect(range) : null;
            if (turn != null) {
                String person = layer.participants().get((int) (k % n));
                for (Interval part : restrict(turn, layer.restrictions(), zone)) {
                    shifts.add(new Shift(person, part.start(), part.end(), layer.name()));
                }
            }
            k++;
        }
        return shifts;
    }

    /**
     * The final schedule inside [from, to): per moment the last layer with someone on call, then the
     * overrides (a later one in the list wins over an earlier one), adjacent pieces of the same person and
     * source joined. Time with nobody on call has no shift.
     */
    public static List<Shift> finalSchedule(List<Layer> layers, ZoneId zone, List<ScheduleOverride> overrides, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        List<List<Shift>> perLayer = new ArrayList<>();
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        for (Layer layer : layers) {
            List<Shift> shifts = layerShifts(layer, zone, from, to);
            perLayer.add(shifts);
            for (Shift s : shifts) {
                cuts.add(s.start());
                cuts.add(s.end());
            }
        }
        for (ScheduleOverride o : overrides) {
            if (o.start().isAfter(from) && o.start().isBefore(to)) {
                cuts.add(o.start());
            }
            if (o.end().isAfter(from) && o.end().isBefore(to)) {
                cuts.add(o.end());
            }
        }
        List<Shift> result = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                Shift piece = pieceAt(perLayer, overrides, previous, cut);
                if (piece != null) {
                    append(result, piece);
                }
            }
            previous = cut;
        }
        return result;
    }

    /** Who is on call at one moment (null: nobody), with the shift they are in, clipped to that moment's piece. */
    public static Shift onCallAt(List<Layer> layers, ZoneId zone, List<ScheduleOverride> overrides, Instant at) {
        List<Shift> now = finalSchedule(layers, zone, overrides, at, at.plusMillis(1));
        return now.isEmpty() ? null : now.get(0);
    }

    /**
     * Who is on call at one moment, computed directly: per layer only the turn containing the moment and
     * the restriction windows around it (no range is built). Same answer as {@link #onCallAt}, which
     * {@code RotationsTest} checks on random schedules; the piece is the moment itself.
     */
    public static Shift holderAt(List<Layer> layers, ZoneId zone, List<ScheduleOverride> overrides, Instant at) {
        String person = null;
        String source = null;
        for (int i = layers.size() - 1; i >= 0 && person == null; i--) {
            Layer layer = layers.get(i);
            person = layerPersonAt(layer, zone, at);
            source = layer.name();
        }
        for (int i = overrides.size() - 1; i >= 0; i--) {
            ScheduleOverride o = overrides.get(i);
            if (o.interval().contains(at) && (o.replaces() == null || o.replaces().equals(person))) {
                person = o.person();
                source = "override " + o.id();
                break;
            }
        }
        return person == null ? null : new Shift(person, at, at.plusMillis(1), source);
    }

    static String layerPersonAt(Layer layer, ZoneId zone, Instant at) {
        if (layer.end() != null && !at.isBefore(at(layer.end(), zone))) {
            return null;
        }
        long k = Math.max(0, firstTurnAtOrBefore(layer, LocalDateTime.ofInstant(at, zone)));
        if (at.isBefore(at(turnStart(layer, k), zone))) {
            return null; // before the layer's first turn
        }
        while (!at(turnStart(layer, k + 1), zone).isAfter(at)) {
            k++;
        }
        if (!layer.restrictions().isEmpty() && !insideRestriction(layer.restrictions(), zone, at)) {
            return null;
        }
        return layer.participants().get((int) (k % layer.participants().size()));
    }

    private static boolean insideRestriction(List<Restriction> restrictions, ZoneId zone, Instant at) {
        LocalDate today = LocalDateTime.ofInstant(at, zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            for (Restriction r : restrictions) {
                if (!r.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant from = at(day.atTime(r.from()), zone);
                Instant to = at((r.wrapsMidnight() ? day.plusDays(1) : day).atTime(r.to()), zone);
                if (!at.isBefore(from) && at.isBefore(to)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Shift pieceAt(List<List<Shift>> perLayer, List<ScheduleOverride> overrides, Instant start, Instant end) {
        String person = null;
        String source = null;
        for (int i = perLayer.size() - 1; i >= 0 && person == null; i--) {
            for (Shift s : perLayer.get(i)) {
                if (!s.start().isAfter(start) && !s.end().isBefore(end)) {
                    person = s.person();
                    source = s.source();
                    break;
                }
            }
        }
        for (int i = overrides.size() - 1; i >= 0; i--) {
            ScheduleOverride o = overrides.get(i);
            if (!o.start().isAfter(start) && !o.end().isBefore(end) && (o.replaces() == null || o.replaces().equals(person))) {
                person = o.person();
                source = "override " + o.id();
                break;
            }
        }
        return person == null ? null : new Shift(person, start, end, source);
    }

    private static void append(List<Shift> result, Shift piece) {
        if (!result.isEmpty()) {
            Shift last = result.get(result.size() - 1);
            if (last.end().equals(piece.start()) && last.person().equals(piece.person()) && last.source().equals(piece.source())) {
                result.set(result.size() - 1, new Shift(last.person(), last.start(), piece.end(), last.source()));
                return;
            }
        }
        result.add(piece);
    }

    /** The parts of a turn inside the restriction windows (the whole turn when there are none). */
    static List<Interval> restrict(Interval turn, List<Restriction> restrictions, ZoneId zone) {
        if (restrictions.isEmpty()) {
            return List.of(turn);
        }
        List<Interval> windows = new ArrayList<>();
        LocalDate first = LocalDateTime.ofInstant(turn.start(), zone).toLocalDate().minusDays(1);
        LocalDate last = LocalDateTime.ofInstant(turn.end(), zone).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Restriction r : restrictions) {
                if (!r.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant ws = at(day.atTime(r.from()), zone);
                Instant we = at((r.wrapsMidnight() ? day.plusDays(1) : day).atTime(r.to()), zone);
                if (we.isAfter(ws)) {
                    Interval part = new Interval(ws, we).intersect(turn);
                    if (part != null) {
                        windows.add(part);
                    }
                }
            }
        }
        return Interval.union(windows);
    }

    private static long firstTurnAtOrBefore(Layer layer, LocalDateTime local) {
        RotationLength length = layer.length();
        ChronoUnit unit = length.unit() == RotationLength.Unit.DAYS ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        long units = unit.between(layer.start(), local);
        // One turn of slack: a skipped or repeated local hour can put the true turn one earlier.
        return Math.floorDiv(units, length.amount()) - 1;
    }

    private static LocalDateTime turnStart(Layer layer, long k) {
        RotationLength length = layer.length();
        long units = k * length.amount();
        return length.unit() == RotationLength.Unit.DAYS ? layer.start().plusDays(units) : layer.start().plusHours(units);
    }

    static Instant at(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /** Sorts shifts by start, for callers that combine several schedules. */
    public static final Comparator<Shift> BY_START = Comparator.comparing(Shift::start);
}
