package io.instancerole.chat;

/** A message the bot cannot act on: what was wrong, and how to write it (the usage and an example). */
public final class ChatInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String usage;
    private final String example;

    public ChatInputException(String problem, String usage, String example) {
        super(problem);
        this.usage = usage;
        this.example = example;
    }

    /** The right form, e.g. {@code bind <roleName> <instanceId>… [--region R]}; null when there is none to show. */
    public String usage() {
        return usage;
    }

    /** A command that would work; null when there is none to show. */
    public String example() {
        return example;
    }
}
