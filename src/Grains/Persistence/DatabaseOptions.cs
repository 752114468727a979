namespace GenreOrleans.Grains.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string; required for SqlServer and PostgreSql. For Sqlite it defaults to
    /// <c>genre-orleans.db</c> in the data directory.
    /// </summary>
    public string? ConnectionString { get; set; }
}
