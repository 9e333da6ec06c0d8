package io.instancerole.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.service.ServiceResult;

/**
 * The bot's HTTP answer: always 200 with the platform's message (the platform shows it), plus what
 * the audit line needs: the platform's message id and the status the request would have had over
 * REST (so a refusal in chat is audited as one).
 */
public final class ChatAnswer implements ServiceResult {
    private final ObjectNode message;
    private final String messageId;
    private final int outcomeStatus;

    ChatAnswer(ObjectNode message, String messageId, int outcomeStatus) {
        this.message = message;
        this.messageId = messageId;
        this.outcomeStatus = outcomeStatus;
    }

    /** The platform's message, as the HTTP body. */
    @JsonValue
    public ObjectNode message() {
        return message.deepCopy();
    }

    /** May be null when the platform sent none. */
    public String messageId() {
        return messageId;
    }

    /** What the REST API would have answered: 200 done, 207 partly, 4xx refused, for the audit line's outcome. */
    public int outcomeStatus() {
        return outcomeStatus;
    }

    @Override
    public int httpStatus() {
        return 200;
    }

    @Override
    public boolean dryRun() {
        return false;
    }
}
