package io.instancerole.chat;

import java.util.List;
import java.util.Optional;

/** Every command's form, what it does and an example, written once for {@code help} and for the replies to mistakes. */
public final class CommandHelp {
    /** One command as {@code help} shows it; {@code {team}} in an example becomes the reader's team. */
    public static final class Entry {
        private final String word;
        private final String usage;
        private final String purpose;
        private final String example;
        private final boolean changes;

        Entry(String word, String usage, String purpose, String example, boolean changes) {
            this.word = word;
            this.usage = usage;
            this.purpose = purpose;
            this.example = example;
            this.changes = changes;
        }

        public String word() {
            return word;
        }

        public String usage() {
            return usage;
        }

        public String purpose() {
            return purpose;
        }

        /** A working example for a member of {@code team}. */
        public String example(String team) {
            return example.replace("{team}", team);
        }

        /** True when the command plans a change (answered with a code to apply). */
        public boolean changes() {
            return changes;
        }
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("help", "help [command]", "the commands, or one command in detail", "help bind", false),
            new Entry("whoami", "whoami", "the caller and team the bot sees for you", "whoami", false),
            new Entry("show", "show <instanceId> [--region R]  |  show role <roleName>",
                    "the role bound to an instance, or a role with its policies", "show i-bp1abc", false),
            new Entry("role", "role <roleName> [description…]", "create a role that ECS instances can assume",
                    "role {team}-web web servers", true),
            new Entry("attach", "attach <roleName> <policyName> [--custom]",
                    "give a role an existing policy (a system policy unless --custom)", "attach {team}-web AliyunOSSReadOnlyAccess", true),
            new Entry("bind", "bind <roleName> <instanceId>… [--region R]", "bind a role to instances (up to 1000)",
                    "bind {team}-web i-bp1abc i-bp1def", true),
            new Entry("unbind", "unbind <instanceId>… [--role R] [--region R]",
                    "take the role off instances (only role R, with --role)", "unbind i-bp1abc --role {team}-web", true),
            new Entry("replace", "replace <roleName> <instanceId>… [--expect R] [--region R]",
                    "swap the role of instances (only where the current role is R, with --expect)",
                    "replace {team}-web-v2 i-bp1abc --expect {team}-web", true),
            new Entry("grant", "grant <userName> <roleName>…", "let a RAM user pass these roles to instances (and bind them)",
                    "grant deployer {team}-web", true),
            new Entry("revoke", "revoke <userName> <roleName>…", "take such a grant back", "revoke deployer {team}-web", true),
            new Entry("apply", "apply <code>", "carry out a planned change (same sender, within 10 minutes)", "apply 7KQ2MX", false));

    private CommandHelp() {}

    public static Optional<Entry> of(String word) {
        return ENTRIES.stream().filter(e -> e.word.equals(word)).findFirst();
    }

    static Entry require(String word) {
        return of(word).orElseThrow(() -> new IllegalArgumentException("no help for " + word));
    }
}
