using GenreOrleans.Analysis.Results;
using Orleans.Serialization;

namespace GenreOrleans.Web.Hosting;

/// <summary>
/// Co-hosts a silo in the web process (Orleans:Mode=Standalone, the default) or connects to a
/// dedicated silo as a client (Orleans:Mode=Client). Localhost clustering in both cases.
/// Interim: replaced by the shared GenreOrleans.Grains.Hosting extensions once they land.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddOrleans(this WebApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection("Orleans");
        var siloPort = orleans.GetValue("SiloPort", 11111);
        var gatewayPort = orleans.GetValue("GatewayPort", 30000);
        if (string.Equals(orleans["Mode"], "Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client =>
            {
                client.UseLocalhostClustering(gatewayPort);
                client.Services.AddSerializer(AddResultJson);
            });
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort).AddMemoryGrainStorageAsDefault();
                silo.Services.AddSerializer(AddResultJson);
            });
        }
        return builder;
    }

    // The analysis result records carry no Orleans attributes; they travel as JSON.
    private static void AddResultJson(ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(type => type.Namespace == typeof(TrackResult).Namespace);
}
