package io.instancerole.domain.describe;

import io.instancerole.domain.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code ?limit=} (1-100, default 50) and {@code ?marker=} from the previous
 * page's {@code nextMarker}. Lists are sorted by name (RAM's names compare ignoring case); the
 * marker names the last item of the previous page, so a page stays correct when items are added
 * or removed between two calls.
 */
public final class PageRequest {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    /** RAM's names ignore case; ties (only possible for case-sensitive ids) keep a stable order. */
    static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final int limit;
    private final String after;

    private PageRequest(int limit, String after) {
        this.limit = limit;
        this.after = after;
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    /** From the query parameters as sent; either may be null. */
    public static PageRequest of(String limit, String marker) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit(limit), marker == null ? null : decode(marker));
    }

    public int limit() {
        return limit;
    }

    /** The items after the marker, sorted by {@code key}, at most {@code limit} of them, and the marker of the next page. */
    <T> Page<T> cut(List<T> items, Function<T, String> key) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key, BY_NAME));
        List<T> page = new ArrayList<>();
        boolean more = false;
        for (T item : sorted) {
            if (after != null && BY_NAME.compare(key.apply(item), after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(item);
        }
        String next = more ? encode(key.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
    }

    private static int limit(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DomainException.invalidParameter("limit", "a whole number from 1 to " + MAX_LIMIT + " (got '"
                + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "')");
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (!key.isEmpty()) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw DomainException.invalidParameter("marker", "not a marker this API returned; send the previous page's"
                + " nextMarker as it was, or leave marker out to start from the first page");
    }

    /** The items of one page and the marker of the next (null on the last page). */
    static final class Page<T> {
        final List<T> items;
        final String nextMarker;

        Page(List<T> items, String nextMarker) {
            this.items = items;
            this.nextMarker = nextMarker;
        }

        <R> Page<R> map(Function<T, R> convert) {
            List<R> converted = new ArrayList<>(items.size());
            items.forEach(item -> converted.add(convert.apply(item)));
            return new Page<>(converted, nextMarker);
        }
    }
}
