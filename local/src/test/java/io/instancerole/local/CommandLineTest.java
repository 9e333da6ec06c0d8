package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a person sees when the command line is wrong or a port is taken: one line, and the right exit status. */
class CommandLineTest {
    private static final String TEMPLATE = StackRunner.resource("test-template.yml").toString();

    private static StackRunner failing(int status, Map<String, String> environment, String... args) {
        StackRunner runner = new StackRunner(environment, new byte[0]);
        LocalMain.Outcome outcome = runner.run(args);
        assertNull(outcome.running(), "nothing may be left running");
        assertEquals(status, outcome.status(), runner.err());
        assertEquals(1, runner.err().strip().lines().count(), "one line: " + runner.err());
        assertTrue(runner.err().startsWith("error: "), runner.err());
        return runner;
    }

    private static StackRunner failing(int status, String... args) {
        return failing(status, Map.of(), args);
    }

    @Test
    void anUnknownOptionNamesItAndListsTheKnownOnes() {
        String err = failing(2, "--prot", "8080").err();
        assertTrue(err.contains("unknown option --prot for 'serve'"), err);
        assertTrue(err.contains("--port"), err);
        assertTrue(failing(2, "invoke", "x", "--evnt", "e.json").err().contains("unknown option --evnt for 'invoke'"));
        assertTrue(failing(2, "emulator", "--no-demo").err().contains("unknown option --no-demo for 'emulator'"));
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(failing(2, "serve", "--port", "http").err().contains("--port must be a port number 0-65535"));
        assertTrue(failing(2, "--emulator-port", "70000").err().contains("--emulator-port must be a port number"));
        assertTrue(failing(2, "--metadata-port", "-2").err().contains("--metadata-port must be a port number"));
        assertTrue(failing(2, "--port").err().contains("--port needs a value"));
        assertTrue(failing(2, "--no-demo=yes").err().contains("--no-demo takes no value"));
        assertTrue(failing(2, "--cloud", "aws").err().contains("--cloud takes 'aliyun'"));
        assertTrue(failing(2, "--runtime", "java17").err().contains("--runtime takes java11 (the built-in runtime, the default) or custom"));
        assertTrue(failing(2, "invoke", "createRole", "--runtime-image", "x").err().contains("--runtime-image goes with --runtime custom"));
        assertTrue(failing(2, "--port", "1", "--port", "2").err().contains("--port is given twice"));
        assertTrue(failing(2, "serve", "extra").err().contains("unexpected argument 'extra'"));
        assertTrue(failing(2, "deploy").err().contains("unknown command 'deploy'"));
        assertTrue(failing(2, "invoke").err().contains("invoke needs the name of a function"));
        assertTrue(failing(2, "emulator", "--bind", "no-such-host.invalid").err().contains("--bind must be an address"));
    }

    @Test
    void helpPrintsTheUsage() {
        StackRunner runner = new StackRunner();
        LocalMain.Outcome outcome = runner.run("--help");
        assertEquals(0, outcome.status());
        assertTrue(runner.out().contains("invoke <function>"), runner.out());
    }

    @Test
    void theRealCloudWithoutCredentialsStopsAtOnceSayingWhatToSet() {
        String err = failing(2, Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIonly"), "serve", "--cloud", "aliyun",
                "--template", "no-such-template.yml").err();
        assertTrue(err.contains("set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"), err);
    }

    @Test
    void aGatewayPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String err = failing(1, Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIx", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s"),
                    "serve", "--cloud", "aliyun", "--template", TEMPLATE, "--port", String.valueOf(taken.getLocalPort())).err();
            assertTrue(err.contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (--port)"), err);
        }
    }

    @Test
    void aMissingTemplateSaysWhereItLooked() {
        String err = failing(1, "invoke", "createRole", "--template", "nowhere/template.yml", "--event", "x.json").err();
        assertTrue(err.contains("nowhere/template.yml: no such file"), err);
    }

    @Test
    void anUnknownFunctionListsTheTemplatesFunctions() {
        String err = failing(1, "invoke", "nope", "--template", TEMPLATE).err();
        assertTrue(err.contains("template.yml has no function 'nope'; its functions: broken, echo, slow"), err);
    }
}
