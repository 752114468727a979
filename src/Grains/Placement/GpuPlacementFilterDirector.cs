using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace GenreOrleans.Grains.Placement;

/// <summary>
/// Keeps the silos with <c>gpu=true</c> metadata; keeps every silo when none has it. This silo's own
/// metadata is read from <see cref="LocalSiloMetadata"/>: the cache may not hold it yet when the silo
/// has just started, which is when <see cref="Inference.InferenceWarmUp"/> places the InferenceGrain.
/// </summary>
public sealed class GpuPlacementFilterDirector(
    ISiloMetadataCache siloMetadataCache,
    ILocalSiloDetails localSilo,
    LocalSiloMetadata localMetadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos as IReadOnlyCollection<SiloAddress> ?? silos.ToList();
        var withGpu = candidates.Where(HasGpu).ToList();
        return withGpu.Count > 0 ? withGpu : candidates;
    }

    private bool HasGpu(SiloAddress silo) =>
        silo.Equals(localSilo.SiloAddress) ? localMetadata.HasGpu : GpuPlacementFilterStrategy.SaysGpu(siloMetadataCache, silo);
}
