using GenreOrleans.Grains.Persistence;
using GenreOrleans.Grains.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;

namespace GenreOrleans.Grains.Hosting;

/// <summary>How src/Web and src/Silo join the cluster, from the same configuration keys.</summary>
public static class GenreOrleansHostingExtensions
{
    /// <summary>A co-hosted silo, or a client of a dedicated silo when <c>Orleans:Mode=Client</c>.</summary>
    public static IHostApplicationBuilder AddGenreOrleans(this IHostApplicationBuilder builder) =>
        ReadOptions(builder.Configuration).Mode == OrleansMode.Client
            ? builder.UseGenreOrleansClient()
            : builder.UseGenreOrleansSilo();

    /// <summary>Runs a silo in this host (localhost clustering: one machine, primary silo on <c>Orleans:SiloPort</c>).</summary>
    public static IHostApplicationBuilder UseGenreOrleansSilo(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId)
            .AddGenreOrleansGrains(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// Connects to a dedicated silo's gateway (<c>Orleans:GatewayPort</c>). The application
    /// database is registered too, for pages that list tracks; the silo owns its schema.
    /// </summary>
    public static IHostApplicationBuilder UseGenreOrleansClient(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddGenreOrleansDatabase(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            client.Services.AddSerializer(serializer => serializer.AddAnalysisResultJson());
        });
        return builder;
    }

    private static GenreOrleansOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(GenreOrleansOptions.SectionName).Get<GenreOrleansOptions>() ?? new GenreOrleansOptions();
}
