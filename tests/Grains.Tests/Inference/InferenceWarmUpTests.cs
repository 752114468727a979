using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Grains.Tests.Inference;

public sealed class InferenceWarmUpTests
{
    private static async Task<IReadOnlyList<string>> InferenceActivationSilosAsync(GenreTestCluster cluster)
    {
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics
            .Where(s => s.GrainType.Contains(nameof(InferenceGrain), StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress.ToString())
            .ToList();
    }

    private static async Task<IReadOnlyList<string>> WaitForInferenceActivationAsync(GenreTestCluster cluster)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var silos = await InferenceActivationSilosAsync(cluster);
            if (silos.Count > 0 || DateTime.UtcNow > giveUp)
                return silos;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_gpu_silo_loads_the_model_at_start_without_any_request()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, new ScriptedTrackPipeline(), silos: 2,
            siloSettings: name => [new("Orleans:Metadata:gpu", name == "Silo_1" ? "true" : "false")]);

        var silos = await WaitForInferenceActivationAsync(cluster);

        var gpuSilo = cluster.Cluster.Silos.Single(silo => silo.Name == "Silo_1").SiloAddress.ToString();
        Assert.Equal([gpuSilo], silos);
    }

    [Fact]
    public async Task The_standalone_setting_loads_the_model_at_start_on_a_cpu_silo()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, new ScriptedTrackPipeline(),
            siloSettings: _ => [new("Inference:LoadModelAtStart", nameof(ModelLoadAtStart.Always))]);

        var silos = await WaitForInferenceActivationAsync(cluster);

        Assert.Single(silos);
    }
}
