namespace GenreOrleans.Grains.Persistence;

/// <summary>Which relational database holds the application data (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded file in the data directory: the zero-setup default.</summary>
    Sqlite,
    SqlServer,
    PostgreSql,
}
