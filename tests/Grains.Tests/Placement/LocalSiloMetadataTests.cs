using GenreOrleans.Grains.Placement;
using Microsoft.Extensions.Configuration;

namespace GenreOrleans.Grains.Tests.Placement;

public sealed class LocalSiloMetadataTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] metadata) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(metadata.Select(m => new KeyValuePair<string, string?>($"Orleans:Metadata:{m.Key}", m.Value)))
            .Build();

    private static bool NotAsked() => throw new InvalidOperationException("the host was asked for CUDA");

    [Fact]
    public void Auto_publishes_gpu_true_on_a_host_where_torch_sees_a_cuda_device()
    {
        var metadata = LocalSiloMetadata.FromConfiguration(Settings(("gpu", "auto")), () => true);

        Assert.Equal("true", metadata.Values["gpu"]);
        Assert.True(metadata.HasGpu);
    }

    [Fact]
    public void Auto_publishes_gpu_false_on_a_host_without_one()
    {
        var metadata = LocalSiloMetadata.FromConfiguration(Settings(("gpu", "Auto")), () => false);

        Assert.Equal("false", metadata.Values["gpu"]);
        Assert.False(metadata.HasGpu);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void An_explicit_value_is_published_as_written_without_starting_torch(string value, bool hasGpu)
    {
        var metadata = LocalSiloMetadata.FromConfiguration(Settings(("gpu", value)), NotAsked);

        Assert.Equal(value, metadata.Values["gpu"]);
        Assert.Equal(hasGpu, metadata.HasGpu);
    }

    [Fact]
    public void Other_metadata_is_published_unchanged_and_no_gpu_key_means_no_gpu()
    {
        var metadata = LocalSiloMetadata.FromConfiguration(Settings(("zone", "eu-west"), ("rack", "7")), NotAsked);

        Assert.Equal(new Dictionary<string, string> { ["zone"] = "eu-west", ["rack"] = "7" }, metadata.Values);
        Assert.False(metadata.HasGpu);
    }
}
