package org.edgemec.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.edgemec.cli.api.Mec;
import org.edgemec.cli.api.ServiceClient;
import org.edgemec.cli.render.Table;
import picocli.CommandLine.Command;

@Command(name = "hosts", description = "MEC hosts (mec-app-lcm) and the app instances running on each")
public class HostsCommand extends Base {

    @Override
    public Integer call() {
        List<JsonNode> instances = mec().instances();
        ArrayNode all = ServiceClient.JSON.createArrayNode();
        Table table = new Table("HOST", "ZONE", "ENGINE", "PLATFORM", "APPS");
        for (JsonNode h : mec().hosts()) {
            String name = h.path("name").asText();
            ArrayNode on = ServiceClient.JSON.createArrayNode();
            List<String> names = new ArrayList<>();
            for (JsonNode i : instances) {
                if (name.equals(Mec.hostOf(i))) {
                    on.add(AppsCommand.summary(i));
                    names.add(i.path("appInstanceName").asText(i.path("id").asText()));
                }
            }
            ObjectNode host = h.deepCopy();
            host.set("appInstances", on);
            all.add(host);
            table.row(name, h.path("zone").asText(null), h.path("engineKind").asText(null),
                    h.path("platformUrl").asText(null), names.isEmpty() ? "-" : names.size() + ": "
                            + String.join(", ", names));
        }
        if (json) {
            printJson(all);
        } else {
            out().print(table.render());
        }
        return 0;
    }
}
