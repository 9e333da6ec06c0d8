package io.instancerole.policy;

/**
 * Whether a statement (or one of its parts) applies to a request: yes, no, or unknown with the
 * reason. Parts combine with three-valued AND, so a part that definitely does not apply settles
 * the statement even when another part cannot be evaluated, and nothing unknown ever becomes yes.
 */
final class Match {
    private static final Match YES = new Match(true, null);
    private static final Match NO = new Match(false, null);

    private final boolean applies;
    private final String unknownReason;

    private Match(boolean applies, String unknownReason) {
        this.applies = applies;
        this.unknownReason = unknownReason;
    }

    static Match of(boolean applies) {
        return applies ? YES : NO;
    }

    static Match unknown(String reason) {
        return new Match(false, reason);
    }

    boolean isYes() {
        return unknownReason == null && applies;
    }

    boolean isNo() {
        return unknownReason == null && !applies;
    }

    boolean isUnknown() {
        return unknownReason != null;
    }

    String unknownReason() {
        return unknownReason;
    }

    Match and(Match other) {
        if (isNo() || other.isNo()) {
            return NO;
        }
        return isUnknown() ? this : other;
    }
}
