package io.instancerole.cloud.aliyun;

import com.aliyuncs.DefaultAcsClient;

/** An SDK client together with the credentials it signs with (to keep them out of error messages). */
final class SdkClient {
    private final DefaultAcsClient client;
    private final CloudCredentials credentials;

    SdkClient(DefaultAcsClient client, CloudCredentials credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    DefaultAcsClient client() {
        return client;
    }

    CloudCredentials credentials() {
        return credentials;
    }
}
