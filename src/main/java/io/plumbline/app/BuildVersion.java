package io.plumbline.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this jar was built as (the project's version, written into {@code plumbline-build.properties}). */
public final class BuildVersion {
    private static final String VERSION = read();

    private BuildVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/plumbline-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("plumbline-build.properties is missing from the jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
