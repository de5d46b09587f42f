package io.plumbline.http;

import io.plumbline.app.ServiceRole;
import io.plumbline.source.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code plumbline.api.agent-tokens}: entries {@code host:token}, the host a proxy host's id as environments
 * name it. A token never appears in an error: entries are named by their place in the list.
 */
final class AgentTokens {
    static final String SETTING = "plumbline.api.agent-tokens";

    private AgentTokens() {
    }

    /** @throws IllegalArgumentException for an entry that is not {@code host:token}, or a host named twice */
    static Map<String, Secret> parse(List<String> entries) {
        Map<String, Secret> tokens = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String where = SETTING + " entry " + (i + 1);
            if (colon < 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(where + " is not 'host:token' (a proxy host's id, a colon, the "
                        + "token its agent presents)");
            }
            String host = entry.substring(0, colon);
            if (!ServiceRole.validHost(host)) {
                throw new IllegalArgumentException(where + ": " + ServiceRole.HOST_RULE);
            }
            if (tokens.put(host, new Secret(entry.substring(colon + 1))) != null) {
                throw new IllegalArgumentException(where + " names the host " + host + " a second time; each host "
                        + "has one token");
            }
        }
        return tokens;
    }
}
