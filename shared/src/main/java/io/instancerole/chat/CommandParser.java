package io.instancerole.chat;

import io.instancerole.domain.authorize.AttachPolicyRequest;
import io.instancerole.domain.binding.BindRequest;
import io.instancerole.domain.binding.InstanceIdBatch;
import io.instancerole.domain.binding.ReplaceRequest;
import io.instancerole.domain.binding.UnbindRequest;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.FieldError;
import io.instancerole.domain.grant.GrantPassRoleRequest;
import io.instancerole.domain.grant.RevokePassRoleRequest;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.role.CreateRoleRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a chat line into a command. Words are separated by spaces; the command word is
 * case-insensitive. Names and ids are checked by the domain's own value types, and every mistake
 * is a {@link ChatInputException} that names the wrong word and shows the right form.
 */
public final class CommandParser {
    /** Longest word quoted back in a reply. */
    private static final int SHOWN = 40;

    /** @param team the sender's team, for examples that would work for them */
    public ChatCommand parse(String text, String team) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            throw new ChatInputException("The message is empty: write a command after the mention.", null, "help");
        }
        String word = words.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = words.subList(1, words.size());
        switch (word) {
            case "help":
            case "?":
                return help(rest);
            case "whoami":
                expectNothing(rest, "whoami", team);
                return ChatCommand.whoami();
            case "show":
                return show(rest, team);
            case "apply":
                return apply(rest, team);
            case "policy":
            case "policies":
                throw new ChatInputException("Custom policies are created through the API or the portal, not in chat: a JSON"
                        + " document in a chat line is an invitation to mistakes (POST /v1/policies lints it first). In chat,"
                        + " attach an existing policy to a role.", CommandHelp.require("attach").usage(),
                        CommandHelp.require("attach").example(team));
            default:
                return change(word, rest, team);
        }
    }

    private static ChatCommand change(String word, List<String> rest, String team) {
        switch (word) {
            case "role":
                return role(rest, team);
            case "attach":
                return attach(rest, team);
            case "bind":
                return bind(rest, team);
            case "unbind":
                return unbind(rest, team);
            case "replace":
                return replace(rest, team);
            case "grant":
                return grant(rest, team, true);
            case "revoke":
                return grant(rest, team, false);
            default:
                throw unknownCommand(word, team);
        }
    }

    /** Splits on any space, including the no-break spaces chat clients put after a mention, and drops leading mentions. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("[\\s\\p{Z}]+")));
        words.removeIf(String::isEmpty);
        while (!words.isEmpty() && (words.get(0).startsWith("@") || words.get(0).startsWith("<@"))) {
            words.remove(0);
        }
        return words;
    }

    private static ChatCommand help(List<String> rest) {
        if (rest.isEmpty()) {
            return ChatCommand.help(null);
        }
        return ChatCommand.help(rest.get(0).toLowerCase(Locale.ROOT));
    }

    private static ChatCommand show(List<String> rest, String team) {
        CommandHelp.Entry help = CommandHelp.require("show");
        if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("role")) {
            Arguments args = Arguments.of(rest.subList(1, rest.size()), Set.of(), Set.of(), help, team);
            args.expectCount(1, 1, "a role name");
            RoleName role = value("a role name", args.positional(0), RoleName::of, help, team);
            return ChatCommand.read("show role " + role, "role " + role, Operation.DESCRIBE_ROLE, target("roleName", role.value()),
                    (services, ctx) -> services.describe().describeRole(ctx, role));
        }
        Arguments args = Arguments.of(rest, Set.of("--region"), Set.of(), help, team);
        args.expectCount(1, 1, "one instance id (or 'role' and a role name)");
        InstanceId instance = value("an instance id", args.positional(0), InstanceId::of, help, team);
        RegionId region = args.region();
        Map<String, Object> target = target("instanceId", instance.value());
        if (region != null) {
            target.put("regionId", region.value());
        }
        return ChatCommand.read("show " + instance + suffix("--region", region), "role of " + instance, Operation.DESCRIBE_INSTANCE, target,
                (services, ctx) -> services.describe().describeInstanceRole(ctx, region, instance));
    }

    private static ChatCommand apply(List<String> rest, String team) {
        CommandHelp.Entry help = CommandHelp.require("apply");
        if (rest.isEmpty()) {
            throw new ChatInputException("`apply` needs the code of a plan: the bot gives one when it answers a change.", help.usage(),
                    help.example(team));
        }
        if (!ApplyCodes.looksLikeCode(rest.get(0))) {
            throw new ChatInputException("`" + shown(rest.get(0)) + "` is not an apply code (" + ApplyCodes.LENGTH
                    + " letters and digits, as the plan showed it).", help.usage(), help.example(team));
        }
        String code = ApplyCodes.normalize(rest.get(0));
        if (rest.size() == 1) {
            return ChatCommand.apply(code, null);
        }
        String word = rest.get(1).toLowerCase(Locale.ROOT);
        if (Set.of("help", "?", "whoami", "show", "apply").contains(word)) {
            throw new ChatInputException("`apply " + code + "` can only be followed by the change it planned, not by `" + word + "`.",
                    help.usage(), help.example(team));
        }
        return ChatCommand.apply(code, change(word, rest.subList(2, rest.size()), team));
    }

    private static ChatCommand role(List<String> rest, String team) {
        CommandHelp.Entry help = CommandHelp.require("role");
        Arguments args = Arguments.of(rest, Set.of(), Set.of(), help, team);
        args.expectCount(1, Integer.MAX_VALUE, "a role name");
        RoleName role = value("a role name", args.positional(0), RoleName::of, help, team);
        String description = args.positional().size() > 1 ? String.join(" ", args.positional().subList(1, args.positional().size())) : null;
        CreateRoleRequest request = request(() -> CreateRoleRequest.of(role, description, null), "the description", help, team);
        return ChatCommand.change("role " + role.folded() + (description == null ? "" : " " + description), "create role " + role,
                Operation.CREATE_ROLE, request.auditTarget(), (services, ctx) -> services.createRole().createRole(ctx, request));
    }

    private static ChatCommand attach(List<String> rest, String team) {
        CommandHelp.Entry help = CommandHelp.require("attach");
        Arguments args = Arguments.of(rest, Set.of(), Set.of("--custom"), help, team);
        args.expectCount(2, 2, "a role name and a policy name");
        RoleName role = value("a role name", args.positional(0), RoleName::of, help, team);
        PolicyName policy = value("a policy name", args.positional(1), PolicyName::of, help, team);
        PolicyType type = args.isSet("--custom") ? PolicyType.Custom : PolicyType.System;
        AttachPolicyRequest request = AttachPolicyRequest.of(role, policy, type);
        return ChatCommand.change("attach " + role.folded() + " " + policy.folded() + (type == PolicyType.Custom ? " --custom" : ""),
                "attach " + type + " policy " + policy + " to " + role, Operation.ATTACH_POLICY, request.auditTarget(),
                (services, ctx) -> services.policy().attachPolicy(ctx, request));
    }

    private static ChatCommand bind(List<String> rest, String team) {
        CommandHelp.Entry help = CommandHelp.require("bind");
        Arguments args = Arguments.of(rest, Set.of("--region"), Set.of(), help, team);
        args.expectCount(2, Integer.MAX_VALUE, "a role name and at least one instance id");
        RoleName role = value("a role name", args.positional(0), RoleName::of, help, team);
        InstanceIdBatch instances = instances(args.positional().subList(1, args.positional().size()), help, team);
        RegionId region = args.region();
        BindRequest request = BindRequest.of(region, role, instances, null);
        return ChatCommand.change("bind " + role.folded() + " " + ids(instances) + suffix("--region", region),
                "bind " + role + " to " + count(instances), Operation.BIND_ROLE, request.auditTarget(),
                (services, ctx) -> services.binding().bind(ctx, request));
    }

    private static ChatCommand unbind(List<String> rest, String team) {
        CommandHelp.Entry help = CommandHelp.require("unbind");
        Arguments args = Arguments.of(rest, Set.of("--region", "--role"), Set.of(), help, team);
        args.expectCount(1, Integer.MAX_VALUE, "at least one instance id");
        InstanceIdBatch instances = instances(args.positional(), help, team);
        RoleName role = args.value("--role").map(r -> value("a role name", r, RoleName::of, help, team)).orElse(null);
        RegionId region = args.region();
        UnbindRequest request = UnbindRequest.of(region, instances, role);
        return ChatCommand.change("unbind " + ids(instances) + suffix("--role", role == null ? null : role.folded()) + suffix("--region", region),
                "unbind " + (role == null ? "the role" : role) + " from " + count(instances), Operation.UNBIND_ROLE, request.auditTarget(),
                (services, ctx) -> services.binding().unbind(ctx, request));
    }

    private static ChatCommand replace(List<String> rest, String team) {
        CommandHelp.Entry help = CommandHelp.require("replace");
        Arguments args = Arguments.of(rest, Set.of("--region", "--expect"), Set.of(), help, team);
        args.expectCount(2, Integer.MAX_VALUE, "the new role name and at least one instance id");
        RoleName role = value("a role name", args.positional(0), RoleName::of, help, team);
        InstanceIdBatch instances = instances(args.positional().subList(1, args.positional().size()), help, team);
        RoleName expected = args.value("--expect").map(r -> value("a role name", r, RoleName::of, help, team)).orElse(null);
        RegionId region = args.region();
        ReplaceRequest request = ReplaceRequest.of(region, instances, role, expected);
        return ChatCommand.change("replace " + role.folded() + " " + ids(instances)
                + suffix("--expect", expected == null ? null : expected.folded()) + suffix("--region", region),
                "replace the role of " + count(instances) + " with " + role, Operation.REPLACE_ROLE, request.auditTarget(),
                (services, ctx) -> services.binding().replace(ctx, request));
    }

    private static ChatCommand grant(List<String> rest, String team, boolean grant) {
        CommandHelp.Entry help = CommandHelp.require(grant ? "grant" : "revoke");
        Arguments args = Arguments.of(rest, Set.of(), Set.of(), help, team);
        args.expectCount(2, Integer.MAX_VALUE, "a RAM user name and at least one role name");
        UserName user = value("a RAM user name", args.positional(0), UserName::of, help, team);
        List<RoleName> roles = new ArrayList<>();
        for (String word : args.positional().subList(1, args.positional().size())) {
            roles.add(value("a role name", word, RoleName::of, help, team));
        }
        String names = roles.stream().map(RoleName::value).collect(Collectors.joining(" "));
        if (grant) {
            GrantPassRoleRequest request = request(() -> GrantPassRoleRequest.of(user, roles, null), "the role names", help, team);
            return ChatCommand.change("grant " + user.folded() + " " + names.toLowerCase(Locale.ROOT), "let " + user + " pass " + names, Operation.GRANT_PASS_ROLE,
                    request.auditTarget(), (services, ctx) -> services.grants().grant(ctx, request));
        }
        RevokePassRoleRequest request = request(() -> RevokePassRoleRequest.of(user, roles), "the role names", help, team);
        return ChatCommand.change("revoke " + user.folded() + " " + names.toLowerCase(Locale.ROOT), "stop " + user + " passing " + names, Operation.REVOKE_PASS_ROLE,
                request.auditTarget(), (services, ctx) -> services.grants().revoke(ctx, request));
    }

    private static InstanceIdBatch instances(List<String> words, CommandHelp.Entry help, String team) {
        List<InstanceId> ids = new ArrayList<>(words.size());
        for (String word : words) {
            if (word.contains(",")) {
                throw new ChatInputException("`" + shown(word) + "` holds a comma: separate instance ids with spaces.", help.usage(),
                        help.example(team));
            }
            ids.add(value("an instance id", word, InstanceId::of, help, team));
        }
        try {
            return InstanceIdBatch.of(ids);
        } catch (DomainException e) {
            if (ids.size() > InstanceIdBatch.MAX_INSTANCES) {
                throw new ChatInputException(ids.size() + " instance ids is more than one command takes (at most "
                        + InstanceIdBatch.MAX_INSTANCES + "): split them into several commands.", help.usage(), help.example(team));
            }
            throw new ChatInputException("The instance ids: " + reason(e), help.usage(), help.example(team));
        }
    }

    private interface Maker<T> {
        T make();
    }

    private static <T> T request(Maker<T> maker, String what, CommandHelp.Entry help, String team) {
        try {
            return maker.make();
        } catch (DomainException e) {
            throw new ChatInputException("Check " + what + ": " + reason(e), help.usage(), help.example(team));
        }
    }

    /** A word made into a value type; the type's own rule decides, and its reason is quoted. */
    static <T> T value(String what, String word, Function<String, T> type, CommandHelp.Entry help, String team) {
        try {
            return type.apply(word);
        } catch (DomainException e) {
            throw new ChatInputException("`" + shown(word) + "` is not " + what + ": " + reason(e), help.usage(), help.example(team));
        }
    }

    private static String reason(DomainException e) {
        if (!e.details().isEmpty() && e.details().get(0) instanceof FieldError) {
            return ((FieldError) e.details().get(0)).reason() + ".";
        }
        return e.getMessage() + ".";
    }

    private static void expectNothing(List<String> rest, String word, String team) {
        if (!rest.isEmpty()) {
            CommandHelp.Entry help = CommandHelp.require(word);
            throw new ChatInputException("`" + word + "` takes nothing after it (got `" + shown(rest.get(0)) + "`).", help.usage(),
                    help.example(team));
        }
    }

    private static ChatInputException unknownCommand(String word, String team) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (CommandHelp.Entry entry : CommandHelp.ENTRIES) {
            int distance = distance(word, entry.word());
            if (distance < best) {
                best = distance;
                closest = entry.word();
            }
        }
        String suggestion = best <= 2 ? " Did you mean `" + closest + "`?" : "";
        String commands = CommandHelp.ENTRIES.stream().map(CommandHelp.Entry::word).collect(Collectors.joining(", "));
        CommandHelp.Entry shown = best <= 2 ? CommandHelp.require(closest) : CommandHelp.require("help");
        throw new ChatInputException("I don't know the command `" + shown(word) + "`." + suggestion + " The commands: " + commands
                + ".", shown.usage(), shown.example(team));
    }

    private static int distance(String a, String b) {
        if (a.length() > 20) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A word as a reply quotes it: at most 40 characters, its length said when longer, no backquote to break the quoting. */
    static String shown(String word) {
        String safe = word.replace('`', '\'');
        return safe.length() <= SHOWN ? safe : safe.substring(0, SHOWN) + "… (" + word.length() + " characters)";
    }

    private static Map<String, Object> target(String field, String value) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put(field, value);
        return target;
    }

    private static String ids(InstanceIdBatch batch) {
        return batch.ids().stream().map(InstanceId::value).collect(Collectors.joining(" "));
    }

    private static String count(InstanceIdBatch batch) {
        int n = batch.ids().size();
        return n == 1 ? batch.ids().get(0).value() : n + " instances";
    }

    private static String suffix(String option, Object value) {
        return value == null ? "" : " " + option + " " + value;
    }

    /** A command's words after the command word: positional words and {@code --options}. */
    private static final class Arguments {
        private final List<String> positional;
        private final Map<String, String> values;
        private final CommandHelp.Entry help;
        private final String team;

        private Arguments(List<String> positional, Map<String, String> values, CommandHelp.Entry help, String team) {
            this.positional = positional;
            this.values = values;
            this.help = help;
            this.team = team;
        }

        static Arguments of(List<String> words, Set<String> valued, Set<String> switches, CommandHelp.Entry help, String team) {
            List<String> positional = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (!word.startsWith("--")) {
                    positional.add(word);
                    continue;
                }
                int equals = word.indexOf('=');
                String name = (equals < 0 ? word : word.substring(0, equals)).toLowerCase(Locale.ROOT);
                String value;
                if (switches.contains(name) && equals < 0) {
                    value = "true";
                } else if (valued.contains(name)) {
                    if (equals >= 0) {
                        value = word.substring(equals + 1);
                    } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                        value = words.get(++i);
                    } else {
                        throw new ChatInputException("`" + name + "` needs a value after it.", help.usage(), help.example(team));
                    }
                } else {
                    List<String> known = new ArrayList<>(valued);
                    known.addAll(switches);
                    throw new ChatInputException("`" + help.word() + "` has no option `" + shown(name) + "`"
                            + (known.isEmpty() ? " (it takes none)." : "; its options: " + String.join(", ", known) + "."),
                            help.usage(), help.example(team));
                }
                if (values.put(name, value) != null) {
                    throw new ChatInputException("`" + name + "` is given twice.", help.usage(), help.example(team));
                }
            }
            return new Arguments(positional, values, help, team);
        }

        void expectCount(int min, int max, String what) {
            if (positional.size() < min) {
                throw new ChatInputException("`" + help.word() + "` needs " + what + ".", help.usage(), help.example(team));
            }
            if (positional.size() > max) {
                throw new ChatInputException("`" + help.word() + "` takes " + what + "; `" + shown(positional.get(max))
                        + "` is one word too many.", help.usage(), help.example(team));
            }
        }

        List<String> positional() {
            return positional;
        }

        String positional(int index) {
            return positional.get(index);
        }

        java.util.Optional<String> value(String name) {
            return java.util.Optional.ofNullable(values.get(name));
        }

        boolean isSet(String name) {
            return values.containsKey(name);
        }

        RegionId region() {
            return value("--region").map(r -> CommandParser.value("a region id", r, RegionId::of, help, team)).orElse(null);
        }
    }
}
