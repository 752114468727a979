using GenreOrleans.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GenreOrleans.Web.Tests.Browser;

/// <summary>The site on a real Kestrel port (a browser cannot reach the in-memory test server).</summary>
public sealed class LiveSite : GenreWebFactory
{
    private string? _address;

    public string Address => _address ??= Start();

    private string Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
    }
}
