package io.plumbline.source;

import java.util.regex.Pattern;

/** Removes what a URL may carry besides its place: user info ({@code user:token@}) and query strings. */
public final class Redacted {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");
    private static final Pattern QUERY = Pattern.compile("(://[^\\s?#]*)[?#][^\\s'\"]*");

    private Redacted() {
    }

    /** {@code text} with the user info and query string of every URL in it removed. */
    public static String urls(String text) {
        if (text == null) {
            return "";
        }
        return QUERY.matcher(USER_INFO.matcher(text).replaceAll("")).replaceAll("$1");
    }
}
