namespace GenreOrleans.Grains.Persistence;

/// <summary>The single row saying which schema version the database was created or upgraded to.</summary>
public sealed class SchemaVersionRecord
{
    public int Id { get; set; }

    public int Version { get; set; }

    public DateTime AppliedAtUtc { get; set; }
}
