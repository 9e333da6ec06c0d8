package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToRole;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.detachPolicyFromRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleResponse;
import com.aliyuncs.ram.model.v20150501.DeleteRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import com.aliyuncs.ram.model.v20150501.UpdateRoleRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TrustPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RamRoleSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final String CHINESE = "应用服务器的实例角色 – 读取 OSS “日志” é";

    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void createsAndReadsARoleWithNonAsciiText() throws Exception {
        CreateRoleRequest create = createRole("EcsAppRole", TrustPolicies.ecs());
        create.setDescription(CHINESE);
        create.setMaxSessionDuration(7200L);

        CreateRoleResponse.Role created = EMULATOR.send(root, create).getRole();
        GetRoleResponse.Role read = EMULATOR.send(root, getRole("ecsapprole")).getRole();

        assertEquals("EcsAppRole", created.getRoleName());
        assertEquals(CHINESE, created.getDescription());
        assertEquals(7200L, created.getMaxSessionDuration());
        assertTrue(created.getRoleId().matches("\\d{19}"), created.getRoleId());
        assertTrue(created.getCreateDate().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), created.getCreateDate());
        // chosen here: ARNs lower-case the role name
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":role/ecsapprole", created.getArn());
        assertEquals(created.getRoleId(), read.getRoleId());
        assertEquals(CHINESE, read.getDescription());
        assertNotNull(read.getUpdateDate());
        assertEquals(new ObjectMapper().readTree(TrustPolicies.ecs()),
                new ObjectMapper().readTree(read.getAssumeRolePolicyDocument()));
    }

    @Test
    void trustDocumentsAreStoredNormalised() throws Exception {
        String loose = "{ \"Version\": \"1\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\","
                + " \"Principal\": { \"Service\": \"ecs.aliyuncs.com\" } } ] }";

        String stored = EMULATOR.send(root, createRole("loose", loose)).getRole().getAssumeRolePolicyDocument();

        assertEquals("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}],\"Version\":\"1\"}", stored);
    }

    @Test
    void updatesARole() throws Exception {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        UpdateRoleRequest update = new UpdateRoleRequest();
        update.setRoleName("app");
        update.setNewDescription("新的描述");
        update.setNewMaxSessionDuration(43200L);
        update.setNewAssumeRolePolicyDocument(TrustPolicies.account(EMULATOR.accountId()));

        UpdateRoleResponse.Role updated = EMULATOR.send(root, update).getRole();

        assertEquals("新的描述", updated.getDescription());
        assertEquals(43200L, updated.getMaxSessionDuration());
        assertTrue(updated.getAssumeRolePolicyDocument().contains("\"RAM\":[\"acs:ram::" + EMULATOR.accountId() + ":root\"]"));
        assertEquals("新的描述", EMULATOR.send(root, getRole("app")).getRole().getDescription());
    }

    @Test
    void listsSeveralRolesAcrossPages() throws Exception {
        List<String> names = List.of("role-a", "role-b", "role-c", "role-d", "role-e");
        for (String name : names) {
            CreateRoleRequest create = createRole(name, TrustPolicies.ecs());
            create.setDescription("角色 " + name);
            EMULATOR.send(root, create);
        }

        List<ListRolesResponse.Role> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListRolesRequest list = new ListRolesRequest();
            list.setMaxItems(2);
            list.setMarker(marker);
            ListRolesResponse page = EMULATOR.send(root, list);
            seen.addAll(page.getRoles());
            marker = page.getIsTruncated() ? page.getMarker() : null;
            pages++;
        } while (marker != null);

        assertEquals(3, pages);
        assertEquals(names, seen.stream().map(ListRolesResponse.Role::getRoleName).collect(Collectors.toList()));
        assertEquals("角色 role-c", seen.get(2).getDescription());
        assertTrue(seen.get(0).getArn().endsWith(":role/role-a"));
    }

    @Test
    void lastPageIsNotTruncated() throws Exception {
        EMULATOR.send(root, createRole("only", TrustPolicies.ecs()));

        ListRolesResponse page = EMULATOR.send(root, new ListRolesRequest());

        assertFalse(page.getIsTruncated());
        assertNull(page.getMarker());
        assertEquals(1, page.getRoles().size());
    }

    @Test
    void secondRoleOfTheSameNameInAnyCaseAlreadyExists() throws Exception {
        EMULATOR.send(root, createRole("Dup", TrustPolicies.ecs()));

        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(root, createRole("dup", TrustPolicies.ecs())));

        assertEquals("EntityAlreadyExists.Role", e.getErrCode());
    }

    @Test
    void missingRoleDoesNotExist() {
        ClientException get = assertThrows(ClientException.class, () -> EMULATOR.send(root, getRole("ghost")));
        DeleteRoleRequest delete = new DeleteRoleRequest();
        delete.setRoleName("ghost");
        ClientException del = assertThrows(ClientException.class, () -> EMULATOR.send(root, delete));

        assertEquals("EntityNotExist.Role", get.getErrCode());
        assertTrue(get.getErrMsg().contains("acs:ram::" + EMULATOR.accountId() + ":role/ghost"), get.getErrMsg());
        assertEquals("EntityNotExist.Role", del.getErrCode());
    }

    @Test
    void deletesARoleOnlyWithoutAttachedPolicies() throws Exception {
        EMULATOR.send(root, createRole("busy", TrustPolicies.ecs()));
        EMULATOR.send(root, attachPolicyToRole("System", "AliyunOSSReadOnlyAccess", "busy"));
        DeleteRoleRequest delete = new DeleteRoleRequest();
        delete.setRoleName("busy");

        ClientException e = assertThrows(ClientException.class, () -> EMULATOR.send(root, delete));
        EMULATOR.send(root, detachPolicyFromRole("System", "AliyunOSSReadOnlyAccess", "busy"));
        EMULATOR.send(root, delete);

        assertEquals("DeleteConflict.Role.Policy", e.getErrCode());
        assertEquals("EntityNotExist.Role",
                assertThrows(ClientException.class, () -> EMULATOR.send(root, getRole("busy"))).getErrCode());
    }

    @Test
    void refusesBadNamesAndValues() {
        assertEquals("InvalidParameter.RoleName.InvalidChars", code(createRole("has space", TrustPolicies.ecs())));
        assertEquals("InvalidParameter.RoleName.Length", code(createRole("r".repeat(65), TrustPolicies.ecs())));
        CreateRoleRequest longDescription = createRole("ok", TrustPolicies.ecs());
        longDescription.setDescription("d".repeat(1025));
        assertEquals("InvalidParameter.Description.Length", code(longDescription));
        CreateRoleRequest shortSession = createRole("ok", TrustPolicies.ecs());
        shortSession.setMaxSessionDuration(3599L);
        assertEquals("InvalidParameter.MaxSessionDuration", code(shortSession));
        assertEquals("InvalidParameter.AssumeRolePolicyDocument.Length",
                code(createRole("ok", TrustPolicies.ecs().replace("}],", "," + "\"Sid\":\"" + "x".repeat(6200) + "\"}],"))));
        CreateRoleRequest noDocument = new CreateRoleRequest();
        noDocument.setRoleName("ok");
        assertEquals("MissingParameter", code(noDocument));
    }

    @Test
    void trustPolicyIsCheckedForSyntax() {
        String wrongVersion = TrustPolicies.ecs().replace("\"Version\":\"1\"", "\"Version\":\"2016-10-17\"");
        String noPrincipal = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\"}],\"Version\":\"1\"}";

        assertEquals("MalformedPolicyDocument", code(createRole("bad1", wrongVersion)));
        assertEquals("MalformedPolicyDocument", code(createRole("bad2", noPrincipal)));
        assertEquals("MalformedPolicyDocument", code(createRole("bad3", "not json")));
    }

    private String code(com.aliyuncs.AcsRequest<?> request) {
        return EMULATOR.failure(root, request).getErrCode();
    }

    private static GetRoleRequest getRole(String name) {
        GetRoleRequest request = new GetRoleRequest();
        request.setRoleName(name);
        return request;
    }
}
