package dev.curation.git;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.jspecify.annotations.Nullable;

/**
 * A git server for tests: the bare repositories under a base directory, served over plain HTTP
 * on 127.0.0.1 (a random port) by an embedded Tomcat, git's smart HTTP protocol (fetch and
 * push; the stateless form, protocol v0, which git and JGit clients fall back to), behind HTTP
 * Basic authentication with one user and password (wrong or missing credentials: 401).
 *
 * <p>JGit's {@code GitServlet} (artifact {@code org.eclipse.jgit.http.server}) is not served by
 * the registry this project builds from, so the protocol is spoken here with JGit's own
 * {@link UploadPack} and {@link ReceivePack}, as that servlet does. The receive side updates refs
 * under JGit's ref lock with the old id the client sent, so leases are enforced by the server.
 *
 * <p>Other modules' tests use it through git-bridge's test-jar (dependency with
 * {@code <type>test-jar</type>}, test scope) and must add {@code org.apache.tomcat.embed:tomcat-embed-core}
 * (test scope) themselves: test dependencies are not passed on. Clients need
 * {@link RemoteAccess#allowingPlainHttp()}.
 */
public final class TestGitServer implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("^/([A-Za-z0-9._-]+)/(info/refs|git-upload-pack|git-receive-pack)$");

    private final Path baseDir;
    private final Path tomcatDir;
    private final Tomcat tomcat;
    private final int port;
    private volatile @Nullable String refusal;

    private TestGitServer(Path baseDir, Path tomcatDir, Tomcat tomcat, int port, GitHttpServlet servlet) {
        this.baseDir = baseDir;
        this.tomcatDir = tomcatDir;
        this.tomcat = tomcat;
        this.port = port;
        servlet.server = this;
    }

    /** Serves the bare repositories directly under {@code baseDir} to {@code user} with {@code password}. */
    public static TestGitServer start(Path baseDir, String user, String password) {
        try {
            Files.createDirectories(baseDir);
            Path tomcatDir = Files.createTempDirectory("test-git-server-");
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(tomcatDir.toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", tomcatDir.toString());
            if (context instanceof StandardContext standard) {
                // nothing of ours to clean up after; without this Tomcat warns on every stop
                standard.setClearReferencesThreadLocals(false);
                standard.setClearReferencesRmiTargets(false);
            }
            GitHttpServlet servlet = new GitHttpServlet(user, password);
            Tomcat.addServlet(context, "git", servlet).addMapping("/git/*");
            tomcat.start();
            return new TestGitServer(baseDir, tomcatDir, tomcat, connector.getLocalPort(), servlet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException("the test git server did not start", e);
        }
    }

    /** The URL of the repository {@code baseDir/repoName} (e.g. {@code list.git}), without credentials. */
    public String url(String repoName) {
        return "http://127.0.0.1:" + port + "/git/" + repoName;
    }

    /** The URL with {@code user:password@} in it, for the git command line in tests (the bridge refuses such URLs). */
    public String urlWithCredentials(String repoName, String user, String password) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + port + "/git/" + repoName;
    }

    public int port() {
        return port;
    }

    /**
     * Makes the bare repository {@code baseDir/repoName} with one commit on {@code branch} holding
     * {@code path} with {@code content} (by "Origin Author", 2020-01-01), HEAD pointing at the
     * branch. Returns the commit id.
     */
    public String createRepository(String repoName, String branch, String path, byte[] content) {
        Path dir = createEmptyRepository(repoName, branch);
        try (Repository repository = open(dir)) {
            Signature origin = new Signature("Origin Author", "origin@example.org",
                    OffsetDateTime.parse("2020-01-01T12:00:00+01:00"));
            String commit = CommitWriter.write(repository, null, path, content, origin, origin, "Start the list\n");
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(ObjectId.fromString(commit));
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw new IllegalStateException("could not create " + branch + ": " + result);
            }
            return commit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes an empty bare repository {@code baseDir/repoName} whose HEAD names {@code branch}. */
    public Path createEmptyRepository(String repoName, String branch) {
        Path dir = baseDir.resolve(repoName);
        try (Git git = Git.init().setBare(true).setGitDir(dir.toFile()).setInitialBranch(branch).call()) {
            return git.getRepository().getDirectory().toPath();
        } catch (GitAPIException e) {
            throw new IllegalStateException("could not make " + dir, e);
        }
    }

    /** The branch's head in the served repository, read from disk (null when it has no such branch). */
    public @Nullable String head(String repoName, String branch) {
        try (Repository repository = open(baseDir.resolve(repoName))) {
            ObjectId id = repository.resolve(Constants.R_HEADS + branch);
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on every push is refused by the server (as a pre-receive hook would) with {@code message}; null to stop. */
    public void refusePushes(@Nullable String message) {
        this.refusal = message;
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("the test git server did not stop", e);
        } finally {
            delete(tomcatDir);
        }
    }

    private static Repository open(Path dir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, @Nullable IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test for
        }
    }

    /** Git's smart HTTP, stateless (each POST one request and its answer), behind Basic authentication. */
    private static final class GitHttpServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private final byte[] expectedAuthorization;
        private transient @Nullable TestGitServer server;

        GitHttpServlet(String user, String password) {
            this.expectedAuthorization = ("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(UTF_8))).getBytes(UTF_8);
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(UTF_8))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"test git server\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
            TestGitServer owner = server;
            if (!m.matches() || owner == null || !Files.isDirectory(owner.baseDir.resolve(m.group(1)))) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            try (Repository repository = open(owner.baseDir.resolve(m.group(1)))) {
                if (m.group(2).equals("info/refs") && request.getMethod().equals("GET")) {
                    advertise(repository, request.getParameter("service"), response);
                } else if (request.getMethod().equals("POST")) {
                    serve(repository, m.group(2), request, response, owner.refusal);
                } else {
                    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                }
            }
        }

        private static void advertise(Repository repository, @Nullable String service, HttpServletResponse response)
                throws IOException {
            if (!"git-upload-pack".equals(service) && !"git-receive-pack".equals(service)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "dumb HTTP is not served");
                return;
            }
            response.setContentType("application/x-" + service + "-advertisement");
            response.setHeader("Cache-Control", "no-cache");
            OutputStream out = response.getOutputStream();
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=" + service + "\n");
            packets.end();
            PacketLineOutRefAdvertiser advertiser = new PacketLineOutRefAdvertiser(packets);
            if (service.equals("git-upload-pack")) {
                UploadPack upload = new UploadPack(repository);
                upload.setBiDirectionalPipe(false);
                upload.sendAdvertisedRefs(advertiser);
            } else {
                ReceivePack receive = new ReceivePack(repository);
                receive.setBiDirectionalPipe(false);
                receive.sendAdvertisedRefs(advertiser);
            }
            out.flush();
        }

        private static void serve(Repository repository, String service, HttpServletRequest request,
                HttpServletResponse response, @Nullable String refusal) throws IOException {
            InputStream in = request.getInputStream();
            if ("gzip".equals(request.getHeader("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            response.setContentType("application/x-" + service + "-result");
            OutputStream out = response.getOutputStream();
            if (service.equals("git-upload-pack")) {
                UploadPack upload = new UploadPack(repository);
                upload.setBiDirectionalPipe(false);
                upload.upload(in, out, null);
            } else {
                ReceivePack receive = new ReceivePack(repository);
                receive.setBiDirectionalPipe(false);
                if (refusal != null) {
                    receive.setPreReceiveHook((rp, commands) -> {
                        for (ReceiveCommand command : commands) {
                            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, refusal);
                        }
                    });
                }
                receive.receive(in, out, null);
            }
            out.flush();
        }
    }
}
