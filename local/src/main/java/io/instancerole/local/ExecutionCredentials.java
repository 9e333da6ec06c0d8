package io.instancerole.local;

import com.aliyun.fc.runtime.Credentials;

/** Where a function's execution credentials come from; asked once per invocation, as Function Compute hands them over. */
interface ExecutionCredentials {
    Credentials current();
}
