using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace GenreOrleans.Grains.Persistence;

/// <summary>
/// Creates the schema on first start and checks its version afterwards. We use
/// EnsureCreated-style creation plus a version row instead of EF migrations because the same
/// model must work on three providers: generated migrations are provider-specific (one set per
/// provider to keep in step), while the model itself is provider-neutral. A later schema change
/// adds an upgrade step to <see cref="Upgrades"/>; a database newer than the code is refused
/// rather than silently misread.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<GenreOrleansDbContext> contextFactory,
    ILogger<DatabaseInitializer> logger)
{
    public const int CurrentVersion = 1;

    /// <summary>Upgrade steps by the version they upgrade to (none yet: version 1 is the first).</summary>
    private static readonly IReadOnlyDictionary<int, Func<GenreOrleansDbContext, CancellationToken, Task>> Upgrades =
        new Dictionary<int, Func<GenreOrleansDbContext, CancellationToken, Task>>();

    /// <summary>
    /// Several silos may start against one database at once: whoever loses the race to create the
    /// schema (its CREATE TABLE fails, or it sees the version row not yet written) retries.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        const int attempts = 8;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InitializeOnceAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < attempts && exception is DbException or DbUpdateException or SchemaBeingCreatedException)
            {
                logger.LogDebug(exception, "Database schema not ready (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
            await creator.CreateAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            // WAL lets history pages read while grains write progress.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var version = await creator.HasTablesAsync(cancellationToken) ? await ReadVersionAsync(db, cancellationToken) : null;
        if (version is null)
        {
            await creator.CreateTablesAsync(cancellationToken);
            db.SchemaVersions.Add(new SchemaVersionRecord { Id = 1, Version = CurrentVersion, AppliedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created application database schema version {Version} ({Provider})",
                CurrentVersion, db.Database.ProviderName);
            return;
        }

        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The application database has schema version {version}, newer than this build's {CurrentVersion}; run a newer build or point Database:ConnectionString elsewhere.");
        }

        for (var next = version.Value + 1; next <= CurrentVersion; next++)
        {
            await Upgrades[next](db, cancellationToken);
            var row = await db.SchemaVersions.SingleAsync(cancellationToken);
            row.Version = next;
            row.AppliedAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Upgraded application database schema to version {Version}", next);
        }
    }

    private static async Task<int?> ReadVersionAsync(GenreOrleansDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var row = await db.SchemaVersions.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            return row?.Version ?? throw new SchemaBeingCreatedException();
        }
        catch (DbException)
        {
            // The table does not exist yet: a new, empty database.
            return null;
        }
    }

    private sealed class SchemaBeingCreatedException() : Exception("The SchemaVersion table has no row yet: another process is creating the schema, or the database was not created by GenreOrleans.");
}
