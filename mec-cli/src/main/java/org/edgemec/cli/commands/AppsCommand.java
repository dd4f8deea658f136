package org.edgemec.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgemec.cli.api.Mec;
import org.edgemec.cli.api.ServiceClient;
import org.edgemec.cli.render.Table;
import picocli.CommandLine.Command;

@Command(name = "apps", description = "app instances (MEC 010-2): id, name, state, host")
public class AppsCommand extends Base {

    @Override
    public Integer call() {
        ArrayNode all = ServiceClient.JSON.createArrayNode();
        Table table = new Table("ID", "NAME", "STATE", "HOST", "APPD");
        for (JsonNode i : mec().instances()) {
            ObjectNode s = summary(i);
            all.add(s);
            table.row(s.path("id").asText(), s.path("name").asText(null), s.path("state").asText(),
                    s.path("host").asText(null), s.path("appDId").asText(null));
        }
        if (json) {
            printJson(all);
        } else {
            out().print(table.render());
        }
        return 0;
    }

    /** The instance as the CLI shows it: state is the instantiation state, with the operational state if any. */
    static ObjectNode summary(JsonNode i) {
        ObjectNode s = ServiceClient.JSON.createObjectNode();
        s.put("id", i.path("id").asText());
        s.put("name", i.path("appInstanceName").asText(null));
        s.put("appDId", i.path("appDId").asText(null));
        String state = i.path("instantiationState").asText();
        String operational = i.at("/instantiatedAppState/operationalState").asText("");
        s.put("state", operational.isEmpty() ? state : state + "/" + operational);
        s.put("host", Mec.hostOf(i));
        return s;
    }
}
