package io.firebreak.comms.domain.commentary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a public post references an incident: its key, its business service (as a whole word) or a configured
 * keyword (which references every active incident). Whether its author is flagged: staff outside the comms roles
 * (the incident's Communications Lead and the configured spokespeople speak for the organisation). Pure.
 */
public final class CommentaryRules {

    private CommentaryRules() {
    }

    /** What in {@code text} references the incident (empty: nothing). */
    public static List<String> references(String text, String incidentKey, String businessService, List<String> keywords) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (lower.contains(incidentKey.toLowerCase(Locale.ROOT))) {
            out.add(incidentKey);
        }
        if (word(businessService).matcher(lower).find()) {
            out.add(businessService);
        }
        for (String k : keywords) {
            if (!k.isBlank() && word(k.strip()).matcher(lower).find()) {
                out.add(k.strip());
            }
        }
        return out;
    }

    public static boolean flagged(boolean staff, String author, List<String> commsRoleHolders, List<String> spokespeople) {
        return staff && !commsRoleHolders.contains(author) && !spokespeople.contains(author);
    }

    private static Pattern word(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(phrase.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}_-])");
    }
}
