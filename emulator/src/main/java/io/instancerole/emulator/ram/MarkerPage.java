package io.instancerole.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** RAM's Marker/MaxItems paging: the Marker names the first item of the next page. */
final class MarkerPage<T> {
    private static final int DEFAULT_MAX_ITEMS = 100;
    private static final int MAX_MAX_ITEMS = 1000;

    private final List<T> items;
    private final String nextMarker;

    private MarkerPage(List<T> items, String nextMarker) {
        this.items = items;
        this.nextMarker = nextMarker;
    }

    /** The List answer: {@code IsTruncated}, {@code Marker} when truncated, and {@code {listName: {itemName: [...]}}}. */
    ObjectNode body(String listName, String itemName, BiConsumer<ObjectNode, T> writeItem) {
        List<ObjectNode> written = items.stream().map(item -> {
            ObjectNode json = Json.object();
            writeItem.accept(json, item);
            return json;
        }).collect(Collectors.toList());
        ObjectNode body = Json.object();
        body.put("IsTruncated", nextMarker != null);
        if (nextMarker != null) {
            body.put("Marker", nextMarker);
        }
        body.set(listName, Json.wrappedList(itemName, written));
        return body;
    }

    static <T> MarkerPage<T> of(List<T> all, String marker, String maxItemsParam, Function<T, String> key) {
        int maxItems = maxItems(maxItemsParam);
        int start = 0;
        if (marker != null) {
            String first = decode(marker);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).equals(first)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                throw ApiException.invalidParameter("InvalidParameter.Marker",
                        "The parameter Marker is not one this service returned, or its item no longer exists.");
            }
        }
        int end = Math.min(all.size(), start + maxItems);
        String next = end < all.size() ? encode(key.apply(all.get(end))) : null;
        return new MarkerPage<>(all.subList(start, end), next);
    }

    private static int maxItems(String value) {
        if (value == null) {
            return DEFAULT_MAX_ITEMS;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_MAX_ITEMS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidParameter("InvalidParameter.MaxItems",
                "The parameter MaxItems must be a number from 1 to 1000: \"" + value + "\".");
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("InvalidParameter.Marker",
                    "The parameter Marker is not one this service returned.");
        }
    }
}
