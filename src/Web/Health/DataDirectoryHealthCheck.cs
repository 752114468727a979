using GenreOrleans.Web.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Web.Health;

/// <summary>Healthy while uploads can be written: the uploads folder exists (or can be made) and takes a file.</summary>
public sealed class DataDirectoryHealthCheck(IOptions<StorageOptions> storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var uploads = storage.Value.UploadsDirectory;
        var probe = Path.Combine(uploads, $".health-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(uploads);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"cannot write to {uploads}", ex));
        }
    }
}
