using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace GenreOrleans.Grains.Placement;

/// <summary>Keeps the silos with <c>gpu=true</c> metadata; keeps every silo when none has it.</summary>
public sealed class GpuPlacementFilterDirector(ISiloMetadataCache siloMetadataCache) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos as IReadOnlyCollection<SiloAddress> ?? silos.ToList();
        var withGpu = candidates.Where(HasGpu).ToList();
        return withGpu.Count > 0 ? withGpu : candidates;
    }

    private bool HasGpu(SiloAddress silo) => GpuPlacementFilterStrategy.SaysGpu(siloMetadataCache, silo);
}
