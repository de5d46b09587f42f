package io.plumbline.source;

/**
 * What reading a repository may cost: at most {@code maxFiles} files in one commit or folder, at most
 * {@code maxFileBytes} in one file (checked before it is read).
 */
public record FileLimits(int maxFiles, long maxFileBytes) {
    /** 10,000 files of at most 1 MiB each, the largest environment file the YAML reader accepts. */
    public static final FileLimits DEFAULT = new FileLimits(10_000, 1024 * 1024);

    public FileLimits {
        if (maxFiles < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("file limits must be positive: " + maxFiles + ", " + maxFileBytes);
        }
    }

    String tooMany() {
        return String.format("more than %,d files; raise the cap (plumbline.git.max-files) or split the repository",
                maxFiles);
    }

    String tooLarge(long size) {
        return String.format("the file is %,d bytes; the limit is %,d bytes", size, maxFileBytes);
    }
}
