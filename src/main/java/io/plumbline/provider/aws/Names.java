package io.plumbline.provider.aws;

import java.util.Locale;

/** Spellings AWS returns in more than one form. */
public final class Names {
    private Names() {
    }

    /** A DNS name as Plumbline compares it: lower case, without the trailing dot or a {@code dualstack.} prefix. */
    public static String dns(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        return n.startsWith("dualstack.") ? n.substring("dualstack.".length()) : n;
    }
}
