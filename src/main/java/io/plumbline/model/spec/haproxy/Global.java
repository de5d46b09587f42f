package io.plumbline.model.spec.haproxy;

/**
 * @param hardStopAfter how long workers replaced by a reload may keep serving their open connections (a
 *                      duration, default 30m): long-lived connections must not keep old workers alive forever
 */
public record Global(Integer maxconn, Integer nbthread, String hardStopAfter) {
    public Global {
        hardStopAfter = hardStopAfter == null ? "30m" : hardStopAfter;
    }
}
