package io.instancerole.emulator.testing;

import com.aliyuncs.ecs.model.v20140526.AttachInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.DetachInstanceRamRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromRoleRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromUserRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import java.util.StringJoiner;

/** Short builders for the SDK requests tests send most. */
public final class SdkRequests {
    private SdkRequests() {}

    public static CreateRoleRequest createRole(String name, String trustPolicy) {
        CreateRoleRequest request = new CreateRoleRequest();
        request.setRoleName(name);
        request.setAssumeRolePolicyDocument(trustPolicy);
        return request;
    }

    public static CreatePolicyRequest createPolicy(String name, String document) {
        CreatePolicyRequest request = new CreatePolicyRequest();
        request.setPolicyName(name);
        request.setPolicyDocument(document);
        return request;
    }

    public static AttachPolicyToRoleRequest attachPolicyToRole(String policyType, String policyName, String roleName) {
        AttachPolicyToRoleRequest request = new AttachPolicyToRoleRequest();
        request.setPolicyType(policyType);
        request.setPolicyName(policyName);
        request.setRoleName(roleName);
        return request;
    }

    public static AttachPolicyToUserRequest attachPolicyToUser(String policyType, String policyName, String userName) {
        AttachPolicyToUserRequest request = new AttachPolicyToUserRequest();
        request.setPolicyType(policyType);
        request.setPolicyName(policyName);
        request.setUserName(userName);
        return request;
    }

    public static DetachPolicyFromRoleRequest detachPolicyFromRole(String policyType, String policyName,
                                                                   String roleName) {
        DetachPolicyFromRoleRequest request = new DetachPolicyFromRoleRequest();
        request.setPolicyType(policyType);
        request.setPolicyName(policyName);
        request.setRoleName(roleName);
        return request;
    }

    public static DetachPolicyFromUserRequest detachPolicyFromUser(String policyType, String policyName,
                                                                   String userName) {
        DetachPolicyFromUserRequest request = new DetachPolicyFromUserRequest();
        request.setPolicyType(policyType);
        request.setPolicyName(policyName);
        request.setUserName(userName);
        return request;
    }

    public static AttachInstanceRamRoleRequest attachInstanceRamRole(String roleName, String... instanceIds) {
        AttachInstanceRamRoleRequest request = new AttachInstanceRamRoleRequest();
        request.setRamRoleName(roleName);
        request.setInstanceIds(jsonArray(instanceIds));
        return request;
    }

    public static DetachInstanceRamRoleRequest detachInstanceRamRole(String roleName, String... instanceIds) {
        DetachInstanceRamRoleRequest request = new DetachInstanceRamRoleRequest();
        request.setRamRoleName(roleName);
        request.setInstanceIds(jsonArray(instanceIds));
        return request;
    }

    public static AssumeRoleRequest assumeRole(String roleArn, String sessionName) {
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setRoleArn(roleArn);
        request.setRoleSessionName(sessionName);
        return request;
    }

    /** {@code ["i-1","i-2"]}, the form ECS takes InstanceIds in. */
    public static String jsonArray(String... items) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (String item : items) {
            json.add("\"" + item + "\"");
        }
        return json.toString();
    }

    /** {@code {"Version":"1","Statement":[{"Effect":effect,"Action":action,"Resource":resource}]}}. */
    public static String policy(String effect, String action, String resource) {
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }
}
