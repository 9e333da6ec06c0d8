package io.instancerole.domain.model;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.util.Objects;
import java.util.regex.Pattern;

/** Who asked: the ids API Gateway's authentication put in X-Caller-Id and X-Caller-Team. */
public final class Caller {
    private static final Pattern TEAM = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final String id;
    private final String team;

    private Caller(String id, String team) {
        this.id = id;
        this.team = team;
    }

    /** Missing or malformed identity is 401: the gateway in front of us did not authenticate the call. */
    public static Caller of(String id, String team) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new DomainException(ErrorCode.Unauthenticated, "X-Caller-Id is missing or malformed: the API gateway must authenticate the caller");
        }
        if (team == null || !TEAM.matcher(team).matches()) {
            throw new DomainException(ErrorCode.Unauthenticated, "X-Caller-Team is missing or malformed: it must be a team slug of 1-32 characters [a-z0-9-]");
        }
        return new Caller(id, team);
    }

    public String id() {
        return id;
    }

    public String team() {
        return team;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caller && id.equals(((Caller) o).id) && team.equals(((Caller) o).team);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, team);
    }

    @Override
    public String toString() {
        return id + "@" + team;
    }
}
