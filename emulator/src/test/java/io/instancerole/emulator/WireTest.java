package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.emulator.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes over the socket, read as bytes: header names as the real service writes them, keep-alive. */
class WireTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\nContent-Length: (\\d+)\r\n");

    @Test
    void answersNameContentTypeAsTheRealServiceAndKeepTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", EMULATOR.emulator().apiPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String path : new String[] {"/?Action=GetCallerIdentity", "/_emulator/account"}) {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: emulator\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertTrue(head.contains("\r\nContent-Type: application/json;charset=utf-8\r\n"), head);
                assertTrue(!head.toLowerCase().contains("connection: close"), head);
                Matcher length = CONTENT_LENGTH.matcher(head);
                assertTrue(length.find(), head);
                byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
                assertEquals('{', body[0]);
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(next);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
