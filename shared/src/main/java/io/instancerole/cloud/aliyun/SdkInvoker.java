package io.instancerole.cloud.aliyun;

import com.aliyuncs.AcsError;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.reader.ReaderFactory;
import com.aliyuncs.transform.UnmarshallerContext;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.service.SharedWait;
import io.instancerole.domain.service.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Sends one SDK request: points it at the configured endpoint, retries throttling and outages with
 * backoff (the SDK signs each attempt anew, with a new SignatureNonce), records the cloud's request
 * id of every answer, and turns every failure into a classified {@link CloudException}.
 *
 * <p>It calls {@code DefaultAcsClient.doAction} and reads the answer with the SDK's own reader
 * rather than {@code getAcsResponse}: the SDK's exceptions drop the HTTP status of a 4xx, and the
 * status and request id are wanted for the audit line and the error details.
 */
final class SdkInvoker {
    private final Optional<String> endpointOverride;
    private final Backoff backoff;
    private final Sleeper sleeper;

    SdkInvoker(Optional<String> endpointOverride, Backoff backoff, Sleeper sleeper) {
        this.endpointOverride = endpointOverride;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * {@code backoffs} is shared by the calls of one session: a throttled or failed call makes all
     * of them wait (see {@link SharedWait}), so a request calling from several threads backs off as one.
     */
    <T extends AcsResponse> T invoke(SdkClient client, AcsRequest<T> request, Consumer<String> requestIds, SharedWait backoffs) {
        pointAtEndpoint(request);
        for (int attempt = 1; ; attempt++) {
            long ticket = backoffs.ticket();
            CloudException failure;
            try {
                return send(client, request, requestIds);
            } catch (CloudException e) {
                failure = e;
            }
            if (!ErrorClassifier.isRetryable(failure.kind()) || attempt >= backoff.maxAttempts()) {
                throw failure;
            }
            Duration delay = backoff.delayBeforeRetry(attempt, ThreadLocalRandom.current().nextDouble());
            backoffs.await(ticket, wait -> sleeper.sleep(delay));
            if (Thread.currentThread().isInterrupted()) {
                // an interrupted wait gives up: the failure that was about to be retried is reported
                throw failure;
            }
        }
    }

    private void pointAtEndpoint(AcsRequest<?> request) {
        if (endpointOverride.isPresent()) {
            request.setSysEndpoint(endpointOverride.get());
            // RAM and STS request classes hard-set HTTPS; the emulator speaks plain HTTP
            request.setSysProtocol(ProtocolType.HTTP);
        } else {
            // ECS request classes leave the protocol to the client config, whose default is HTTP
            request.setSysProtocol(ProtocolType.HTTPS);
        }
    }

    private <T extends AcsResponse> T send(SdkClient client, AcsRequest<T> request, Consumer<String> requestIds) {
        String action = request.getSysActionName();
        HttpResponse http;
        try {
            http = client.client().doAction(request);
        } catch (ClientException e) {
            // the SDK's own retries are off (RetryPolicy.none): this is one attempt that got no answer
            throw failure(client, action, e.getErrCode(), 0, e.getRequestId(), transportMessage(e));
        }
        int status = http.getStatus();
        if (http.isSuccess()) {
            Answer<T> answer = readAnswer(request.getResponseClass(), http);
            if (answer == null) {
                throw failure(client, action, ErrorClassifier.INVALID_SERVER_RESPONSE, status, null,
                        "a " + status + " answer that could not be read (Content-Type " + http.getHeaderValue("Content-Type") + ")");
            }
            record(requestIds, answer.requestId);
            return answer.response;
        }
        AcsError error = readError(http);
        String requestId = error == null ? null : error.getRequestId();
        record(requestIds, requestId);
        throw failure(client, action, error == null ? null : error.getErrorCode(), status, requestId,
                error == null ? "an error answer without a readable body (Content-Type " + http.getHeaderValue("Content-Type") + ")"
                        : error.getErrorMessage());
    }

    private static void record(Consumer<String> requestIds, String requestId) {
        if (requestId != null && !requestId.isEmpty()) {
            requestIds.accept(requestId);
        }
    }

    /**
     * The message is what the cloud said (cleaned of anything secret); action, code, status and
     * request id travel in the exception's fields.
     */
    private static CloudException failure(SdkClient client, String action, String code, int status, String requestId, String cloudMessage) {
        String message = cloudMessage == null || cloudMessage.isEmpty()
                ? "no message" : Redaction.clean(cloudMessage, client.credentials());
        return new CloudException(ErrorClassifier.classify(code, status), action, code, status, requestId, message);
    }

    /** The SDK's transport messages quote the signed URL; only the root cause is kept, cleaned. */
    private static String transportMessage(ClientException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "no answer: " + (root == e ? e.getErrMsg() : root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    /** Parsed as {@code DefaultAcsClient.readResponse} does (none of these response classes is XML-annotated). */
    @SuppressWarnings("deprecation") // the SDK's JSON reader, which its own unmarshallers are written against
    private static <T extends AcsResponse> Answer<T> readAnswer(Class<T> type, HttpResponse http) {
        if (http.getHttpContentType() != FormatType.JSON) {
            return null;
        }
        try {
            String body = http.getHttpContentString();
            if (body == null || body.isEmpty()) {
                return null;
            }
            T response = type.getDeclaredConstructor().newInstance();
            String name = type.getSimpleName();
            UnmarshallerContext context = new UnmarshallerContext();
            com.aliyuncs.reader.Reader reader = ReaderFactory.createInstance(FormatType.JSON);
            context.setResponseMap(response.checkShowJsonItemName() ? reader.read(body, name) : reader.readForHideArrayItem(body, name));
            context.setHttpResponse(http);
            if (response instanceof CommonResponse) {
                // no unmarshaller: the raw body, as DefaultAcsClient.getCommonResponse hands it over
                CommonResponse common = (CommonResponse) response;
                common.setData(body);
                common.setHttpStatus(http.getStatus());
                common.setHttpResponse(http);
                return new Answer<>(response, context.getResponseMap().get(name + ".RequestId"));
            }
            @SuppressWarnings("unchecked")
            T read = (T) response.getInstance(context);
            return new Answer<>(read, context.getResponseMap().get(name + ".RequestId"));
        } catch (ReflectiveOperationException | ClientException | RuntimeException e) {
            return null;
        }
    }

    /** Read as {@code DefaultAcsClient.readError} does; null when the body is not a JSON error. */
    @SuppressWarnings("deprecation")
    private static AcsError readError(HttpResponse http) {
        if (http.getHttpContentType() != FormatType.JSON) {
            return null;
        }
        try {
            UnmarshallerContext context = new UnmarshallerContext();
            context.setHttpStatus(http.getStatus());
            context.setResponseMap(ReaderFactory.createInstance(FormatType.JSON).read(http.getHttpContentString(), "Error"));
            return new AcsError().getInstance(context);
        } catch (ClientException | RuntimeException e) {
            return null;
        }
    }

    private static final class Answer<T> {
        final T response;
        final String requestId;

        Answer(T response, String requestId) {
            this.response = response;
            this.requestId = requestId;
        }
    }
}
