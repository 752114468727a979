using System.Net;
using System.Net.Sockets;
using GenreOrleans.Grains.Hosting;
using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Grains.Tracks;
using GenreOrleans.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GenreOrleans.Grains.Tests.Hosting;

/// <summary>The two hosting modes wired exactly as src/Silo and src/Web (Orleans:Mode=Client) wire them.</summary>
public sealed class ClientModeTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("genre-grains-tests");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_client_analyses_a_track_on_a_dedicated_silo_and_reads_the_result()
    {
        var settings = new Dictionary<string, string?>
        {
            [DataDirectory.ConfigurationKey] = _data.Path,
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
            ["Orleans:ClusterId"] = "client-mode-test",
        };

        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(settings);
        siloBuilder.Services.AddSingleton<ITrackPipeline>(new ScriptedTrackPipeline());
        siloBuilder.Services.AddSingleton<IScoringModelLoader, FakeModelLoader>();
        siloBuilder.AddGenreOrleans();
        using var silo = siloBuilder.Build();
        await silo.StartAsync();

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Configuration.AddInMemoryCollection(settings);
        clientBuilder.Configuration["Orleans:Mode"] = "Client";
        clientBuilder.AddGenreOrleans();
        using var client = clientBuilder.Build();
        await client.StartAsync();

        try
        {
            var id = Guid.NewGuid();
            var path = TestWav.Write(_data.File("remote.wav"), seconds: 2);
            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<ITrackGrain>(id);
            await grain.StartAsync(new TrackUpload(path, "remote.wav", new FileInfo(path).Length, null));

            var snapshot = await grain.GetAsync();
            for (var polls = 0; snapshot!.Status != TrackStatus.Completed && polls < 600; polls++)
            {
                await Task.Delay(50);
                snapshot = await grain.GetAsync();
            }

            Assert.Equal(TrackStatus.Completed, snapshot.Status);
            Assert.Equal("acidhouse", snapshot.Result!.Genres[0].Slug); // the result crossed the wire as JSON
            Assert.Equal("Scripted title", snapshot.Facts!.Title);
        }
        finally
        {
            await client.StopAsync();
            await silo.StopAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
