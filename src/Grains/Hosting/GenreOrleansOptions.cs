namespace GenreOrleans.Grains.Hosting;

/// <summary>The <c>Orleans</c> configuration section shared by src/Web and src/Silo.</summary>
public sealed class GenreOrleansOptions
{
    public const string SectionName = "Orleans";

    public OrleansMode Mode { get; set; } = OrleansMode.Silo;

    public string ClusterId { get; set; } = "genre-orleans";

    public string ServiceId { get; set; } = "genre-orleans";

    /// <summary>Silo-to-silo port; localhost clustering uses it to find the primary silo.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (the Web in client mode) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
}
