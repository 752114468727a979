using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using GenreOrleans.Grains.Tracks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>
/// The real site with its co-hosted silo, on a data directory of its own and free ports, so that
/// test classes can run side by side. Settings go in as host settings because the site reads some
/// of them while it is being built.
/// </summary>
public class GenreWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public GenreWebFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "genre-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
    }

    /// <summary>Sets a configuration value; only before the first client or server is created.</summary>
    public GenreWebFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public string DataDirectory { get; }

    /// <summary>
    /// Skips the calling test while the silo has no analysis pipeline registered (it comes with the
    /// model): until then a TrackGrain cannot be activated, so no upload can be accepted.
    /// </summary>
    public void RequireTrackPipeline() =>
        Skip.If(Services.GetService<ITrackPipeline>() is null,
            "no ITrackPipeline is registered in the silo yet: tracks cannot be started until the analysis pipeline lands");

    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open for a moment; the folder is under the temp directory.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
