namespace GenreOrleans.Grains.Hosting;

/// <summary>How a host takes part in the cluster (configuration key <c>Orleans:Mode</c>).</summary>
public enum OrleansMode
{
    /// <summary>The host runs a silo itself (the Web's standalone default, and src/Silo).</summary>
    Silo,

    /// <summary>The host only calls grains hosted by a dedicated silo.</summary>
    Client,
}
