package io.instancerole.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Binding listeners, with a one-line error that names the port (and its option) when it is taken. */
final class Ports {
    private Ports() {}

    static HttpServer bind(InetAddress address, int port, String option) {
        try {
            return HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (BindException e) {
            throw inUse(address, port, option);
        } catch (IOException e) {
            throw new StartupException("cannot listen on " + address.getHostAddress() + ":" + port + " (" + option + "): " + e.getMessage());
        }
    }

    static StartupException inUse(InetAddress address, int port, String option) {
        return new StartupException("port " + port + " on " + address.getHostAddress() + " is already in use (" + option
                + "); stop what holds it or choose another port with " + option + " N");
    }

    /** True when nothing listens on that port now (used to tell which of several ports was taken). */
    static boolean isFree(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, address)) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
