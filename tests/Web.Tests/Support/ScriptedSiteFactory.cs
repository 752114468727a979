using GenreOrleans.Grains.Tracks;
using GenreOrleans.Web.Tests.Doubles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>The real site and silo with the analysis pipeline replaced by <see cref="ScriptedTrackPipeline"/>.</summary>
public class ScriptedSiteFactory : GenreWebFactory
{
    public ScriptedTrackPipeline Pipeline { get; init; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ITrackPipeline>(Pipeline));
    }
}
