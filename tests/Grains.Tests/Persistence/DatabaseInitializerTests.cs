using GenreOrleans.Grains.Persistence;
using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenreOrleans.Grains.Tests.Persistence;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("genre-grains-tests");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Creates_the_schema_in_the_data_directory_at_the_current_version()
    {
        var database = await TestDatabase.CreateAsync(_data.Path);

        await using var db = await database.CreateDbContextAsync();
        Assert.True(File.Exists(_data.File(DatabaseServiceCollectionExtensions.SqliteFileName)));
        Assert.Equal(DatabaseInitializer.CurrentVersion, (await db.SchemaVersions.SingleAsync()).Version);
        Assert.Equal(0, await db.Tracks.CountAsync());
    }

    [Fact]
    public async Task Starting_again_keeps_the_data()
    {
        var database = await TestDatabase.CreateAsync(_data.Path);
        await using (var db = await database.CreateDbContextAsync())
        {
            db.Tracks.Add(new TrackRecord { Id = Guid.NewGuid(), FileName = "a.mp3", StoredPath = "a", Status = "Completed" });
            await db.SaveChangesAsync();
        }

        await TestDatabase.CreateAsync(_data.Path);

        await using var reopened = await database.CreateDbContextAsync();
        Assert.Equal(1, await reopened.Tracks.CountAsync());
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        var database = await TestDatabase.CreateAsync(_data.Path);
        await using (var db = await database.CreateDbContextAsync())
        {
            (await db.SchemaVersions.SingleAsync()).Version = DatabaseInitializer.CurrentVersion + 1;
            await db.SaveChangesAsync();
        }

        var initializer = new DatabaseInitializer(database, NullLogger<DatabaseInitializer>.Instance);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync(CancellationToken.None));
        Assert.Contains("newer than this build", refused.Message);
    }
}
