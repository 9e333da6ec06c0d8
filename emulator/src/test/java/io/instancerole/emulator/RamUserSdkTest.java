package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToUser;
import static io.instancerole.emulator.testing.SdkRequests.detachPolicyFromUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserResponse;
import com.aliyuncs.ram.model.v20150501.DeleteUserRequest;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.ram.model.v20150501.GetUserResponse;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import io.instancerole.emulator.client.UserKeys;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkClients;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RamUserSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void createsReadsAndListsUsers() throws Exception {
        CreateUserRequest create = new CreateUserRequest();
        create.setUserName("zhang.san");
        create.setDisplayName("张三");
        create.setEmail("zhang@example.com");
        create.setComments("部署账号");
        CreateUserResponse.User created = EMULATOR.send(root, create).getUser();
        EMULATOR.send(root, createUser("li-si"));

        GetUserRequest get = new GetUserRequest();
        get.setUserName("zhang.san");
        GetUserResponse.User read = EMULATOR.send(root, get).getUser();
        List<ListUsersResponse.User> users = EMULATOR.send(root, new ListUsersRequest()).getUsers();

        assertEquals("张三", created.getDisplayName());
        assertTrue(created.getUserId().matches("\\d{16}"));
        assertEquals(created.getUserId(), read.getUserId());
        assertEquals("部署账号", read.getComments());
        assertEquals("zhang@example.com", read.getEmail());
        assertEquals(List.of("zhang.san", "li-si"),
                users.stream().map(ListUsersResponse.User::getUserName).collect(Collectors.toList()));
    }

    @Test
    void refusesDuplicatesAndBadNames() throws Exception {
        EMULATOR.send(root, createUser("dup"));

        assertEquals("EntityAlreadyExists.User", assertThrows(ClientException.class,
                () -> EMULATOR.send(root, createUser("dup"))).getErrCode());
        assertEquals("InvalidParameter.UserName.InvalidChars", assertThrows(ClientException.class,
                () -> EMULATOR.send(root, createUser("no/slash"))).getErrCode());
        assertEquals("InvalidParameter.UserName.Length", assertThrows(ClientException.class,
                () -> EMULATOR.send(root, createUser("u".repeat(65)))).getErrCode());
    }

    @Test
    void deletesAUserAndItsKeysOnceNoPolicyIsAttached() throws Exception {
        UserKeys keys = EMULATOR.control().createUser("temp");
        EMULATOR.send(root, attachPolicyToUser("System", "AliyunOSSReadOnlyAccess", "temp"));
        DeleteUserRequest delete = new DeleteUserRequest();
        delete.setUserName("temp");

        ClientException conflict = assertThrows(ClientException.class, () -> EMULATOR.send(root, delete));
        EMULATOR.send(root, detachPolicyFromUser("System", "AliyunOSSReadOnlyAccess", "temp"));
        EMULATOR.send(root, delete);
        DefaultAcsClient formerUser = SdkClients.client(keys.accessKeyId(), keys.accessKeySecret(), EmulatorExtension.REGION);

        assertEquals("DeleteConflict.User.Policy", conflict.getErrCode());
        assertEquals("InvalidAccessKeyId.NotFound", assertThrows(ClientException.class,
                () -> EMULATOR.send(formerUser, new GetCallerIdentityRequest())).getErrCode());
        assertEquals("EntityNotExist.User", assertThrows(ClientException.class,
                () -> EMULATOR.send(root, delete)).getErrCode());
    }

    private static CreateUserRequest createUser(String name) {
        CreateUserRequest request = new CreateUserRequest();
        request.setUserName(name);
        return request;
    }
}
