package io.instancerole.domain.policy;

/** Finding paths such as {@code Statement[0].Action[2]}; the empty path is the whole document. */
final class JsonPaths {
    private JsonPaths() {}

    static String field(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The enclosing path; "" for a top-level element. */
    static String parent(String path) {
        int cut = path.endsWith("]") ? path.lastIndexOf('[') : path.lastIndexOf('.');
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
