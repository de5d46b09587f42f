package io.plumbline.source.webhook;

/**
 * A delivery that must not be acted upon. The message is meant for the sender and never holds a secret, a
 * signature or a piece of the payload; no stack trace is captured, as rejections are routine.
 */
public final class WebhookRejectedException extends Exception {
    /** Why, with the HTTP status the controller answers. */
    public enum Reason {
        MALFORMED(400), UNAUTHORIZED(401), REPLAYED(409), TOO_LARGE(413);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    WebhookRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public int httpStatus() {
        return reason.httpStatus();
    }
}
