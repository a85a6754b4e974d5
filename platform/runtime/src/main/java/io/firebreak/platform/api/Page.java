package io.firebreak.platform.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One page of a list, the shape every list endpoint answers: {@code next} is an opaque cursor to pass
 * back as {@code ?after=} for the following page, absent on the last page.
 */
@RegisterForReflection
public record Page<T>(List<T> items, String next) {

    /**
     * The page from up to {@code limit + 1} rows read in list order: the extra row only tells that a
     * next page exists, and the cursor names the last row shown.
     */
    public static <T> Page<T> of(List<T> readOneMore, int limit, java.util.function.Function<T, String> cursor) {
        if (readOneMore.size() <= limit) {
            return new Page<>(List.copyOf(readOneMore), null);
        }
        List<T> shown = List.copyOf(readOneMore.subList(0, limit));
        return new Page<>(shown, cursor.apply(shown.get(limit - 1)));
    }
}
