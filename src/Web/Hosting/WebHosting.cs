using GenreOrleans.Grains.Hosting;
using GenreOrleans.Web.Api;
using GenreOrleans.Web.Health;
using GenreOrleans.Web.Storage;
using GenreOrleans.Web.Tracks;
using GenreOrleans.Web.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Serilog;

namespace GenreOrleans.Web.Hosting;

/// <summary>Everything the site needs, so that Program.cs stays two lines long.</summary>
public static class WebHosting
{
    public static WebApplicationBuilder AddGenreWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Serve wwwroot from the build output's manifest in every environment (not only Development),
        // so that `dotnet run -c Release` and running the built dll work as well as a published copy.
        builder.WebHost.UseStaticWebAssets();
        services.Configure<StorageOptions>(storage => StorageOptions.Bind(storage, builder.Configuration));
        services.Configure<UploadOptions>(builder.Configuration.GetSection(UploadOptions.SectionName));

        var uploadLimits = builder.Configuration.GetSection(UploadOptions.SectionName).Get<UploadOptions>() ?? new UploadOptions();
        // The page's no-JavaScript fallback lets ASP.NET read the form (the antiforgery token is in it): same limit.
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = uploadLimits.MaxBytes + uploadLimits.EnvelopeAllowanceBytes);

        services.AddSerilog((provider, logger) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console()
                .WriteTo.File(Path.Combine(storage.LogsDirectory, "web-.log"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
        });

        builder.AddGenreOrleans();

        services.AddSingleton<AudioSniffer>();
        services.AddSingleton<UploadReceiver>();
        services.AddSingleton<UploadHistory>();
        services.AddSingleton<AnalysisAdmission>();
        services.AddSingleton<TrackService>();
        services.AddHostedService<AnalysisAdmissionMonitor>();
        services.AddUploadRateLimiting();

        services.AddRazorPages();
        services.Configure<RouteOptions>(routes => routes.LowercaseUrls = true);
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster")
            .AddCheck<DataDirectoryHealthCheck>("data-directory");
        return builder;
    }

    public static WebApplication UseGenreWeb(this WebApplication app)
    {
        // API callers get problem details, people get the error page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler("/Error"));
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapTrackEndpoints();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
