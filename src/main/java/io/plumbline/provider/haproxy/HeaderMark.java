package io.plumbline.provider.haproxy;

import io.plumbline.model.Marks;

/**
 * HAProxy's mark: the header line Plumbline writes, as a whole line (a first line that only begins with it is someone
 * else's). The configuration carries it as its first line; the server-state file after its version line, which
 * haproxy needs first.
 */
final class HeaderMark {
    private HeaderMark() {
    }

    static boolean onConfig(String text) {
        return onLine(text, 0);
    }

    static boolean onStateFile(String text) {
        return onLine(text, 1);
    }

    private static boolean onLine(String text, int index) {
        String[] lines = text.split("\n", index + 2);
        return lines.length > index && lines[index].equals(Marks.HAPROXY_HEADER);
    }
}
