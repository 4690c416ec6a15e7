package dev.paperboy.mail.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA private key from a PEM file in PKCS#8 ("BEGIN PRIVATE KEY"), as openssl genpkey writes it. */
final class PemPrivateKey {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemPrivateKey() {
    }

    static RSAPrivateKey read(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(pem.contains("BEGIN RSA PRIVATE KEY")
                    ? "the key is PKCS#1; convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem"
                    : "no '" + BEGIN + "' block (a PKCS#8 PEM file is expected)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("not an RSA private key in PKCS#8: " + e.getMessage(), e);
        }
    }
}
