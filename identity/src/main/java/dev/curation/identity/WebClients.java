package dev.curation.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code curation.identity.web-clients} bound entry by entry. Spring binds a list from the one
 * property source that names any of its elements, whole: the launcher's
 * {@code --curation.identity.web-clients[0].redirect-uris[0]=...} alone on the command line made
 * the local stack's client one without a client id or secret. Bound at {@code web-clients[n]},
 * each setting of an entry comes from wherever it is given first, so that one replaces only the
 * setting it names (a list within an entry, such as its redirect URIs, still comes whole from one
 * source).
 */
final class WebClients {

    static final String PREFIX = "curation.identity.web-clients";

    private WebClients() {
    }

    static List<IdentityProperties.WebClient> bind(Environment environment) {
        Binder binder = Binder.get(environment);
        List<IdentityProperties.WebClient> clients = new ArrayList<>();
        for (int index = 0; ; index++) {
            BindResult<IdentityProperties.WebClient> client =
                    binder.bind(PREFIX + "[" + index + "]", Bindable.of(IdentityProperties.WebClient.class));
            if (!client.isBound()) {
                return clients;
            }
            clients.add(client.get());
        }
    }
}
