using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Placement;
using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace GenreOrleans.Grains.Tests.Placement;

public interface IGpuPinnedProbeGrain : IGrainWithIntegerKey
{
    Task<string> GetSiloAsync();
}

/// <summary>Random placement under the GPU filter, so that without a GPU silo activations spread over all silos.</summary>
[RandomPlacement]
[GpuPlacementFilter]
public sealed class GpuPinnedProbeGrain(ILocalSiloDetails silo) : Grain, IGpuPinnedProbeGrain
{
    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToString());
}

public sealed class GpuPlacementTests
{
    private static IEnumerable<KeyValuePair<string, string?>> GpuOn(string gpuSiloName, string siloName) =>
        [new("Orleans:Metadata:gpu", siloName == gpuSiloName ? "true" : "false")];

    private static string SiloAddress(GenreTestCluster cluster, string siloName) =>
        cluster.Cluster.Silos.Single(silo => silo.Name == siloName).SiloAddress.ToString();

    [Fact]
    public async Task A_silo_set_to_auto_publishes_gpu_true_exactly_when_torch_sees_a_cuda_device()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, new ScriptedTrackPipeline(),
            siloSettings: _ => [new("Orleans:Metadata:gpu", LocalSiloMetadata.Auto)]);
        var silo = (InProcessSiloHandle)cluster.Cluster.Silos.Single();

        var published = silo.SiloHost.Services.GetRequiredService<ISiloMetadataCache>().GetSiloMetadata(silo.SiloAddress).Metadata;

        Assert.Equal(TorchSharp.torch.cuda.is_available() ? "true" : "false", published[GpuPlacementFilterStrategy.MetadataKey]);
    }

    [Fact]
    public async Task The_inference_grain_moves_to_a_gpu_silo_that_joins_after_it_was_placed()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, new ScriptedTrackPipeline(),
            siloSettings: name => [.. GpuOn("Silo_1", name), new("Inference:GpuSiloCheckSeconds", "1")]);
        var inference = cluster.Client.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey);
        var first = await inference.GetStatusAsync();

        var gpuSilo = await cluster.AddSiloAsync();
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        var status = first;
        while (status.Silo != gpuSilo.SiloAddress.ToString() && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(200);
            status = await inference.GetStatusAsync();
        }

        Assert.Equal(SiloAddress(cluster, "Silo_0"), first.Silo);
        Assert.Equal(gpuSilo.SiloAddress.ToString(), status.Silo);
    }

    [Fact]
    public async Task The_inference_grain_activates_on_the_gpu_silo()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, new ScriptedTrackPipeline(), silos: 2,
            siloSettings: name => GpuOn("Silo_1", name));

        var status = await cluster.Client.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey).GetStatusAsync();

        Assert.Equal(SiloAddress(cluster, "Silo_1"), status.Silo);
    }

    [Fact]
    public async Task Every_filtered_activation_lands_on_the_gpu_silo()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, new ScriptedTrackPipeline(), silos: 2,
            siloSettings: name => GpuOn("Silo_1", name));

        var silos = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(key => cluster.Client.GetGrain<IGpuPinnedProbeGrain>(key).GetSiloAsync()));

        Assert.All(silos, silo => Assert.Equal(SiloAddress(cluster, "Silo_1"), silo));
    }

    [Fact]
    public async Task Without_a_gpu_silo_activations_land_on_any_silo()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, new ScriptedTrackPipeline(), silos: 2);

        var silos = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(key => cluster.Client.GetGrain<IGpuPinnedProbeGrain>(key).GetSiloAsync()));
        var status = await cluster.Client.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey).GetStatusAsync();

        // 40 random placements over two silos all on one: probability 2^-39.
        Assert.Equal(2, silos.Distinct().Count());
        Assert.Contains(status.Silo, cluster.Cluster.Silos.Select(silo => silo.SiloAddress.ToString()));
    }
}
