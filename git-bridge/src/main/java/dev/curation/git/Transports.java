package dev.curation.git;

import java.net.URISyntaxException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/** Opens a JGit transport to a URL already checked by {@link RemoteUrls}, with the access's credentials and timeout, no tags. */
final class Transports {

    private Transports() {
    }

    static Transport open(Repository repository, String url, RemoteAccess access)
            throws NotSupportedException, TransportException {
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the URL was checked before: " + e.getMessage(), e);
        }
        Transport transport = Transport.open(repository, uri);
        transport.setTimeout(access.timeoutSeconds());
        transport.setTagOpt(TagOpt.NO_TAGS);
        CredentialsProvider credentials = access.credentialsProvider();
        if (credentials != null) {
            transport.setCredentialsProvider(credentials);
        }
        return transport;
    }
}
