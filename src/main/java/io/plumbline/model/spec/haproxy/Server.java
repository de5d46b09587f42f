package io.plumbline.model.spec.haproxy;

/**
 * @param address {@code host:port}
 * @param state   {@code ready}, {@code drain} (no new sessions) or {@code maint} (out of the pool)
 */
public record Server(String name, String address, Integer weight, String state, Boolean check) {
    public Server {
        weight = weight == null ? 1 : weight;
        state = state == null ? "ready" : state;
        check = check == null || check;
    }
}
