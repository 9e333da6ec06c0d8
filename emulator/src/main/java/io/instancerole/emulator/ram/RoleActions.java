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
import io.instancerole.emulator.state.Role;
import java.util.Map;

/** CreateRole, GetRole, UpdateRole, DeleteRole, ListRoles. */
final class RoleActions {
    private static final int MAX_DESCRIPTION = 1024;

    private RoleActions() {}

    static Map<String, Action> all() {
        return Map.of(
                "CreateRole", RoleActions::createRole,
                "GetRole", RoleActions::getRole,
                "UpdateRole", RoleActions::updateRole,
                "DeleteRole", RoleActions::deleteRole,
                "ListRoles", RoleActions::listRoles);
    }

    private static ObjectNode createRole(Call call) {
        String name = call.required("RoleName");
        RamRules.roleName(name);
        String document = call.required("AssumeRolePolicyDocument");
        String description = call.param("Description");
        RamRules.maxLength("Description", description, MAX_DESCRIPTION);
        long maxSession = RamRules.sessionDuration("MaxSessionDuration", call.param("MaxSessionDuration"),
                RamRules.MIN_SESSION_DURATION);
        Map<String, String> tags = TagActions.requestTags(call);
        call.authorize("ram:CreateRole", Arns.roleResource(call.accountId(), name));
        TagActions.authorizeTagsOnCreate(call, tags);
        RamRules.trustPolicy("AssumeRolePolicyDocument", document);

        CloudState state = call.state();
        if (state.role(name).isPresent()) {
            throw new ApiException(409, "EntityAlreadyExists.Role", "The role does already EXIST: " + name + ".");
        }
        if (state.roles().size() >= RamRules.MAX_ROLES) {
            throw new ApiException(409, "LimitExceeded.Role",
                    "The count of roles beyond the current limits: at most " + RamRules.MAX_ROLES + " roles.");
        }
        Role role = new Role(name, Ids.digits(19), Arns.roleArn(call.accountId(), name),
                description == null ? "" : description, TrustDocuments.normalize(document), maxSession, call.now(),
                call.now().plus(state.settings().propagationDelay()));
        role.tags().put(tags);
        state.putRole(role);
        ObjectNode body = Json.object();
        ObjectNode json = body.putObject("Role");
        writeRole(json, role, true);
        json.remove("UpdateDate");
        return body;
    }

    private static ObjectNode getRole(Call call) {
        String name = call.required("RoleName");
        call.authorize("ram:GetRole", Arns.roleResource(call.accountId(), name));
        ObjectNode body = Json.object();
        writeRole(body.putObject("Role"), existing(call, name), true);
        return body;
    }

    private static ObjectNode updateRole(Call call) {
        String name = call.required("RoleName");
        String newDocument = call.param("NewAssumeRolePolicyDocument");
        String newDescription = call.param("NewDescription");
        RamRules.maxLength("NewDescription", newDescription, MAX_DESCRIPTION);
        String newMaxSession = call.param("NewMaxSessionDuration");
        long parsedMaxSession = RamRules.sessionDuration("NewMaxSessionDuration", newMaxSession, 0);
        call.authorize("ram:UpdateRole", Arns.roleResource(call.accountId(), name));
        if (newDocument != null) {
            RamRules.trustPolicy("NewAssumeRolePolicyDocument", newDocument);
        }
        Role role = existing(call, name);
        role.update(newDescription == null ? role.description() : newDescription,
                newDocument == null ? role.trustDocument() : TrustDocuments.normalize(newDocument),
                newMaxSession == null ? role.maxSessionDuration() : parsedMaxSession, call.now());
        ObjectNode body = Json.object();
        writeRole(body.putObject("Role"), role, true);
        return body;
    }

    private static ObjectNode deleteRole(Call call) {
        String name = call.required("RoleName");
        call.authorize("ram:DeleteRole", Arns.roleResource(call.accountId(), name));
        Role role = existing(call, name);
        AttachmentActions.requireNoPolicies(call, Attachment.ROLE, role.name());
        call.state().removeRole(role.name());
        return Json.object();
    }

    private static ObjectNode listRoles(Call call) {
        call.authorize("ram:ListRoles", Arns.roleResource(call.accountId(), "*"));
        MarkerPage<Role> page = MarkerPage.of(call.state().roles(), call.param("Marker"), call.param("MaxItems"),
                Role::name);
        return page.body("Roles", "Role", (json, role) -> writeRole(json, role, false));
    }

    static Role existing(Call call, String name) {
        return call.state().role(name).orElseThrow(() -> new ApiException(404, "EntityNotExist.Role",
                "The role not exists: " + Arns.roleArn(call.accountId(), name)));
    }

    private static void writeRole(ObjectNode json, Role role, boolean withDocument) {
        json.put("RoleId", role.id());
        json.put("RoleName", role.name());
        json.put("Arn", role.arn());
        json.put("Description", role.description());
        if (withDocument) {
            json.put("AssumeRolePolicyDocument", role.trustDocument());
        }
        json.put("MaxSessionDuration", role.maxSessionDuration());
        json.put("CreateDate", Times.iso(role.createDate()));
        json.put("UpdateDate", Times.iso(role.updateDate()));
    }
}
