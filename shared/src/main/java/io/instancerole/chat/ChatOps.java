package io.instancerole.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.service.ServiceResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bot: verifies the platform's signature before reading anything, finds the sender in the
 * directory, reads the command, and answers reads at once and changes as a plan (a dry run) with
 * a code that {@code apply} carries out. Every operation goes through {@link OperationRunner}
 * into the same domain services, guardrails and audit as the REST API. Thread-safe.
 */
public final class ChatOps {
    /** The API's own body limit. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final Duration REPLY_MEMORY = Duration.ofHours(1);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ChatOpsConfig config;
    private final RequestVerifier verifier;
    private final DomainServices services;
    private final ApplyCodes codes;
    private final Clock clock;
    private final CommandParser parser = new CommandParser();
    private final ExpiringCache<ObjectNode> replies = new ExpiringCache<>(2000);
    private final ExpiringCache<Plan> plans = new ExpiringCache<>(2000);

    public ChatOps(ChatOpsConfig config, DomainServices services, Clock clock) {
        this.config = config;
        this.verifier = new RequestVerifier(clock, new SeenSignatures(10_000));
        this.services = services;
        this.codes = config.applyKey().map(ApplyCodes::new).orElse(null);
        this.clock = clock;
    }

    /**
     * Answers one request of {@code platform}'s route. A route without a secret is {@code 404}; a
     * request that is not the platform's is {@code 401}; everything after that is a chat reply.
     *
     * @param header a request header by name, case-insensitively
     */
    public ChatAnswer handle(ChatPlatform platform, Function<String, Optional<String>> header, byte[] rawBody, OperationRunner runner) {
        String secret = config.secret(platform).orElseThrow(() -> new DomainException(ErrorCode.NotFound,
                "the " + platform.displayName() + " route is not enabled in this deployment"));
        verifier.verify(platform, secret, header, rawBody);
        Instant now = clock.instant();
        if (rawBody.length > MAX_BODY_BYTES) {
            return answer(platform, null, Replies.problem("Your message is too long", "It is " + rawBody.length
                    + " bytes; the limit is 64 KiB. Split long lists of instances into several commands (at most 1000 each)."), 413);
        }
        Optional<ChatMessage> read = ChatMessage.read(platform, rawBody);
        if (read.isEmpty()) {
            return answer(platform, null, Replies.problem("I could not read this message",
                    "I read " + (platform == ChatPlatform.DINGTALK ? "DingTalk text messages" : "Slack slash commands") + " only."), 400);
        }
        ChatMessage message = read.get();
        String redelivery = platform == ChatPlatform.DINGTALK && message.messageId() != null ? message.messageId() : null;
        if (redelivery != null) {
            Optional<ObjectNode> earlier = replies.get(redelivery, now);
            if (earlier.isPresent()) {
                return new ChatAnswer(earlier.get(), message.messageId(), 200);
            }
        }
        ChatAnswer answer = respond(message, runner, now);
        if (redelivery != null) {
            replies.put(redelivery, answer.message(), now.plus(REPLY_MEMORY), now);
        }
        return answer;
    }

    private ChatAnswer respond(ChatMessage message, OperationRunner runner, Instant now) {
        ChatPlatform platform = message.platform();
        Caller caller = config.directory().resolve(message);
        if (caller == null) {
            return answer(platform, message.messageId(), Replies.stranger(message), 401);
        }
        ChatCommand command;
        try {
            command = parser.parse(message.text(), caller.team());
        } catch (ChatInputException e) {
            return answer(platform, message.messageId(), Replies.inputError(e), 400);
        }
        switch (command.kind()) {
            case HELP:
                return answer(platform, message.messageId(), Replies.help(command.argument(), caller), 200);
            case WHOAMI:
                return answer(platform, message.messageId(), Replies.whoami(message, caller), 200);
            case READ:
                return run(message, caller, command, false, runner, now);
            case CHANGE:
                return run(message, caller, command, true, runner, now);
            default:
                return apply(message, caller, command, runner, now);
        }
    }

    /** Reads at once; a change as a dry run, answered with its code. */
    private ChatAnswer run(ChatMessage message, Caller caller, ChatCommand command, boolean plan, OperationRunner runner, Instant now) {
        ServiceResult result;
        try {
            result = runner.run(command.operation(), caller, plan, command.auditTarget(), ctx -> command.call().run(services, ctx));
        } catch (DomainException e) {
            return answer(message.platform(), message.messageId(), Replies.refused(command, e), e.code().httpStatus());
        }
        if (!plan) {
            return answer(message.platform(), message.messageId(), Replies.read(command, result), result.httpStatus());
        }
        if (!ResultText.changesAnything(result)) {
            return answer(message.platform(), message.messageId(), Replies.nothingToApply(command, result), result.httpStatus());
        }
        String subject = subject(message, caller);
        ApplyCodes.Issued issued = codes.issue(subject, command.normalized(), now);
        plans.put(issued.code(), new Plan(subject, command), issued.expires(), now);
        return answer(message.platform(), message.messageId(), Replies.plan(command, result, issued.code(),
                CLOCK_TIME.format(issued.expires())), result.httpStatus());
    }

    private ChatAnswer apply(ChatMessage message, Caller caller, ChatCommand apply, OperationRunner runner, Instant now) {
        String code = apply.argument();
        String subject = subject(message, caller);
        ChatCommand planned = apply.planned();
        if (planned == null) {
            Optional<Plan> remembered = plans.get(code, now);
            if (remembered.isPresent() && !remembered.get().subject.equals(subject)) {
                return answer(message.platform(), message.messageId(), Replies.codeProblem(code,
                        "This code belongs to someone else's plan: only the person who planned a change can apply it."
                                + " To make the change yourself, send the command and apply your own code."), 403);
            }
            if (remembered.isEmpty()) {
                return answer(message.platform(), message.messageId(), Replies.codeProblem(code, "I don't have a plan with this code"
                        + " at hand (plans are remembered for 10 minutes by the server that made them). Send the code followed by"
                        + " the command it planned, e.g. `apply " + code + " bind …`, or send the command again for a new plan."), 400);
            }
            planned = remembered.get().command;
        }
        switch (codes.check(code, subject, planned.normalized(), now)) {
            case EXPIRED:
                return answer(message.platform(), message.messageId(), Replies.codeProblem(code,
                        "This code has expired (codes work for 10 minutes). Send the command again for a new plan."), 400);
            case WRONG:
                return answer(message.platform(), message.messageId(), Replies.codeProblem(code, "This code does not fit this command"
                        + " from you: a code works only for the person who planned it and for the very command planned."), 403);
            default:
                break;
        }
        ServiceResult result;
        ChatCommand change = planned;
        try {
            result = runner.run(change.operation(), caller, false, change.auditTarget(), ctx -> change.call().run(services, ctx));
        } catch (DomainException e) {
            return answer(message.platform(), message.messageId(), Replies.refused(change, e), e.code().httpStatus());
        }
        return answer(message.platform(), message.messageId(), Replies.applied(change, result, caller), result.httpStatus());
    }

    private static String subject(ChatMessage message, Caller caller) {
        return ApplyCodes.subject(message.platform(), message.directoryKey(), caller);
    }

    private static ChatAnswer answer(ChatPlatform platform, String messageId, Reply reply, int outcomeStatus) {
        return new ChatAnswer(platform == ChatPlatform.DINGTALK ? reply.dingTalk() : reply.slack(), messageId, outcomeStatus);
    }

    /** A plan as remembered for {@code apply <code>}: who made it, and the command. */
    private static final class Plan {
        final String subject;
        final ChatCommand command;

        Plan(String subject, ChatCommand command) {
            this.subject = subject;
            this.command = command;
        }
    }
}
