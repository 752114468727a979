using GenreOrleans.Grains.Hosting;
using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Placement;
using GenreOrleans.Grains.Serialization;
using GenreOrleans.Grains.Tracks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace GenreOrleans.Grains.Tests.Doubles;

/// <summary>
/// An in-process cluster configured exactly as src/Silo configures its silo
/// (<see cref="GenreOrleansSiloBuilderExtensions.AddGenreOrleansGrains"/>), over a SQLite
/// database in the given data directory, with the analysis pipeline and model replaced by
/// test doubles unless a test asks for the real ones.
/// </summary>
internal sealed class GenreTestCluster : IAsyncDisposable
{
    private GenreTestCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    /// <param name="pipeline">The pipeline double; null runs the product pipeline and model.</param>
    public static async Task<GenreTestCluster> StartAsync(
        string dataDirectory,
        ScriptedTrackPipeline? pipeline,
        short silos = 1,
        Func<string, IEnumerable<KeyValuePair<string, string?>>>? siloSettings = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((options, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DataDirectory.ConfigurationKey] = dataDirectory,
            });
            if (siloSettings is not null)
                host.Configuration.AddInMemoryCollection(siloSettings(options.SiloName));
            if (pipeline is not null)
            {
                host.Services.AddSingleton<ITrackPipeline>(pipeline);
                host.Services.AddSingleton<IScoringModelLoader, FakeModelLoader>();
            }
            host.UseOrleans(silo => silo.AddGenreOrleansGrains(host.Configuration));
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddAnalysisResultJson()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await WaitForSiloMetadataAsync(cluster);
        return new GenreTestCluster(cluster);
    }

    /// <summary>
    /// Waits until every silo's metadata cache holds every silo's metadata. Silos learn each other's
    /// metadata after they join, in the background: a placement made before that would not see a GPU silo.
    /// </summary>
    private static async Task WaitForSiloMetadataAsync(InProcessTestCluster cluster)
    {
        var silos = cluster.Silos.Cast<InProcessSiloHandle>().ToList();
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!silos.All(observer => silos.All(subject => Knows(observer, subject))))
        {
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException("the silos did not learn each other's metadata within 30 s");
            await Task.Delay(50);
        }
    }

    private static bool Knows(InProcessSiloHandle observer, InProcessSiloHandle subject)
    {
        var expected = subject.SiloHost.Services.GetRequiredService<LocalSiloMetadata>().Values.Count;
        var cache = observer.SiloHost.Services.GetRequiredService<ISiloMetadataCache>();
        return cache.GetSiloMetadata(subject.SiloAddress).Metadata.Count == expected;
    }

    /// <summary>Starts one more silo (named by the cluster, e.g. Silo_1, and given its siloSettings) and waits until every silo knows its metadata.</summary>
    public async Task<SiloHandle> AddSiloAsync()
    {
        var added = await Cluster.StartAdditionalSiloAsync();
        await WaitForSiloMetadataAsync(Cluster);
        return added;
    }

    /// <summary>Polls the track until <paramref name="done"/> holds (or 60 s pass, which fails the test).</summary>
    public async Task<TrackSnapshot> WaitForAsync(Guid trackId, Func<TrackSnapshot, bool> done)
    {
        var grain = Client.GetGrain<ITrackGrain>(trackId);
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var snapshot = await grain.GetAsync();
            if (snapshot is not null && done(snapshot))
                return snapshot;
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException($"Track {trackId} is still {snapshot?.Status.ToString() ?? "unknown"}.");
            await Task.Delay(50);
        }
    }

    public Task<TrackSnapshot> WaitForFinishAsync(Guid trackId) =>
        WaitForAsync(trackId, snapshot => snapshot.Status is TrackStatus.Completed or TrackStatus.Failed);

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
