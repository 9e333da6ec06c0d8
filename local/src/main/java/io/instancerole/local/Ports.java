package io.instancerole.local;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Binding listeners, with a one-line error that names the port (and its option) when it is taken. */
final class Ports {
    private Ports() {}

    /** Something that listens on a port once called. */
    interface Listen {
        void on(InetAddress address, int port) throws IOException;
    }

    static void bind(InetAddress address, int port, String option, Listen listen) {
        try {
            listen.on(address, port);
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
