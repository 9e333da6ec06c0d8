package io.instancerole.local;

import io.instancerole.emulator.Emulator;
import java.net.Inet6Address;
import java.net.InetAddress;

/** What {@code serve} prints once it is up: where everything is, who you can be, and a first command. */
final class Banner {
    private Banner() {}

    static String serve(String gatewayUrl, CloudTarget target, ServeOptions options, Callers callers, int routes) {
        StringBuilder text = new StringBuilder();
        text.append("Instance RAM roles: local stack is up\n\n");
        line(text, "API gateway", gatewayUrl + "   (" + routes + " routes from " + options.template() + ", GET /healthz)");
        if (options.runtime().custom()) {
            line(text, "runtime", options.runtime().describe());
        }
        if (target instanceof EmulatorTarget) {
            Emulator emulator = ((EmulatorTarget) target).emulator().orElseThrow();
            line(text, "emulator", emulator.baseUrl() + "   (RAM, ECS, STS; state: " + emulator.baseUrl() + "/_emulator/state)");
            if (emulator.metadataUrl() != null) {
                line(text, "metadata", emulator.metadataUrl() + "/latest/meta-data/   (as seen from the instance bound most recently;"
                        + " any instance: " + emulator.baseUrl() + "/_emulator/metadata/<instanceId>/latest/meta-data/)");
            }
            line(text, "account", emulator.accountId() + " (emulated; root key at " + emulator.baseUrl() + "/_emulator/account)");
        } else {
            line(text, "cloud", "the REAL Alibaba Cloud, as " + AliyunTarget.ACCESS_KEY_ID + " (changes are real)");
        }
        text.append("\nCallers (send Authorization: Bearer <token>):\n");
        for (CallerToken caller : callers.all()) {
            text.append(String.format("  %-14s %s, team %s%n", caller.token(), caller.callerId(), caller.callerTeam()));
        }
        if (options.demo() && target instanceof EmulatorTarget) {
            text.append("\nDemo account, region ").append(DemoAccount.REGION).append(":\n");
            for (DemoAccount.DemoInstance instance : DemoAccount.INSTANCES) {
                text.append(String.format("  %-16s %-8s team=%s%n", instance.instanceId(), instance.networkType(), instance.team()));
            }
            text.append("  RAM user ").append(DemoAccount.USER).append('\n');
        }
        if (!options.bind().isLoopbackAddress()) {
            text.append("\nWARNING: listening beyond this machine (--bind ").append(options.bind().getHostAddress())
                    .append("): anyone who can reach these ports can use the emulator's control API, root key included.\n");
        }
        text.append("\nTry:\n  curl -s -X POST ").append(gatewayUrl).append("/v1/roles -H 'Authorization: Bearer dev-team-a'"
                + " -H 'Content-Type: application/json' -d '{\"roleName\": \"team-a-web\"}'\n");
        String url = gatewayUrl.equals(ChatClient.DEFAULT_URL) ? "" : " --url " + gatewayUrl;
        text.append("\nFrom chat (DingTalk and Slack routes, signed with the ").append(options.chatopsFile().isPresent() ? "--chatops" : "demo")
                .append(" secrets; DingTalk staff-alice, staff-bob, staff-admin; Slack T0001/U0ALICE, T0001/U0BOB, T0001/U0ADMIN):\n")
                .append("  java -jar local/target/instance-role-local.jar chat dingtalk --as staff-alice").append(url).append(" \"help\"\n");
        text.append("\nAudit lines follow on stdout. Ctrl-C stops.\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-12s %s%n", label, value));
    }

    /** The host to put in URLs: loopback when listening on every address. */
    static String host(InetAddress bind) {
        if (bind.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return bind instanceof Inet6Address ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
    }
}
