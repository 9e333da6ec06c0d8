package io.instancerole.domain.policy;

/** A string value of the document and the path it was found at. */
final class Located {
    final String value;
    final String path;

    Located(String value, String path) {
        this.value = value;
        this.path = path;
    }
}
