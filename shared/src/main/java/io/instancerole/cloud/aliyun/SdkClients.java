package io.instancerole.cloud.aliyun;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpClientType;
import com.aliyuncs.profile.DefaultProfile;
import io.instancerole.domain.model.RegionId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link DefaultAcsClient} per set of credentials (the client is thread-safe and its
 * credentials are fixed), the least recently used dropped beyond a bound: execution credentials
 * rotate and operator sessions are per caller.
 */
final class SdkClients {
    static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    static final int READ_TIMEOUT_MILLIS = 8_000;
    private static final int MAX_CLIENTS = 64;

    private final RegionId profileRegion;
    private final Map<CloudCredentials, SdkClient> clients = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CloudCredentials, SdkClient> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    SdkClients(RegionId profileRegion) {
        this.profileRegion = profileRegion;
    }

    synchronized SdkClient forCredentials(CloudCredentials credentials) {
        return clients.computeIfAbsent(credentials, this::newClient);
    }

    private SdkClient newClient(CloudCredentials credentials) {
        HttpClientConfig http = HttpClientConfig.getDefault();
        // HttpURLConnection instead of Apache HttpClient: far fewer classes to load on a cold start
        http.setClientType(HttpClientType.Compatible);
        http.setConnectionTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        http.setReadTimeoutMillis(READ_TIMEOUT_MILLIS);
        // RAM and STS calls carry a RegionId too; ECS requests set their own
        DefaultProfile profile = DefaultProfile.getProfile(profileRegion.value());
        profile.setHttpClientConfig(http);
        AlibabaCloudCredentials signing = credentials.securityToken() == null
                ? new BasicCredentials(credentials.accessKeyId(), credentials.accessKeySecret())
                : new BasicSessionCredentials(credentials.accessKeyId(), credentials.accessKeySecret(), credentials.securityToken());
        return new SdkClient(new DefaultAcsClient(profile, signing), credentials);
    }
}
