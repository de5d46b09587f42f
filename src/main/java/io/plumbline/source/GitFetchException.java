package io.plumbline.source;

/** The remote could not be fetched; the last good commit stays in use. The message never holds a secret. */
public class GitFetchException extends Exception {
    public GitFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
