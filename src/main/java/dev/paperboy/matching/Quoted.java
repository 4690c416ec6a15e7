package dev.paperboy.matching;

/** An interest as a reason names it: in curly quotes, or as typed when it already is one "quoted phrase". */
public final class Quoted {

    private Quoted() {
    }

    /** “graph neural networks”, but "mixture of experts" as typed rather than “"mixture of experts"”. */
    public static String interest(String interest) {
        boolean onePhrase = interest.length() > 2 && interest.charAt(0) == '"'
                && interest.indexOf('"', 1) == interest.length() - 1;
        return onePhrase ? interest : "“" + interest + "”";
    }
}
