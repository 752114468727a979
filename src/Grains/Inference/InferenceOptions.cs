namespace GenreOrleans.Grains.Inference;

/// <summary>The <c>Inference</c> configuration section.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>Most windows in one forward pass.</summary>
    public int MaxBatchWindows { get; set; } = 32;

    /// <summary>How long the first queued window waits for others before its batch runs anyway.</summary>
    public int MaxWaitMilliseconds { get; set; } = 10;

    /// <summary>The model to load at activation; empty means the shipped default model.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Which silos load the model when they start instead of at the first upload (see <see cref="ModelLoadAtStart"/>).</summary>
    public ModelLoadAtStart LoadModelAtStart { get; set; } = ModelLoadAtStart.GpuSilos;

    /// <summary>
    /// How often, in seconds, the grain on a silo without a GPU looks for a GPU silo to move to (one
    /// that joined after the grain was placed, or that it was placed before it knew of); 0 = never.
    /// </summary>
    public int GpuSiloCheckSeconds { get; set; } = 30;
}
