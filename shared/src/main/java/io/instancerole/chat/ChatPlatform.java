package io.instancerole.chat;

/** The chat platforms the bot answers, named as the audit line's {@code channel} and the routes spell them. */
public enum ChatPlatform {
    DINGTALK("dingtalk", "DingTalk"),
    SLACK("slack", "Slack");

    private final String wire;
    private final String displayName;

    ChatPlatform(String wire, String displayName) {
        this.wire = wire;
        this.displayName = displayName;
    }

    /** {@code dingtalk} or {@code slack}. */
    public String wire() {
        return wire;
    }

    public String displayName() {
        return displayName;
    }
}
