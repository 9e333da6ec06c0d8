package io.instancerole.emulator.testing;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

/** The unmodified V1 SDK pointed at an emulator over loopback HTTP. */
public final class SdkClients {
    private SdkClients() {}

    /** A client signing with a long-term AccessKey. */
    public static DefaultAcsClient client(String accessKeyId, String accessKeySecret, String regionId) {
        return new DefaultAcsClient(DefaultProfile.getProfile(regionId),
                new BasicCredentials(accessKeyId, accessKeySecret));
    }

    /** A client signing with STS credentials (sends SecurityToken). */
    public static DefaultAcsClient client(String accessKeyId, String accessKeySecret, String securityToken,
                                          String regionId) {
        return new DefaultAcsClient(DefaultProfile.getProfile(regionId),
                new BasicSessionCredentials(accessKeyId, accessKeySecret, securityToken));
    }

    /**
     * Points any request at the emulator: {@code setSysEndpoint} plus {@code setSysProtocol(HTTP)},
     * which RAM and STS requests need because their constructors hard-set HTTPS.
     *
     * @param endpoint {@code host:port}, e.g. {@code Emulator.endpoint()}
     */
    public static <R extends AcsRequest<?>> R at(String endpoint, R request) {
        request.setSysEndpoint(endpoint);
        request.setSysProtocol(ProtocolType.HTTP);
        return request;
    }
}
