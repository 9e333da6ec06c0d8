package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.MethodType;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK's HttpServer sends "Content-type"; the SDK's own client would see no content type at all. */
class HeaderTolerantUrlConnClientTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void findsTheContentTypeWhateverTheCaseOfItsName() throws Exception {
        byte[] body = "{\"RequestId\":\"r-1\",\"Description\":\"网站角色\"}".getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        HttpRequest request = new HttpRequest("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        request.setSysMethod(MethodType.GET);

        HttpResponse response = new HeaderTolerantUrlConnClient(HttpClientConfig.getDefault()).syncInvoke(request);

        assertEquals(FormatType.JSON, response.getHttpContentType());
        assertEquals(new String(body, StandardCharsets.UTF_8), response.getHttpContentString());
    }
}
