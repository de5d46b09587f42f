package io.plumbline.load;

/** JSON pointer segments (RFC 6901). */
final class Pointers {
    private Pointers() {
    }

    static String child(String parent, String segment) {
        return parent + "/" + segment.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
