using System.Net;
using GenreOrleans.Grains.Placement;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace GenreOrleans.Grains.Tests.Placement;

public sealed class GpuPlacementFilterDirectorTests
{
    private static readonly SiloAddress Local = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress Other = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    /// <summary>A cache that has heard of no silo yet, as on a silo that has just started.</summary>
    private sealed class EmptyMetadataCache : ISiloMetadataCache
    {
        public SiloMetadata GetSiloMetadata(SiloAddress siloAddress) => SiloMetadata.Empty;
    }

    private sealed class LocalSilo : ILocalSiloDetails
    {
        public string Name => "local";
        public string ClusterId => "test";
        public string DnsHostName => "localhost";
        public SiloAddress SiloAddress => Local;
        public SiloAddress GatewayAddress => Local;
    }

    private static GpuPlacementFilterDirector Director(string localGpu)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Orleans:Metadata:gpu", localGpu)])
            .Build();
        return new GpuPlacementFilterDirector(new EmptyMetadataCache(), new LocalSilo(), LocalSiloMetadata.FromConfiguration(configuration, () => false));
    }

    [Fact]
    public void A_just_started_gpu_silo_keeps_itself_before_its_cache_holds_its_own_metadata()
    {
        var kept = Director("true").Filter(new GpuPlacementFilterStrategy(), default, [Other, Local]);

        Assert.Equal([Local], kept);
    }

    [Fact]
    public void With_no_gpu_silo_known_every_silo_is_kept()
    {
        var kept = Director("false").Filter(new GpuPlacementFilterStrategy(), default, [Other, Local]);

        Assert.Equal([Other, Local], kept);
    }
}
