package io.instancerole.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Arns;
import io.instancerole.emulator.core.Ids;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.Times;
import io.instancerole.emulator.rpc.Action;
import io.instancerole.emulator.rpc.Call;
import io.instancerole.emulator.state.Attachment;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.User;
import java.util.Map;

/** CreateUser, GetUser, DeleteUser, ListUsers. */
public final class UserActions {
    private static final int MAX_DISPLAY_NAME = 128;
    private static final int MAX_COMMENTS = 128;

    private UserActions() {}

    static Map<String, Action> all() {
        return Map.of(
                "CreateUser", UserActions::createUser,
                "GetUser", UserActions::getUser,
                "DeleteUser", UserActions::deleteUser,
                "ListUsers", UserActions::listUsers);
    }

    /** Creates a user as CreateUser does (also used by the control API); the name must be valid and new. */
    public static User create(CloudState state, String name, String displayName, String email, String mobilePhone,
                              String comments) {
        RamRules.userName(name);
        RamRules.maxLength("DisplayName", displayName, MAX_DISPLAY_NAME);
        RamRules.maxLength("Comments", comments, MAX_COMMENTS);
        if (state.user(name).isPresent()) {
            throw new ApiException(409, "EntityAlreadyExists.User", "The user does already EXIST: " + name + ".");
        }
        User user = new User(name, Ids.digits(16), displayName == null ? name : displayName, email, mobilePhone,
                comments, state.now());
        state.putUser(user);
        return user;
    }

    private static ObjectNode createUser(Call call) {
        String name = call.required("UserName");
        call.authorize("ram:CreateUser", Arns.userResource(call.accountId(), name));
        User user = create(call.state(), name, call.param("DisplayName"), call.param("Email"),
                call.param("MobilePhone"), call.param("Comments"));
        ObjectNode body = Json.object();
        writeUser(body.putObject("User"), user, false);
        return body;
    }

    private static ObjectNode getUser(Call call) {
        String name = call.required("UserName");
        call.authorize("ram:GetUser", Arns.userResource(call.accountId(), name));
        ObjectNode body = Json.object();
        writeUser(body.putObject("User"), existing(call, name), true);
        return body;
    }

    /** The user's AccessKeys go with it (there is no DeleteAccessKey action here to remove them first). */
    private static ObjectNode deleteUser(Call call) {
        String name = call.required("UserName");
        call.authorize("ram:DeleteUser", Arns.userResource(call.accountId(), name));
        User user = existing(call, name);
        AttachmentActions.requireNoPolicies(call, Attachment.USER, user.name());
        call.state().removeUser(user.name());
        return Json.object();
    }

    private static ObjectNode listUsers(Call call) {
        call.authorize("ram:ListUsers", Arns.userResource(call.accountId(), "*"));
        MarkerPage<User> page = MarkerPage.of(call.state().users(), call.param("Marker"), call.param("MaxItems"),
                User::name);
        return page.body("Users", "User", (json, user) -> writeUser(json, user, true));
    }

    static User existing(Call call, String name) {
        return call.state().user(name).orElseThrow(() -> new ApiException(404, "EntityNotExist.User",
                "The user not exists: " + name + "."));
    }

    private static void writeUser(ObjectNode json, User user, boolean withUpdateDate) {
        json.put("UserId", user.id());
        json.put("UserName", user.name());
        json.put("DisplayName", user.displayName());
        json.put("Email", user.email());
        json.put("MobilePhone", user.mobilePhone());
        json.put("Comments", user.comments());
        json.put("CreateDate", Times.iso(user.createDate()));
        if (withUpdateDate) {
            json.put("UpdateDate", Times.iso(user.createDate()));
        }
    }
}
