package io.plumbline.provider.haproxy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.Resource;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.render.haproxy.HaproxyResources;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what HAProxy runs: the configuration file, and every server's live state through the runtime API
 * (which shows changes made by hand on the stats page or the socket). Three calls, whatever the size.
 */
final class HaproxyObserver {
    private final HaproxyHost host;

    HaproxyObserver(HaproxyHost host) {
        this.host = host;
    }

    List<Resource> observe(LoadedEnvironment env) {
        HaproxySpec spec = env.environment().spec().haproxy();
        host.master().showProc();
        List<Resource> actual = new ArrayList<>();
        String text = host.files().read();
        // The file is Plumbline's as a whole when it carries the header; so is every server it declares.
        boolean owned = text != null && text.startsWith(Marks.HAPROXY_HEADER);
        if (text != null) {
            actual.add(new Resource(HaproxyResources.configKey(spec), HaproxyResources.configBody(spec, text), owned));
        }
        for (LiveServer server : host.runtime().servers()) {
            actual.add(new Resource(HaproxyResources.serverKey(server.backend(), server.name()),
                    HaproxyResources.serverBody(server.state(), server.weight(), server.address()), owned));
        }
        return actual;
    }
}
