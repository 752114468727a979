using GenreOrleans.Grains.Hosting;
using GenreOrleans.Grains.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenreOrleans.Grains.Tests.Doubles;

/// <summary>The application database of a data directory, configured as the silo configures it, without a silo.</summary>
internal static class TestDatabase
{
    public static IDbContextFactory<GenreOrleansDbContext> Open(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DataDirectory.ConfigurationKey] = dataDirectory })
            .Build();
        return new ServiceCollection()
            .AddGenreOrleansDatabase(configuration)
            .BuildServiceProvider()
            .GetRequiredService<IDbContextFactory<GenreOrleansDbContext>>();
    }

    public static async Task<IDbContextFactory<GenreOrleansDbContext>> CreateAsync(string dataDirectory)
    {
        var factory = Open(dataDirectory);
        await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
        return factory;
    }
}
