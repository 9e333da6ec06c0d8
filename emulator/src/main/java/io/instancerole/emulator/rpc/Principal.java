package io.instancerole.emulator.rpc;

import io.instancerole.emulator.core.Arns;
import io.instancerole.emulator.state.Session;
import io.instancerole.emulator.state.User;

/** Who makes a call: the account's root key, a RAM user, or an STS session of a role. */
public final class Principal {
    public enum Kind { ROOT, USER, SESSION }

    private final Kind kind;
    private final String arn;
    private final User user;
    private final Session session;

    private Principal(Kind kind, String arn, User user, Session session) {
        this.kind = kind;
        this.arn = arn;
        this.user = user;
        this.session = session;
    }

    public static Principal root(String accountId) {
        return new Principal(Kind.ROOT, Arns.rootArn(accountId), null, null);
    }

    public static Principal user(String accountId, User user) {
        return new Principal(Kind.USER, Arns.userArn(accountId, user.name()), user, null);
    }

    public static Principal session(String accountId, Session session) {
        return new Principal(Kind.SESSION, Arns.assumedRoleArn(accountId, session.roleName(), session.sessionName()),
                null, session);
    }

    public Kind kind() { return kind; }
    public String arn() { return arn; }
    /** Only for {@link Kind#USER}. */
    public User user() { return user; }
    /** Only for {@link Kind#SESSION}. */
    public Session session() { return session; }
}
