using GenreOrleans.Grains.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenreOrleans.Grains.Persistence;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteFileName = "genre-orleans.db";

    /// <summary>
    /// Registers <see cref="GenreOrleansDbContext"/> (through a context factory, so that singletons
    /// such as grain storage create a short-lived context per operation) on the configured provider.
    /// </summary>
    public static IServiceCollection AddGenreOrleansDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {options.Provider}.");
            connectionString = $"Data Source={Path.Combine(DataDirectory.Resolve(configuration), SqliteFileName)}";
        }

        services.AddDbContextFactory<GenreOrleansDbContext>(builder => _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString),
            _ => throw new InvalidOperationException($"Unknown Database:Provider {options.Provider}."),
        });
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
