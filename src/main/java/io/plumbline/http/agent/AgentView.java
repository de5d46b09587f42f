package io.plumbline.http.agent;

/**
 * One proxy host of an environment as the service shows it: the agent's latest result there and whether the agent
 * still reports. The API leaves out what is null.
 *
 * @param stale      whether the agent has not reported within {@code plumbline.agents.stale-after} (or never)
 * @param lastReport when the agent last reported (ISO-8601), or null when it never did since the service started
 * @param commit     the commit of the agent's latest reconcile of the environment, or null before the first
 * @param result     success, failure, invalid or refused; null before the first reconcile
 */
public record AgentView(String host, boolean stale, String lastReport, String commit, String result, String health,
                        String summary, String finished) {
}
