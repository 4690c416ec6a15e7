package dev.paperboy.mail.dkim;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

import dev.paperboy.system.SettingsCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;

/**
 * DKIM-signs every outgoing mail when PAPERBOY_DKIM_DOMAIN, _SELECTOR and _PRIVATE_KEY are set; leaves it as it is
 * otherwise. Read at start, so a missing or unreadable key stops Paperboy with the reason instead of failing mails.
 */
@Startup
@ApplicationScoped
public class DkimSigning {

    private static final Logger LOG = Logger.getLogger(DkimSigning.class);

    /** Beyond the library's defaults (From, To, Subject, Date, Message-ID, List-Unsubscribe, List-Id ...). */
    static final List<String> EXTRA_SIGNED_HEADERS = List.of("List-Unsubscribe-Post", "Feedback-ID", "Auto-Submitted");

    private final Key key;

    @Inject
    DkimSigning(PaperboyConfig config) {
        this(key(config.dkim()));
    }

    private DkimSigning(Key key) {
        this.key = key;
    }

    /** A signer with this key (a PKCS#8 PEM file) outside the app, for tests and tools; all null: no signing. */
    public static DkimSigning of(String domain, String selector, Path privateKey) {
        return new DkimSigning(key(new Settings(domain, selector, privateKey == null ? null : privateKey.toString())));
    }

    public boolean enabled() {
        return key != null;
    }

    /** The message as it goes out: signed (its Message-ID kept) when DKIM is configured, else unchanged. */
    public MimeMessage sign(MimeMessage message) throws MessagingException {
        if (key == null) {
            return message;
        }
        // a signer holds digest state: one per message, so parallel senders never share one
        try {
            DkimSigner signer = new DkimSigner(key.domain, key.selector, key.privateKey);
            signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
            signer.setCheckDomainKey(false);
            EXTRA_SIGNED_HEADERS.forEach(signer::addHeaderToSign);
            return new SignedMessage(message, signer);
        } catch (DkimException e) {
            throw new MessagingException("cannot DKIM-sign: " + e.getMessage(), e);
        }
    }

    private static Key key(PaperboyConfig.Dkim dkim) {
        return key(new Settings(dkim.domain().orElse(null), dkim.selector().orElse(null), dkim.privateKey().orElse(null)));
    }

    private static Key key(Settings settings) {
        long set = java.util.stream.Stream.of(settings.domain, settings.selector, settings.privateKey)
                .filter(v -> v != null && !v.isBlank()).count();
        if (set == 0) {
            return null;
        }
        if (set < 3) {
            throw SettingsCheck.wrong("DKIM: set PAPERBOY_DKIM_DOMAIN, PAPERBOY_DKIM_SELECTOR and "
                    + "PAPERBOY_DKIM_PRIVATE_KEY together (or none of them)");
        }
        if (!settings.domain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+") || !settings.selector.matches("[A-Za-z0-9._-]+")) {
            throw SettingsCheck.wrong("DKIM: '" + settings.domain + "' / '" + settings.selector
                    + "' is not a domain / selector (letters, digits, dots and hyphens)");
        }
        try {
            RSAPrivateKey privateKey = PemPrivateKey.read(Path.of(settings.privateKey));
            LOG.infof("DKIM-signing every mail as d=%s s=%s (DNS record %s._domainkey.%s)", settings.domain,
                    settings.selector, settings.selector, settings.domain);
            return new Key(settings.domain, settings.selector, privateKey);
        } catch (java.nio.file.NoSuchFileException e) {
            throw SettingsCheck.wrong("PAPERBOY_DKIM_PRIVATE_KEY=" + settings.privateKey + ": no such file");
        } catch (IOException e) {
            throw SettingsCheck.wrong("PAPERBOY_DKIM_PRIVATE_KEY=" + settings.privateKey + ": " + e.getMessage());
        }
    }

    private record Settings(String domain, String selector, String privateKey) {
    }

    private record Key(String domain, String selector, RSAPrivateKey privateKey) {
    }
}
