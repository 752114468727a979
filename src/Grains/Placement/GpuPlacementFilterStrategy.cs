using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace GenreOrleans.Grains.Placement;

/// <summary>
/// Marker strategy for <see cref="GpuPlacementFilterDirector"/>. Unlike Orleans' built-in
/// metadata filters, which keep silos matching the calling silo's metadata, this one looks for a
/// fixed key and value, wherever the call comes from.
/// </summary>
public sealed class GpuPlacementFilterStrategy() : PlacementFilterStrategy(order: 0)
{
    /// <summary>Silo metadata key (configuration <c>Orleans:Metadata:gpu</c>).</summary>
    public const string MetadataKey = "gpu";

    /// <summary>Whether a <see cref="MetadataKey"/> value marks a GPU silo (<c>true</c>, any case).</summary>
    public static bool MeansGpu(string? value) => bool.TryParse(value, out var hasGpu) && hasGpu;

    /// <summary>Whether <paramref name="silo"/>'s metadata, as this silo knows it so far, marks a GPU silo.</summary>
    public static bool SaysGpu(ISiloMetadataCache metadata, SiloAddress silo) => SaysGpu(metadata.GetSiloMetadata(silo).Metadata);

    /// <summary>Whether a silo's metadata marks a GPU silo.</summary>
    public static bool SaysGpu(IReadOnlyDictionary<string, string> metadata) => MeansGpu(metadata.GetValueOrDefault(MetadataKey));
}
