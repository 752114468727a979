namespace GenreOrleans.Grains.Inference;

/// <summary>Which silos activate the InferenceGrain (and so load the model) as soon as they are up.</summary>
public enum ModelLoadAtStart
{
    /// <summary>None: the first track to reach Classifying pays for starting torch and loading the model.</summary>
    Never,

    /// <summary>
    /// Silos whose metadata says <c>gpu=true</c>. The default for clusters: a CPU silo that came up
    /// first would otherwise place the always-active grain on itself before a GPU silo joined.
    /// </summary>
    GpuSilos,

    /// <summary>Every silo: the standalone site, whose co-hosted silo is the only one.</summary>
    Always,
}
