package dev.paperboy.mail;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import java.util.function.Supplier;

/** Both bodies of a mail, rendered from one template name's .txt and .html variants. */
public record MailBodies(String text, String html) {

    public static MailBodies render(Supplier<TemplateInstance> template) {
        return new MailBodies(
                template.get().setVariant(Variant.forContentType(Variant.TEXT_PLAIN)).render(),
                template.get().setVariant(Variant.forContentType(Variant.TEXT_HTML)).render());
    }
}
