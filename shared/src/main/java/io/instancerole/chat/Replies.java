package io.instancerole.chat;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.service.ServiceResult;

/** Every reply the bot gives, in words a person in the chat can act on. */
final class Replies {
    /** Room kept after a result's lines for the lines that follow them (the code, the hint). */
    private static final int TAIL = 400;

    private Replies() {}

    static Reply problem(String title, String text) {
        return Reply.builder(title, Reply.Audience.SENDER).line(text).build();
    }

    static Reply stranger(ChatMessage message) {
        ChatPlatform platform = message.platform();
        Reply.Builder reply = Reply.builder("I don't know you yet", Reply.Audience.SENDER);
        if (message.directoryKey() == null) {
            return reply.line(platform.displayName() + " did not say who sent this message (no "
                    + (platform == ChatPlatform.DINGTALK ? "senderStaffId: only members of the organization" : "user_id: only people of the workspace")
                    + " can use the bot). Nothing was done.").build();
        }
        reply.line("Nothing was done. To use the bot, ask your platform team to add you to the chatops directory, as "
                + platform.wire() + " user `" + message.directoryKey() + "` with your caller id and team:");
        reply.line("`\"" + platform.wire() + "\": {\"users\": {\"" + message.directoryKey() + "\": {\"callerId\": \"<you>\", \"team\": \"<your-team>\"}}}`");
        if (message.conversationId() != null) {
            reply.line("Or, for everyone in this " + (platform == ChatPlatform.DINGTALK ? "group" : "channel") + " to act for one team, add `"
                    + message.conversationId() + "` to `" + ChatDirectory.groupField(platform) + "`. Then send `help`.");
        }
        return reply.build();
    }

    static Reply inputError(ChatInputException e) {
        Reply.Builder reply = Reply.builder("Not understood, nothing was done", Reply.Audience.SENDER).line(e.getMessage());
        if (e.usage() != null) {
            reply.line("Write it as: `" + e.usage() + "`");
        }
        if (e.example() != null) {
            reply.line("For example: `" + e.example() + "`");
        }
        return reply.line("Send `help` for every command.").build();
    }

    static Reply help(String topic, Caller caller) {
        if (topic != null) {
            return CommandHelp.of(topic).map(entry -> {
                Reply.Builder reply = Reply.builder("help " + entry.word(), Reply.Audience.SENDER)
                        .line("`" + entry.usage() + "`: " + entry.purpose() + ".")
                        .line("For example: `" + entry.example(caller.team()) + "`");
                if (entry.changes()) {
                    reply.line("I answer with a plan (what would change, nothing done yet) and a code; send `apply <code>`"
                            + " within 10 minutes to carry it out.");
                }
                return reply.line(rules(caller)).build();
            }).orElseGet(() -> inputError(new ChatInputException("There is no command `" + CommandParser.shown(topic) + "`.",
                    CommandHelp.require("help").usage(), "help")));
        }
        Reply.Builder reply = Reply.builder("What I can do for team " + caller.team(), Reply.Audience.SENDER)
                .line("Write a command after the mention. Changes come back first as a plan with a code: nothing is done until"
                        + " you send `apply <code>` (within 10 minutes). Reads answer at once.");
        for (CommandHelp.Entry entry : CommandHelp.ENTRIES) {
            reply.line("- `" + entry.usage() + "`: " + entry.purpose() + ". E.g. `" + entry.example(caller.team()) + "`");
        }
        return reply.line(rules(caller)).line("Custom policies are made through the API or the portal. `help <command>` tells more.").build();
    }

    private static String rules(Caller caller) {
        return "As team " + caller.team() + " you act on roles named `" + caller.team() + "-…` and instances tagged with your team"
                + " (an admin team acts on all); the same rules as the API.";
    }

    static Reply whoami(ChatMessage message, Caller caller) {
        return Reply.builder("You are " + caller.id() + " of team " + caller.team(), Reply.Audience.SENDER)
                .line("I see you as " + message.platform().displayName() + " user `" + message.directoryKey() + "`"
                        + (message.conversationId() == null ? "" : " in `" + message.conversationId() + "`")
                        + "; the API sees caller `" + caller.id() + "`, team `" + caller.team() + "`.")
                .build();
    }

    static Reply read(ChatCommand command, ServiceResult result) {
        Reply.Builder reply = Reply.builder(capitalized(command.summary()), Reply.Audience.SENDER);
        ResultText.describe(result, false, reply, 0);
        return reply.build();
    }

    static Reply plan(ChatCommand command, ServiceResult result, String code, String until) {
        Reply.Builder reply = Reply.builder("Plan: " + command.summary(), Reply.Audience.SENDER)
                .line("A dry run: nothing has changed yet.");
        ResultText.describe(result, true, reply, TAIL);
        return reply.line("To carry it out, send **`apply " + code + "`** before " + until + ". Only you can apply this code.").build();
    }

    /** A plan that would change nothing: no code to apply. */
    static Reply nothingToApply(ChatCommand command, ServiceResult result) {
        Reply.Builder reply = Reply.builder("Nothing to apply: " + command.summary(), Reply.Audience.SENDER)
                .line("A dry run: it would change nothing, so there is no code.");
        ResultText.describe(result, true, reply, TAIL);
        return reply.line(result.httpStatus() == 207 ? "Fix what would fail, then send the command again." : "It is already so.").build();
    }

    static Reply applied(ChatCommand command, ServiceResult result, Caller caller) {
        boolean partial = result.httpStatus() == 207;
        Reply.Builder reply = Reply.builder((partial ? "Partly done: " : "Done: ") + command.summary(), Reply.Audience.CHANNEL)
                .line("Applied for " + caller.id() + " (team " + caller.team() + ").");
        ResultText.describe(result, false, reply, TAIL);
        if (partial) {
            reply.line("Sending the same command again retries the failed ones; what is done stays done.");
        }
        return reply.build();
    }

    static Reply refused(ChatCommand command, DomainException e) {
        Reply.Builder reply = Reply.builder("Not done: " + command.summary(), Reply.Audience.SENDER)
                .line("**" + e.code() + "**: " + e.getMessage());
        if (e.code() == ErrorCode.RoleNotFound) {
            reply.line("Create the role first: `role <roleName>`.");
        } else if (e.code().httpStatus() >= 500 || e.code() == ErrorCode.Throttled) {
            reply.line("The cloud did not answer as it should; nothing more was done. Try again in a minute.");
        }
        return reply.build();
    }

    static Reply codeProblem(String code, String text) {
        return Reply.builder("Not applied: `" + code + "`", Reply.Audience.SENDER).line(text).build();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
