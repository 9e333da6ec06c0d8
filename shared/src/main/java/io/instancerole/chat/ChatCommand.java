package io.instancerole.chat;

import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.ServiceResult;
import java.util.Map;

/** One parsed command: what kind, its normalized text, and for reads and changes the operation and how to run it. */
public final class ChatCommand {
    /** What the bot does with a command. */
    public enum Kind { HELP, WHOAMI, READ, CHANGE, APPLY }

    /** Runs the command's operation on the domain's services. */
    public interface Call {
        ServiceResult run(DomainServices services, RequestContext ctx);
    }

    private final Kind kind;
    private final String normalized;
    private final String summary;
    private final Operation operation;
    private final Map<String, Object> auditTarget;
    private final Call call;
    private final String argument;
    private final ChatCommand planned;

    private ChatCommand(Kind kind, String normalized, String summary, Operation operation, Map<String, Object> auditTarget, Call call,
            String argument, ChatCommand planned) {
        this.kind = kind;
        this.normalized = normalized;
        this.summary = summary;
        this.operation = operation;
        this.auditTarget = auditTarget;
        this.call = call;
        this.argument = argument;
        this.planned = planned;
    }

    static ChatCommand help(String topic) {
        return new ChatCommand(Kind.HELP, "help", "help", null, Map.of(), null, topic, null);
    }

    static ChatCommand whoami() {
        return new ChatCommand(Kind.WHOAMI, "whoami", "whoami", null, Map.of(), null, null, null);
    }

    static ChatCommand read(String normalized, String summary, Operation operation, Map<String, Object> auditTarget, Call call) {
        return new ChatCommand(Kind.READ, normalized, summary, operation, auditTarget, call, null, null);
    }

    static ChatCommand change(String normalized, String summary, Operation operation, Map<String, Object> auditTarget, Call call) {
        return new ChatCommand(Kind.CHANGE, normalized, summary, operation, auditTarget, call, null, null);
    }

    /** {@code planned}: the change typed after the code, or null when only the code was sent. */
    static ChatCommand apply(String code, ChatCommand planned) {
        return new ChatCommand(Kind.APPLY, "apply " + code, "apply " + code, null, Map.of(), null, code, planned);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The command as the apply code covers it: the command word and RAM names lower-cased (RAM
     * compares them so), single spaces, options in a fixed order; ids and descriptions as typed.
     */
    public String normalized() {
        return normalized;
    }

    /** What it does, in a few words, for a reply's title: {@code bind team-a-web to 2 instances}. */
    public String summary() {
        return summary;
    }

    public Operation operation() {
        return operation;
    }

    public Map<String, Object> auditTarget() {
        return auditTarget;
    }

    public Call call() {
        return call;
    }

    /** The help topic (may be null), or the apply code. */
    public String argument() {
        return argument;
    }

    /** For {@code apply <code> <command…>}: the change typed with the code. */
    public ChatCommand planned() {
        return planned;
    }
}
