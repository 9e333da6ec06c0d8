package io.instancerole.bench;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleResponse;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;

/**
 * What a user would otherwise write: a bare main that ensures a RAM role trusted by ECS (GetRole,
 * then CreateRole on EntityNotExist.Role) with the SDK's defaults. The cold-start yardstick.
 *
 * <p>Environment: CLOUD_ENDPOINT (host:port of the emulator), ALIBABA_CLOUD_ACCESS_KEY_ID and
 * ALIBABA_CLOUD_ACCESS_KEY_SECRET. Argument: the role name. Prints one JSON line.
 */
public final class Baseline {
    private static final String ECS_TRUST = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    private Baseline() {}

    public static void main(String[] args) throws ClientException {
        String roleName = args[0];
        String endpoint = System.getenv("CLOUD_ENDPOINT");
        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou",
                System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        DefaultAcsClient client = new DefaultAcsClient(profile);

        GetRoleRequest get = new GetRoleRequest();
        get.setRoleName(roleName);
        pointAt(get, endpoint);
        try {
            GetRoleResponse existing = client.getAcsResponse(get);
            System.out.println("{\"roleName\":\"" + existing.getRole().getRoleName() + "\",\"arn\":\"" + existing.getRole().getArn()
                    + "\",\"created\":false}");
        } catch (ClientException e) {
            // a 4xx answer is a ClientException carrying the cloud's code
            if (!"EntityNotExist.Role".equals(e.getErrCode())) {
                throw e;
            }
            CreateRoleRequest create = new CreateRoleRequest();
            create.setRoleName(roleName);
            create.setAssumeRolePolicyDocument(ECS_TRUST);
            pointAt(create, endpoint);
            CreateRoleResponse created = client.getAcsResponse(create);
            System.out.println("{\"roleName\":\"" + created.getRole().getRoleName() + "\",\"arn\":\"" + created.getRole().getArn()
                    + "\",\"created\":true}");
        } finally {
            client.shutdown();
        }
    }

    /** RAM requests hard-set HTTPS; the emulator speaks plain HTTP on loopback. */
    private static void pointAt(com.aliyuncs.AcsRequest<?> request, String endpoint) {
        request.setSysEndpoint(endpoint);
        request.setSysProtocol(ProtocolType.HTTP);
    }
}
