package io.firebreak.review.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blamelessness check on post-mortem text. Two documented rules, applied sentence by sentence:
 * <ul>
 *   <li>{@code BLAME_LANGUAGE}: words that judge people instead of describing systems ("careless", "negligent",
 *       "human error", "should have known", "failed to", "fault", "blame", …);</li>
 *   <li>{@code PERSON_AS_CAUSE}: a sentence naming someone who took part (their username, or a display name given)
 *       together with a causal phrase ("caused", "broke", "because of", "due to", "responsible for",
 *       "<name>'s mistake|error|fault|change", …).</li>
 * </ul>
 * Each flag carries the sentence and a suggestion; the author rephrases or dismisses it with a reason. Pure.
 */
public final class BlamelessRules {

    public static final String BLAME_LANGUAGE = "BLAME_LANGUAGE";
    public static final String PERSON_AS_CAUSE = "PERSON_AS_CAUSE";

    /** Judgement words and phrases; matched as whole words, case-insensitively. */
    static final List<String> BLAME_WORDS = List.of("blame", "blamed", "fault", "careless", "carelessly", "negligent", "negligence",
            "incompetent", "sloppy", "lazy", "reckless", "stupid", "human error", "should have known", "should have checked",
            "failed to", "forgot to", "didn't bother", "did not bother", "mistake by", "screwed up", "messed up");

    static final List<String> CAUSAL = List.of("caused", "causes", "broke", "breaks", "because of", "due to", "responsible for",
            "introduced", "triggered", "deleted", "misconfigured", "pushed a bad", "is to blame", "was to blame");

    /** A sentence ends at . ! or ? followed by white space or the end, or at a line break ("1.5.0" and "10:02" do not end one). */
    private static final Pattern SENTENCE = Pattern.compile("[^\\n]+?(?:[.!?]+(?=\\s|$)|(?=\\n)|$)");

    private BlamelessRules() {
    }

    /** One finding: the rule, the sentence and where it starts in the text, what matched, and how to say it instead. */
    public record Flag(String rule, String sentence, int offset, String matched, String suggestion) {
    }

    /** Flags in {@code text}; {@code people} are usernames and display names of everyone who took part. */
    public static List<Flag> check(String text, List<String> people) {
        List<Flag> flags = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return flags;
        }
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String sentence = m.group().strip();
            if (sentence.isEmpty()) {
                continue;
            }
            int offset = m.start() + (m.group().length() - m.group().stripLeading().length());
            String lower = sentence.toLowerCase(Locale.ROOT);
            String blame = firstWord(lower, BLAME_WORDS);
            if (blame != null) {
                flags.add(new Flag(BLAME_LANGUAGE, sentence, offset, blame,
                        "Describe what the system allowed and what the person saw at the time, not a judgement of them"));
            }
            String person = firstPerson(sentence, people);
            if (person != null) {
                String cause = firstWord(lower, CAUSAL);
                String possessive = possessiveFault(lower, person.toLowerCase(Locale.ROOT));
                if (cause != null || possessive != null) {
                    flags.add(new Flag(PERSON_AS_CAUSE, sentence, offset, person + " … " + (cause != null ? cause : possessive),
                            "Name the action, the condition and the missing safeguard (\"a deploy without a canary stage …\"), not the person"));
                }
            }
        }
        return flags;
    }

    private static String firstWord(String lower, List<String> words) {
        for (String w : words) {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])").matcher(lower).find()) {
                return w;
            }
        }
        return null;
    }

    private static String firstPerson(String sentence, List<String> people) {
        if (people == null) {
            return null;
        }
        String lower = sentence.toLowerCase(Locale.ROOT);
        for (String p : people) {
            if (p == null || p.isBlank() || p.length() < 2) {
                continue;
            }
            if (Pattern.compile("(?<![\\p{L}\\p{N}_.-])" + Pattern.quote(p.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}_-])").matcher(lower).find()) {
                return p;
            }
        }
        return null;
    }

    private static String possessiveFault(String lower, String person) {
        Matcher m = Pattern.compile(Pattern.quote(person) + "['’]s\\s+(mistake|error|fault|change|typo|bad deploy)").matcher(lower);
        return m.find() ? m.group(1) : null;
    }
}
