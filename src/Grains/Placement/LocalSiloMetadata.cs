using Microsoft.Extensions.Configuration;

namespace GenreOrleans.Grains.Placement;

/// <summary>
/// The metadata this silo publishes (<c>Orleans:Metadata</c>), with <c>gpu=auto</c> resolved on the
/// host: <c>true</c> when torch sees a CUDA device, else <c>false</c>. The placement filter and the
/// model load at start read the resolved value, so a GPU host needs no setting of its own.
/// </summary>
public sealed class LocalSiloMetadata
{
    /// <summary>The <c>gpu</c> value that asks the host.</summary>
    public const string Auto = "auto";

    public const string SectionName = "Orleans:Metadata";

    private LocalSiloMetadata(Dictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Whether this silo says <c>gpu=true</c> (after <c>auto</c> was resolved).</summary>
    public bool HasGpu => GpuPlacementFilterStrategy.SaysGpu(Values);

    /// <param name="cudaAvailable">Asked only when <c>gpu</c> is <c>auto</c>: it starts torch.</param>
    public static LocalSiloMetadata FromConfiguration(IConfiguration configuration, Func<bool> cudaAvailable)
    {
        var values = configuration.GetSection(SectionName).GetChildren()
            .Where(entry => entry.Value is not null)
            .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.Ordinal);
        if (values.TryGetValue(GpuPlacementFilterStrategy.MetadataKey, out var gpu) && string.Equals(gpu.Trim(), Auto, StringComparison.OrdinalIgnoreCase))
            values[GpuPlacementFilterStrategy.MetadataKey] = cudaAvailable() ? "true" : "false";
        return new LocalSiloMetadata(values);
    }
}
