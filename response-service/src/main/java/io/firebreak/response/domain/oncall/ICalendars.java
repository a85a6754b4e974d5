package io.firebreak.response.domain.oncall;

import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Shifts as an RFC 5545 calendar, written by ical4j: times in UTC, one event per shift, stable UIDs. */
public final class ICalendars {

    private ICalendars() {
    }

    /** One event: what to call it, when, and a UID that stays the same while the shift does. */
    public record Event(String uid, Instant start, Instant end, String summary, String description) {
    }

    public static String write(String name, List<Event> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Firebreak//On-call " + name + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        for (Event e : events) {
            VEvent event = new VEvent(e.start(), e.end(), e.summary());
            event.add(new Uid(e.uid()));
            if (e.description() != null) {
                event.add(new Description(e.description()));
            }
            calendar.add(event);
        }
        return calendar.toString();
    }
}
