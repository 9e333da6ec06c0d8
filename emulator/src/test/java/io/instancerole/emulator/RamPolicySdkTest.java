package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToRole;
import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToUser;
import static io.instancerole.emulator.testing.SdkRequests.createPolicy;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.detachPolicyFromRole;
import static io.instancerole.emulator.testing.SdkRequests.detachPolicyFromUser;
import static io.instancerole.emulator.testing.SdkRequests.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromRoleRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromUserRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyResponse;
import com.aliyuncs.ram.model.v20150501.GetPolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesResponse;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsRequest;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsResponse;
import com.aliyuncs.ram.model.v20150501.SetDefaultPolicyVersionRequest;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TrustPolicies;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RamPolicySdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final String READ_OSS = policy("Allow", "oss:Get*", "acs:oss:*:*:bucket-日志/*");

    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void createsAndReadsACustomPolicy() throws Exception {
        CreatePolicyRequest create = createPolicy("read-logs", READ_OSS);
        create.setDescription("读取日志");

        CreatePolicyResponse.Policy created = EMULATOR.send(root, create).getPolicy();
        GetPolicyResponse read = EMULATOR.send(root, getPolicy("Custom", "read-logs"));

        assertEquals("Custom", created.getPolicyType());
        assertEquals("v1", created.getDefaultVersion());
        assertEquals("读取日志", read.getPolicy().getDescription());
        assertEquals(READ_OSS, read.getPolicy().getPolicyDocument());
        assertEquals(0, read.getPolicy().getAttachmentCount());
        assertEquals("v1", read.getDefaultPolicyVersion().getVersionId());
        assertTrue(read.getDefaultPolicyVersion().getIsDefaultVersion());
        assertEquals(READ_OSS, read.getDefaultPolicyVersion().getPolicyDocument());
    }

    @Test
    void systemPoliciesExistWithTheirMeaning() throws Exception {
        GetPolicyResponse.Policy admin = EMULATOR.send(root, getPolicy("System", "AdministratorAccess")).getPolicy();
        ListPoliciesRequest listSystem = new ListPoliciesRequest();
        listSystem.setPolicyType("System");
        List<String> names = EMULATOR.send(root, listSystem).getPolicies().stream()
                .map(ListPoliciesResponse.Policy::getPolicyName).collect(Collectors.toList());

        assertTrue(admin.getPolicyDocument().contains("\"Action\":\"*\""), admin.getPolicyDocument());
        assertEquals("管理所有阿里云资源的权限", admin.getDescription());
        assertTrue(names.containsAll(List.of("AdministratorAccess", "AliyunECSFullAccess", "AliyunECSReadOnlyAccess",
                "AliyunOSSFullAccess", "AliyunOSSReadOnlyAccess", "AliyunRAMFullAccess", "AliyunSTSAssumeRoleAccess")),
                names.toString());
    }

    @Test
    void listsPoliciesOfBothTypesAcrossPages() throws Exception {
        EMULATOR.send(root, createPolicy("mine-1", READ_OSS));
        EMULATOR.send(root, createPolicy("mine-2", READ_OSS));
        ListPoliciesRequest firstPage = new ListPoliciesRequest();
        firstPage.setMaxItems(3);

        ListPoliciesResponse page1 = EMULATOR.send(root, firstPage);
        ListPoliciesRequest rest = new ListPoliciesRequest();
        rest.setMaxItems(1000);
        rest.setMarker(page1.getMarker());
        ListPoliciesResponse page2 = EMULATOR.send(root, rest);
        ListPoliciesRequest custom = new ListPoliciesRequest();
        custom.setPolicyType("Custom");

        assertTrue(page1.getIsTruncated());
        assertEquals(3, page1.getPolicies().size());
        assertFalse(page2.getIsTruncated());
        assertEquals("mine-2", page2.getPolicies().get(page2.getPolicies().size() - 1).getPolicyName());
        assertEquals(List.of("mine-1", "mine-2"), EMULATOR.send(root, custom).getPolicies().stream()
                .map(ListPoliciesResponse.Policy::getPolicyName).collect(Collectors.toList()));
    }

    @Test
    void keepsAtMostFiveVersionsUnlessRotating() throws Exception {
        EMULATOR.send(root, createPolicy("versioned", READ_OSS));
        for (int i = 2; i <= 5; i++) {
            EMULATOR.send(root, newVersion("versioned", i, false, null));
        }

        ClientException sixth = assertThrows(ClientException.class,
                () -> EMULATOR.send(root, newVersion("versioned", 6, false, null)));
        String rotated = EMULATOR.send(root,
                newVersion("versioned", 6, true, "DeleteOldestNonDefaultVersionWhenLimitExceeded"))
                .getPolicyVersion().getVersionId();
        List<ListPolicyVersionsResponse.PolicyVersion> versions = EMULATOR.send(root, listVersions("versioned"))
                .getPolicyVersions();

        assertEquals("LimitExceeded.Policy.Version", sixth.getErrCode());
        assertEquals("v6", rotated);
        // v1 was the default, so the oldest non-default version, v2, made room
        assertEquals(List.of("v1", "v3", "v4", "v5", "v6"),
                versions.stream().map(ListPolicyVersionsResponse.PolicyVersion::getVersionId).collect(Collectors.toList()));
        assertTrue(versions.get(4).getIsDefaultVersion());
        assertFalse(versions.get(0).getIsDefaultVersion());
        assertEquals("v6", EMULATOR.send(root, getPolicy("Custom", "versioned")).getPolicy().getDefaultVersion());
    }

    @Test
    void managesDefaultAndOtherVersions() throws Exception {
        EMULATOR.send(root, createPolicy("p", READ_OSS));
        EMULATOR.send(root, newVersion("p", 2, false, null));
        SetDefaultPolicyVersionRequest setDefault = new SetDefaultPolicyVersionRequest();
        setDefault.setPolicyName("p");
        setDefault.setVersionId("v2");
        EMULATOR.send(root, setDefault);

        GetPolicyVersionRequest getV2 = new GetPolicyVersionRequest();
        getV2.setPolicyType("Custom");
        getV2.setPolicyName("p");
        getV2.setVersionId("v2");
        assertTrue(EMULATOR.send(root, getV2).getPolicyVersion().getIsDefaultVersion());
        assertTrue(EMULATOR.send(root, getV2).getPolicyVersion().getPolicyDocument().contains("bucket-2"));

        assertEquals("DeleteConflict.Policy.Version.Default", code(deleteVersion("p", "v2")));
        assertEquals("DeleteConflict.Policy.Version", code(deletePolicy("p")));
        assertEquals("EntityNotExist.Policy.Version", code(deleteVersion("p", "v9")));
        EMULATOR.send(root, deleteVersion("p", "v1"));
        EMULATOR.send(root, deletePolicy("p"));
        assertEquals("EntityNotExist.Policy", code(getPolicy("Custom", "p")));
    }

    @Test
    void refusesMalformedDocuments() {
        String wrongVersion = READ_OSS.replace("\"Version\":\"1\"", "\"Version\":\"2016-10-17\"");
        String spaceInAction = policy("Allow", "ecs: CreateInstance", "*");

        assertEquals("MalformedPolicyDocument", code(createPolicy("v2016", wrongVersion)));
        assertEquals("MalformedPolicyDocument", code(createPolicy("space", spaceInAction)));
        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(root, createPolicy("space", spaceInAction)));
        assertTrue(e.getErrMsg().contains("ecs: CreateInstance"), e.getErrMsg());
        assertEquals("InvalidParameter.PolicyDocument.Length",
                code(createPolicy("long", READ_OSS.replace("bucket-日志", "b".repeat(6200)))));
        assertEquals("InvalidParameter.PolicyName.InvalidChars", code(createPolicy("under_score", READ_OSS)));
        assertEquals("InvalidParameter.PolicyType", code(getPolicy("Managed", "x")));
    }

    @Test
    void secondPolicyOfTheSameNameAlreadyExists() throws Exception {
        EMULATOR.send(root, createPolicy("once", READ_OSS));

        assertEquals("EntityAlreadyExists.Policy", code(createPolicy("once", READ_OSS)));
    }

    @Test
    void attachesPoliciesToRolesAndUsers() throws Exception {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        EMULATOR.send(root, createPolicy("read-logs", READ_OSS));
        EMULATOR.control().createUser("alice");
        EMULATOR.send(root, attachPolicyToRole("Custom", "read-logs", "app"));
        EMULATOR.send(root, attachPolicyToRole("System", "AliyunECSReadOnlyAccess", "app"));
        EMULATOR.send(root, attachPolicyToUser("Custom", "read-logs", "alice"));

        ListPoliciesForRoleRequest forRole = new ListPoliciesForRoleRequest();
        forRole.setRoleName("APP");
        List<ListPoliciesForRoleResponse.Policy> rolePolicies = EMULATOR.send(root, forRole).getPolicies();
        ListPoliciesForUserRequest forUser = new ListPoliciesForUserRequest();
        forUser.setUserName("alice");
        List<ListPoliciesForUserResponse.Policy> userPolicies = EMULATOR.send(root, forUser).getPolicies();

        assertEquals(List.of("read-logs", "AliyunECSReadOnlyAccess"), rolePolicies.stream()
                .map(ListPoliciesForRoleResponse.Policy::getPolicyName).collect(Collectors.toList()));
        assertEquals("System", rolePolicies.get(1).getPolicyType());
        assertTrue(rolePolicies.get(0).getAttachDate().endsWith("Z"));
        assertEquals("read-logs", userPolicies.get(0).getPolicyName());
        assertEquals(2, EMULATOR.send(root, getPolicy("Custom", "read-logs")).getPolicy().getAttachmentCount());
        assertEquals("EntityAlreadyExists.Role.Policy", code(attachPolicyToRole("Custom", "read-logs", "app")));
        assertEquals("EntityAlreadyExists.User.Policy", code(attachPolicyToUser("Custom", "read-logs", "alice")));
        assertEquals("DeleteConflict.Policy.Role", code(deletePolicy("read-logs")));
        assertEquals("EntityNotExist.Policy", code(attachPolicyToRole("Custom", "nope", "app")));
        assertEquals("EntityNotExist.Role", code(attachPolicyToRole("Custom", "read-logs", "nope")));
        assertEquals("EntityNotExist.User", code(attachPolicyToUser("Custom", "read-logs", "nope")));
    }

    @Test
    void detachesPolicies() throws Exception {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        EMULATOR.control().createUser("bob");
        EMULATOR.send(root, attachPolicyToRole("System", "AliyunOSSFullAccess", "app"));
        EMULATOR.send(root, attachPolicyToUser("System", "AliyunOSSFullAccess", "bob"));
        DetachPolicyFromRoleRequest fromRole = detachPolicyFromRole("System", "AliyunOSSFullAccess", "app");
        DetachPolicyFromUserRequest fromUser = detachPolicyFromUser("System", "AliyunOSSFullAccess", "bob");

        EMULATOR.send(root, fromRole);
        EMULATOR.send(root, fromUser);

        assertEquals("EntityNotExist.Role.Policy", code(fromRole));
        assertEquals("EntityNotExist.User.Policy", code(fromUser));
        assertEquals(0, EMULATOR.control().state().path("attachments").size());
    }

    @Test
    void limitsCustomPoliciesPerRole() throws Exception {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        for (int i = 1; i <= 6; i++) {
            EMULATOR.send(root, createPolicy("p" + i, READ_OSS));
        }
        for (int i = 1; i <= 5; i++) {
            EMULATOR.send(root, attachPolicyToRole("Custom", "p" + i, "app"));
        }

        assertEquals("LimitExceeded.Role.Policy", code(attachPolicyToRole("Custom", "p6", "app")));
    }

    private String code(AcsRequest<?> request) {
        return EMULATOR.failure(root, request).getErrCode();
    }

    private static CreatePolicyVersionRequest newVersion(String name, int n, boolean setAsDefault, String rotate) {
        CreatePolicyVersionRequest request = new CreatePolicyVersionRequest();
        request.setPolicyName(name);
        request.setPolicyDocument(READ_OSS.replace("bucket-日志", "bucket-" + n));
        request.setSetAsDefault(setAsDefault);
        request.setRotateStrategy(rotate);
        return request;
    }

    private static GetPolicyRequest getPolicy(String type, String name) {
        GetPolicyRequest request = new GetPolicyRequest();
        request.setPolicyType(type);
        request.setPolicyName(name);
        return request;
    }

    private static ListPolicyVersionsRequest listVersions(String name) {
        ListPolicyVersionsRequest request = new ListPolicyVersionsRequest();
        request.setPolicyType("Custom");
        request.setPolicyName(name);
        return request;
    }

    private static DeletePolicyVersionRequest deleteVersion(String name, String versionId) {
        DeletePolicyVersionRequest request = new DeletePolicyVersionRequest();
        request.setPolicyName(name);
        request.setVersionId(versionId);
        return request;
    }

    private static DeletePolicyRequest deletePolicy(String name) {
        DeletePolicyRequest request = new DeletePolicyRequest();
        request.setPolicyName(name);
        return request;
    }
}
