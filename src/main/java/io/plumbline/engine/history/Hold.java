package io.plumbline.engine.history;

/**
 * An environment held after a rollback on failed health: {@code commit} is not applied again by itself until a new
 * commit is desired (or an operator reconciles it on purpose and it succeeds).
 *
 * @param commit the commit rolled back from
 * @param reason what its status says, such as {@code rolled back to abc1234: kubernetes is degraded: ...}
 */
public record Hold(String commit, String reason) {
}
