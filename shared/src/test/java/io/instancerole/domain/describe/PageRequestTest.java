package io.instancerole.domain.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pages by name: RAM's names sort ignoring case, and a marker survives changes between two pages. */
class PageRequestTest {
    @Test
    void namesSortIgnoringCaseAndEveryItemComesOnceAcrossPages() {
        List<String> names = List.of("team-a-web", "Team-a-Batch", "team-a-api", "TEAM-A-Zed", "team-a-db");

        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            PageRequest.Page<String> page = PageRequest.of("2", marker).cut(names, Function.identity());
            seen.addAll(page.items);
            marker = page.nextMarker;
        } while (marker != null);

        assertEquals(List.of("team-a-api", "Team-a-Batch", "team-a-db", "team-a-web", "TEAM-A-Zed"), seen);
    }

    @Test
    void aMarkerStillWorksWhenItsItemWasDeletedMeanwhile() {
        PageRequest.Page<String> first = PageRequest.of("2", null).cut(List.of("a-1", "a-2", "a-3", "a-4"), Function.identity());

        PageRequest.Page<String> next = PageRequest.of("2", first.nextMarker).cut(List.of("a-1", "a-3", "a-4"), Function.identity());

        assertEquals(List.of("a-3", "a-4"), next.items, "the items after the last one shown, not a shifted offset");
        assertNull(next.nextMarker);
    }

    @Test
    void aFullLastPageHasNoNextMarker() {
        PageRequest.Page<String> page = PageRequest.of("2", null).cut(List.of("a-1", "a-2"), Function.identity());
        assertEquals(List.of("a-1", "a-2"), page.items);
        assertNull(page.nextMarker, "no empty page to fetch after it");
    }

    @Test
    void theDefaultPageIsFifty() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(String.format("a-%03d", i));
        }
        assertEquals(50, PageRequest.of(null, null).cut(many, Function.identity()).items.size());
        assertEquals(100, PageRequest.of("100", null).cut(many, Function.identity()).items.size());
    }
}
