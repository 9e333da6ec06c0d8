package io.instancerole.cloud.aliyun;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.clients.CompatibleUrlConnClient;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The SDK's HttpURLConnection client (chosen over Apache HttpClient for cold start), finding the
 * Content-Type header whatever the case of its name. The SDK looks up only {@code Content-Type}
 * and {@code content-type}, but header names are case-insensitive and some servers, the JDK's
 * own HttpServer among them, send {@code Content-type}; the SDK would then reject every answer.
 * Plugged in through the SDK's documented custom-client setting; the SDK itself is unchanged.
 */
public final class HeaderTolerantUrlConnClient extends CompatibleUrlConnClient {

    public HeaderTolerantUrlConnClient(HttpClientConfig config) throws ClientException {
        super(config);
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException, ClientException {
        HttpResponse response = super.syncInvoke(request);
        if (response.getHttpContentType() == null && response.getHttpContent() != null) {
            for (Map.Entry<String, String> header : response.getSysHeaders().entrySet()) {
                if ("content-type".equals(header.getKey().toLowerCase(Locale.ROOT))) {
                    readAs(response, header.getValue());
                    break;
                }
            }
        }
        return response;
    }

    /** As the SDK reads a Content-Type it found: the media type, and the charset (UTF-8 unless given). */
    private static void readAs(HttpResponse response, String contentType) {
        String[] parts = contentType.split(";");
        String charset = "UTF-8";
        if (parts.length > 1 && parts[1].contains("=")) {
            charset = parts[1].split("=")[1].trim().toUpperCase(Locale.ROOT);
        }
        response.setHttpContent(response.getHttpContent(), charset, FormatType.mapAcceptToFormat(parts[0].trim()));
    }
}
