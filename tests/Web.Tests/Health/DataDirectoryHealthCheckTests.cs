using GenreOrleans.Web.Health;
using GenreOrleans.Web.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Web.Tests.Health;

public sealed class DataDirectoryHealthCheckTests
{
    private static Task<HealthCheckResult> CheckAsync(string dataDirectory) =>
        new DataDirectoryHealthCheck(Options.Create(new StorageOptions { DataDirectory = dataDirectory }))
            .CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Is_healthy_when_uploads_can_be_written()
    {
        var directory = Directory.CreateTempSubdirectory("genre-health-").FullName;
        try
        {
            Assert.Equal(HealthStatus.Healthy, (await CheckAsync(directory)).Status);
            Assert.Empty(Directory.GetFiles(Path.Combine(directory, "uploads")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Is_unhealthy_when_the_data_directory_is_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(file)).Status);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
