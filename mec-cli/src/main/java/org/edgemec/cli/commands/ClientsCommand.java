package org.edgemec.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.edgemec.cli.api.ServiceClient;
import org.edgemec.cli.render.Table;
import picocli.CommandLine.Command;

@Command(name = "clients", description = "each edge proxy's logged-in clients and where each service host is forwarded")
public class ClientsCommand extends Base {

    @Override
    public Integer call() {
        ArrayNode all = ServiceClient.JSON.createArrayNode();
        Table table = new Table("PROXY", "ZONE", "CLIENT", "SERVICE HOST", "FORWARDED TO", "HANDOVER");
        for (JsonNode h : mec().hosts()) {
            ServiceClient platform = mec().platform(h.path("name").asText());
            for (JsonNode proxy : platform.get("/edge_proxy/v1/proxies")) {
                if (!proxy.path("local").asBoolean()) {
                    continue; // a peer: its own platform lists its clients
                }
                String name = proxy.path("name").asText();
                JsonNode clients = platform.get("/edge_proxy/v1/proxies/" + name + "/clients");
                ObjectNode p = proxy.deepCopy();
                p.set("clients", clients);
                all.add(p);
                for (JsonNode c : clients) {
                    Iterator<Map.Entry<String, JsonNode>> f = c.path("forwarding").fields();
                    if (!f.hasNext()) {
                        table.row(name, proxy.path("zone").asText(null), c.path("clientId").asText(), "-", "-",
                                c.path("handoverId").asText(null));
                    }
                    while (f.hasNext()) {
                        Map.Entry<String, JsonNode> e = f.next();
                        table.row(name, proxy.path("zone").asText(null), c.path("clientId").asText(), e.getKey(),
                                e.getValue().asText(), c.path("handoverId").asText(null));
                    }
                }
            }
        }
        if (json) {
            printJson(all);
        } else if (table.isEmpty()) {
            out().println("no clients logged in at any edge proxy");
        } else {
            out().print(table.render());
        }
        return 0;
    }
}
