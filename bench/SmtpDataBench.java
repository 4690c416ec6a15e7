package dev.paperboy.mail;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU of SmtpData per message (issue 8): 20,000 digest-sized messages a round (25 header lines in small writes, a
 * ~28 KB quoted-printable body of 76-byte lines at once, as MimeMessage.writeTo gives them) into a sink, the
 * thread's CPU time per message. Compare two versions of SmtpData.java in turn:
 *
 *   javac -d /tmp/sd src/main/java/dev/paperboy/mail/SmtpData.java bench/SmtpDataBench.java
 *   java -cp /tmp/sd dev.paperboy.mail.SmtpDataBench src/test/resources/mail-reference/digest-personal 3
 */
public class SmtpDataBench {

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0] + ".html")) + Files.readString(Path.of(args[0] + ".txt"));
        text = text.replace("\r", "").replace("\n", " ");
        StringBuilder body = new StringBuilder();
        for (int at = 0; body.length() < 28_000; at = (at + 75) % (text.length() - 75)) {
            body.append(text, at, at + 75).append("=\r\n");
        }
        byte[] bodyBytes = body.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[][] headers = new byte[25][];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = ("X-Header-" + i + ": the value of a header line").getBytes(StandardCharsets.US_ASCII);
        }
        byte[] crlf = {'\r', '\n'};
        OutputStream sink = OutputStream.nullOutputStream();
        SmtpData data = new SmtpData(sink);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < Integer.parseInt(args[1]); round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int m = 0; m < 20_000; m++) {
                data.start();
                for (byte[] header : headers) {
                    data.write(header);
                    data.write(crlf);
                }
                data.write(crlf);
                data.write(bodyBytes);
                data.finish();
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            System.out.printf("round %d: %.1f us of CPU a message (%d body bytes)%n", round, cpu / 20_000 / 1000.0,
                    bodyBytes.length);
        }
    }
}
