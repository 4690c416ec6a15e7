package dev.paperboy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.system.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real servers every test runs against: a fresh embedded PostgreSQL (the same one Paperboy starts itself)
 * and GreenMail as the SMTP relay, reached through a {@link RelayProxy} that a test can cut without GreenMail
 * losing the mail of other tests. Tests get them through {@link InjectGreenMail} and {@link InjectRelay}, and read
 * their own rows through {@link Rows}.
 */
@QuarkusTestResource(TestServers.class)
public class TestServers implements QuarkusTestResourceLifecycleManager {

    static final Path DATA = Path.of("target/test-data");

    /**
     * Init argument: "false" leaves the SMTP relay unset, so Paperboy writes to its local outbox; "hang" makes the
     * relay a {@link HangingRelay}.
     */
    public static final String SMTP = "smtp";

    private EmbeddedDatabase database;
    private GreenMail greenMail;
    private RelayProxy relay;
    private HangingRelay hangingRelay;
    private String smtp = "greenmail";

    @Override
    public void init(Map<String, String> args) {
        smtp = args.getOrDefault(SMTP, "greenmail");
    }

    @Override
    public Map<String, String> start() {
        deleteRecursively(DATA);
        database = EmbeddedDatabase.start(DATA);
        // TestServers.stop() normally stops it; this keeps no server running past a test JVM that exits early
        Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "test-database-stop"));
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "paperboy.admin-token", AdminApi.TOKEN));
        Rows.use(database.jdbcUrl(), database.username(), database.password());
        config.putAll(DkimCheck.testSigning(DATA.resolve("dkim-private.pem")));
        if (smtp.equals("hang")) {
            hangingRelay = HangingRelay.start();
            config.put("paperboy.smtp.host", "127.0.0.1");
            config.put("paperboy.smtp.port", Integer.toString(hangingRelay.port()));
        } else if (!smtp.equals("false")) {
            greenMail = new GreenMail(new ServerSetup[]{
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
            greenMail.start();
            config.putAll(BounceMail.mailbox(greenMail));
            // Paperboy talks to the proxy, so a test can cut the relay without GreenMail dropping what it holds
            relay = new RelayProxy(freePort(), greenMail.getSmtp().getPort());
            relay.start();
            config.put("paperboy.smtp.host", "127.0.0.1");
            config.put("paperboy.smtp.port", Integer.toString(relay.port()));
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(greenMail, new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
        injector.injectIntoFields(relay, new TestInjector.AnnotatedAndMatchesType(InjectRelay.class, RelayProxy.class));
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.cut();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (hangingRelay != null) {
            hangingRelay.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
