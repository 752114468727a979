using GenreOrleans.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GenreOrleans.Web.Tests.Browser;

/// <summary>The site on a real Kestrel port (a browser cannot reach the in-memory test server).</summary>
public sealed class LiveSite : GenreWebFactory
{
    private string? _address;

    public string Address => _address ??= this.StartOnKestrel();
}

/// <summary>The same with the scripted pipeline, for browser tests of the page's own behaviour.</summary>
public sealed class ScriptedLiveSite : ScriptedSiteFactory
{
    private string? _address;

    public string Address => _address ??= this.StartOnKestrel();
}

public static class KestrelStart
{
    public static string StartOnKestrel(this WebApplicationFactory<Program> factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
    }
}
